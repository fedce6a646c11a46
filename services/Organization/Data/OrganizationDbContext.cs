using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
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

        // OpenIddict names its tables itself; keep the schema's one naming style.
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");
        modelBuilder.AddImportJobs();
        // Each entity's storage is configured next to it, in its <Entity>Configuration.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrganizationDbContext).Assembly);
    }
}
