using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Organization.Accounts;
using Platform.Organization.Activities;
using Platform.Organization.Communities;
using Platform.Organization.Deliberations;
using Platform.Organization.GridPosts;
using Platform.Organization.Indices;
using Platform.Organization.MemberUnits;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Organization.Posts;
using Platform.Organization.Registrations;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Organization.Data;

public sealed class OrganizationDbContext(DbContextOptions<OrganizationDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Subdistrict> Subdistricts => Set<Subdistrict>();

    public DbSet<Community> Communities => Set<Community>();

    public DbSet<PartyOrganization> PartyOrganizations => Set<PartyOrganization>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonalDataReveal> PersonalDataReveals => Set<PersonalDataReveal>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<AreaAssignment> AreaAssignments => Set<AreaAssignment>();

    public DbSet<InServiceRegistration> Registrations => Set<InServiceRegistration>();

    public DbSet<PartyActivity> Activities => Set<PartyActivity>();

    public DbSet<ServiceCentreCheck> ServiceCentreChecks => Set<ServiceCentreCheck>();

    public DbSet<MemberUnit> MemberUnits => Set<MemberUnit>();

    public DbSet<AllianceMeeting> AllianceMeetings => Set<AllianceMeeting>();

    public DbSet<Deliberation> Deliberations => Set<Deliberation>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<UserAccount> UserAccounts => Set<UserAccount>();

    public DbSet<GridPosting> GridPostings => Set<GridPosting>();

    public DbSet<IndexInputRecord> IndexInputs => Set<IndexInputRecord>();

    public DbSet<RubricVersion> RubricVersions => Set<RubricVersion>();

    public DbSet<IndexScoreRow> IndexScores => Set<IndexScoreRow>();

    public DbSet<IndexPublication> IndexPublications => Set<IndexPublication>();

    public DbSet<PublishedScore> PublishedScores => Set<PublishedScore>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables().AddIdempotencyTable();
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        modelBuilder.Entity<Subdistrict>(e =>
        {
            e.ToTable("subdistrict");
            e.HasKey(x => x.Id);
            e.Property(x => x.DivisionCode).HasMaxLength(6);
            e.Property(x => x.Code).HasMaxLength(3);
            e.Property(x => x.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<Community>(e =>
        {
            e.ToTable("communities");
            e.HasKey(c => c.Id);
            e.Property(c => c.Code).HasMaxLength(3);
            e.Property(c => c.Name).HasMaxLength(Community.MaxNameLength);
            e.Property(c => c.ResidentsCommittee).HasMaxLength(Community.MaxNameLength);
            e.Property(c => c.ServiceStation).HasMaxLength(Community.MaxNameLength);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.Code).IsUnique();
        });

        modelBuilder.Entity<PartyOrganization>(e =>
        {
            e.ToTable("party_organizations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Name).HasMaxLength(PartyOrganization.MaxNameLength);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(o => o.MassOrganizationType).HasConversion<string>().HasMaxLength(40);
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.OwnsMany(o => o.ParentHistory, h => h.ToJson("parent_history"));
            e.Navigation(o => o.ParentHistory).HasField("parentHistory").UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasIndex(o => o.ParentId);
            e.HasIndex(o => o.CommunityId);
            // The tree has one root: a second active subdistrict committee is refused even when two requests race.
            e.HasIndex(o => o.Kind).IsUnique().HasDatabaseName("ix_one_active_subdistrict_committee")
                .HasFilter("kind = 'SubdistrictCommittee' AND status = 'Active'");
        });

        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(Person.MaxNameLength);
            e.ComplexProperty(p => p.Phone, c => c.StoredAs("phone", 60));
            e.ComplexProperty(p => p.IdCard, c => c.StoredAs("id_card", 60));
            e.ComplexProperty(p => p.HomeAddress, c => c.StoredAs("home_address", 60));
            e.Property(p => p.IdCardHash).HasMaxLength(64);
            e.HasIndex(p => p.IdCardHash).IsUnique();
            e.OwnsOne(p => p.Membership, m =>
            {
                m.Property(x => x.OrganizationId).HasColumnName("member_organization_id");
                m.Property(x => x.Type).HasColumnName("member_type").HasConversion<string>().HasMaxLength(20);
                m.Property(x => x.JoinedOn).HasColumnName("member_joined_on");
                m.HasIndex(x => x.OrganizationId);
            });
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => p.StaffCommunityId);
            e.HasIndex(p => p.CommunityId);
        });

        modelBuilder.Entity<PersonalDataReveal>(e =>
        {
            e.ToTable("personal_data_reveals");
            e.HasKey(r => r.Id);
            e.Property(r => r.RevealedBy).HasMaxLength(200);
            e.Property(r => r.Reason).HasMaxLength(PeopleApi.MaxReasonLength);
            e.HasIndex(r => new { r.PersonId, r.RevealedAt });
        });

        ConfigureActivities(modelBuilder);
    }

    private static void ConfigureActivities(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Post>(e =>
        {
            e.ToTable("posts");
            e.HasKey(p => p.Id);
            e.Property(p => p.Title).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.BusinessLine).HasMaxLength(Post.MaxDutyLength);
            e.Property(p => p.PartyBuildingDuty).HasMaxLength(Post.MaxDutyLength);
            e.Ignore(p => p.IsFirstResponsible);
            e.HasIndex(p => new { p.OrganizationId, p.Title });
            e.HasIndex(p => p.PersonId);
        });

        modelBuilder.Entity<AreaAssignment>(e =>
        {
            e.ToTable("area_assignments");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.PersonId);
            e.HasIndex(a => a.CommunityId);
        });

        modelBuilder.Entity<InServiceRegistration>(e =>
        {
            e.ToTable("in_service_registrations");
            e.HasKey(r => r.Id);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.DecisionNote).HasMaxLength(500);
            e.HasIndex(r => r.PersonId);
            e.HasIndex(r => r.CommunityId);
            e.HasIndex(r => r.UnitOrganizationId);
        });

        modelBuilder.Entity<PartyActivity>(e =>
        {
            e.ToTable("party_activities");
            e.HasKey(a => a.Id);
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.Title).HasMaxLength(PartyActivity.MaxTitleLength);
            e.Property(a => a.Location).HasMaxLength(200);
            e.OwnsMany(a => a.Attendance, b => b.ToJson("attendance"));
            e.HasIndex(a => new { a.OrganizationId, a.HeldAt });
            e.HasIndex(a => a.HeldAt);
        });

        modelBuilder.Entity<ServiceCentreCheck>(e =>
        {
            e.ToTable("service_centre_checks");
            e.HasKey(c => new { c.CommunityId, c.Item });
            e.Property(c => c.Item).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.Evidence).HasMaxLength(ServiceCentreCheck.MaxEvidenceLength);
        });

        modelBuilder.Entity<MemberUnit>(e =>
        {
            e.ToTable("member_units");
            e.HasKey(u => u.Id);
            e.Property(u => u.Name).HasMaxLength(MemberUnit.MaxNameLength);
            e.Property(u => u.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(u => u.ContactName).HasMaxLength(50);
            e.ComplexProperty(u => u.ContactPhone, c => c.StoredAs("contact_phone", 60));
            e.OwnsMany(u => u.SharedResources, b => b.ToJson("shared_resources"));
            e.HasIndex(u => u.Name).IsUnique();
        });

        modelBuilder.Entity<AllianceMeeting>(e =>
        {
            e.ToTable("alliance_meetings");
            e.HasKey(m => m.Id);
            e.Property(m => m.Topic).HasMaxLength(200);
            e.OwnsMany(m => m.Tasks, b => b.ToJson("tasks"));
        });

        modelBuilder.Entity<Deliberation>(e =>
        {
            e.ToTable("deliberations");
            e.HasKey(d => d.Id);
            e.Property(d => d.Topic).HasMaxLength(200);
            e.Ignore(d => d.IsSettled);
            e.OwnsMany(d => d.Parties, b => b.ToJson("parties"));
            e.OwnsMany(d => d.Resolutions, b => b.ToJson("resolutions"));
            e.HasIndex(d => new { d.CommunityId, d.HeldAt });
        });

        // OpenIddict names its tables itself; keep the schema's one naming style.
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");

        modelBuilder.Entity<UserAccount>(e =>
        {
            e.ToTable("user_accounts");
            e.HasKey(a => a.Id);
            e.Property(a => a.UserName).HasMaxLength(100);
            e.HasIndex(a => a.UserName).IsUnique();
            e.HasIndex(a => a.PersonId);
            e.Property(a => a.Department).HasMaxLength(UserAccount.MaxDepartmentLength);
        });

        modelBuilder.Entity<SecurityEvent>(e =>
        {
            e.ToTable("security_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.Detail).HasMaxLength(SecurityEvent.MaxDetailLength);
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.Subject, x.At });
        });

        modelBuilder.AddImportJobs();
        modelBuilder.Entity<IndexInputRecord>(e =>
        {
            e.ToTable("index_inputs");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Kind).HasMaxLength(50);
            e.Property(i => i.SourceKey).HasMaxLength(100);
            e.Property(i => i.Quantity).HasPrecision(10, 2);
            e.Property(i => i.Note).HasMaxLength(200);
            e.Property(i => i.EnteredBy).HasMaxLength(100);
            e.Property(i => i.Reason).HasMaxLength(500);
            e.Property(i => i.Evidence).HasMaxLength(500);
            // Once per source: a re-delivered or corrected event updates the input, never adds a second.
            e.HasIndex(i => new { i.Kind, i.SourceKey }).IsUnique();
            e.HasIndex(i => new { i.PersonId, i.At });
            e.HasIndex(i => new { i.OrganizationId, i.At });
            e.HasIndex(i => new { i.CommunityId, i.At });
            e.HasIndex(i => i.At);
            // What the score refresher has still to do.
            e.HasIndex(i => i.Id).HasFilter("NOT scored").HasDatabaseName("ix_index_inputs_unscored");
        });
        modelBuilder.Entity<IndexScoreRow>(e =>
        {
            e.ToTable("index_scores");
            e.HasKey(s => new { s.Index, s.Period, s.SubjectId });
            e.Property(s => s.Index).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Period).HasMaxLength(10);
            e.Property(s => s.Total).HasPrecision(6, 2);
            e.Property(s => s.Grade).HasMaxLength(20);
        });
        modelBuilder.Entity<IndexPublication>(e =>
        {
            e.ToTable("index_publications");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Index).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Period).HasMaxLength(10);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.OpenedBy).HasMaxLength(100);
            e.Property(p => p.PublishedBy).HasMaxLength(100);
            e.HasIndex(p => new { p.Index, p.Period }).IsUnique();
        });
        modelBuilder.Entity<PublishedScore>(e =>
        {
            e.ToTable("index_published_scores");
            e.HasKey(s => new { s.PublicationId, s.SubjectId });
            e.Property(s => s.Total).HasPrecision(6, 2);
            e.Property(s => s.Grade).HasMaxLength(20);
            e.Property(s => s.Name).HasMaxLength(100);
            e.HasIndex(s => new { s.PublicationId, s.Rank });
        });
        modelBuilder.Entity<RubricVersion>(e =>
        {
            e.ToTable("rubric_versions");
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).ValueGeneratedNever();
            e.Property(v => v.Index).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.Definition).HasColumnType("jsonb");
            e.Property(v => v.ChangedBy).HasMaxLength(100);
            e.Ignore(v => v.Rubric);
            e.HasIndex(v => new { v.Index, v.Version }).IsUnique();
            // One draft per index, even when two admins start one at once.
            e.HasIndex(v => v.Index).IsUnique().HasFilter("status = 'Draft'").HasDatabaseName("ix_one_draft_per_index");
        });
        modelBuilder.Entity<GridPosting>(e =>
        {
            e.ToTable("grid_postings");
            e.HasKey(p => p.AssignmentId);
            e.Property(p => p.Post).HasMaxLength(20);
            e.HasIndex(p => new { p.PersonId, p.Active });
        });
    }
}
