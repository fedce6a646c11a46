using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using Platform.Workflow.Approvals;
using Platform.Workflow.Attachments;
using Platform.Workflow.Assessment;
using Platform.Workflow.Cases;
using Platform.Workflow.Mediation;
using Platform.Workflow.Categories;
using Platform.Workflow.Directory;
using Platform.Workflow.Grids;
using Platform.Workflow.Notifications;
using Platform.Workflow.Open311;
using Platform.Workflow.Routing;

namespace Platform.Workflow.Data;

public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<KnownGrid> KnownGrids => Set<KnownGrid>();

    public DbSet<KnownLayerResponsibility> LayerResponsibilities => Set<KnownLayerResponsibility>();

    public DbSet<KnownGridPost> GridPosts => Set<KnownGridPost>();

    public DbSet<KnownBuilding> Buildings => Set<KnownBuilding>();

    public DbSet<KnownCommunity> Communities => Set<KnownCommunity>();

    public DbSet<KnownPerson> People => Set<KnownPerson>();

    public DbSet<CaseCategory> Categories => Set<CaseCategory>();

    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseStep> CaseSteps => Set<CaseStep>();

    public DbSet<CaseReporter> CaseReporters => Set<CaseReporter>();

    public DbSet<CaseApproval> Approvals => Set<CaseApproval>();

    public DbSet<CasePhoto> CasePhotos => Set<CasePhoto>();

    public DbSet<PhotoContent> PhotoContents => Set<PhotoContent>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Open311Client> Open311Clients => Set<Open311Client>();

    public DbSet<AssessmentItem> AssessmentItems => Set<AssessmentItem>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Grid boundaries and case locations are PostGIS geometries (WGS 84) with GiST indexes: intake places
        // a point in a grid and looks for duplicates nearby.
        modelBuilder.HasPostgresExtension("postgis");
        // GiST over plain columns (category, report time) beside the location: the duplicate search's index.
        modelBuilder.HasPostgresExtension("btree_gist");
        modelBuilder.HasSequence<long>("case_numbers");
        modelBuilder.AddMessagingTables().AddIdempotencyTable();
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        ReadModels(modelBuilder);
        modelBuilder.Entity<CaseCategory>(e =>
        {
            e.ToTable("case_categories");
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(40);
            e.Property(c => c.Name).HasMaxLength(CaseCategory.MaxNameLength);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Property(c => c.DefaultType).HasConversion<string>().HasMaxLength(20).HasDefaultValue(CaseType.General).HasSentinel(CaseType.General);
            e.HasData(CaseCategory.Defaults);
        });
        modelBuilder.Entity<RoutingRule>(e =>
        {
            e.ToTable("routing_rules");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Category).HasMaxLength(40);
            e.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Layer).HasMaxLength(50);
            e.Property(r => r.Department).HasMaxLength(100);
            e.Property(r => r.Note).HasMaxLength(RoutingRule.MaxNoteLength);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Ignore(r => r.Specificity);
            // One rule per exact (category, grid, community): two would leave dispatch ambiguous.
            e.HasIndex(r => new { r.Category, r.GridId, r.CommunityId }).IsUnique().AreNullsDistinct(false);
        });
        CaseTables(modelBuilder);
        modelBuilder.Entity<CaseApproval>(e =>
        {
            e.ToTable("case_approvals");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Reason).HasMaxLength(Case.MaxReasonLength);
            e.Property(a => a.DecisionNote).HasMaxLength(Case.MaxReasonLength);
            e.Property(a => a.RequestedBySubject).HasMaxLength(100);
            e.Property(a => a.RequestedByName).HasMaxLength(100);
            e.Property(a => a.DecidedBySubject).HasMaxLength(100);
            e.Property(a => a.DecidedByName).HasMaxLength(100);
            e.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId);
            // One open request per case, even when two handlers ask at once.
            e.HasIndex(a => a.CaseId).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName("ix_one_pending_approval_per_case");
        });
        modelBuilder.Entity<CasePhoto>(e =>
        {
            e.ToTable("case_photos");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Format).HasConversion<string>().HasMaxLength(10);
            e.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Sha256).HasMaxLength(64);
            e.Property(p => p.UploadedBySubject).HasMaxLength(100);
            e.Property(p => p.UploadedByName).HasMaxLength(100);
            e.Ignore(p => p.ContentType);
            e.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId);
            e.HasIndex(p => new { p.CaseId, p.UploadedAt });
            // The sweep of photos never named by a report.
            e.HasIndex(p => p.UploadedAt).HasFilter("case_id IS NULL").HasDatabaseName("ix_case_photos_pending");
        });
        modelBuilder.Entity<PhotoContent>(e =>
        {
            e.ToTable("case_photo_contents");
            e.HasKey(c => c.PhotoId);
            e.HasOne<CasePhoto>().WithOne().HasForeignKey<PhotoContent>(c => c.PhotoId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AssessmentItem>(e =>
        {
            e.ToTable("assessment_items");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Level).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.SubjectId).HasMaxLength(150);
            e.Property(i => i.Points).HasPrecision(8, 2);
            e.Property(i => i.Reason).HasMaxLength(AssessmentItem.MaxReasonLength);
            e.Property(i => i.Evidence).HasMaxLength(500);
            e.Property(i => i.Source).HasMaxLength(20);
            e.Property(i => i.RecordedBySubject).HasMaxLength(100);
            e.Property(i => i.RecordedByName).HasMaxLength(100);
            e.HasIndex(i => new { i.Level, i.At });
            e.HasIndex(i => new { i.Level, i.SubjectId, i.At });
        });
        modelBuilder.Entity<Open311Client>(e =>
        {
            e.ToTable("open311_clients");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Name).HasMaxLength(Open311Client.MaxNameLength);
            e.Property(c => c.KeyHash).HasMaxLength(64);
            e.Property(c => c.KeyPrefix).HasMaxLength(6);
            e.Ignore(c => c.IsActive);
            e.HasIndex(c => c.KeyHash).IsUnique();
        });
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Channel).HasMaxLength(20);
            e.Property(n => n.Recipient).HasMaxLength(150);
            e.ComplexProperty(n => n.Phone, c => c.StoredAs("phone", 60));
            e.Property(n => n.Kind).HasMaxLength(20);
            e.Property(n => n.Text).HasMaxLength(Case.MaxTextLength + 200);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.LastError).HasMaxLength(500);
            e.HasIndex(n => n.NextAttemptAt).HasFilter("status = 'Pending'");
            e.HasIndex(n => new { n.Recipient, n.CreatedAt });
            e.HasIndex(n => n.CaseId);
        });
    }

    private static void CaseTables(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Case>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Number).HasMaxLength(20);
            e.Property(c => c.Category).HasMaxLength(40);
            e.Property(c => c.Description).HasMaxLength(Case.MaxDescriptionLength);
            e.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Priority).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Type).HasConversion<string>().HasMaxLength(20).HasDefaultValue(CaseType.General).HasSentinel(CaseType.General);
            e.Property(c => c.Agreement).HasMaxLength(Case.MaxTextLength);
            e.Property(c => c.ReferredTo).HasMaxLength(200);
            e.HasMany(c => c.Parties).WithOne().HasForeignKey(p => p.CaseId);
            e.Navigation(c => c.Parties).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasMany(c => c.Meetings).WithOne().HasForeignKey(m => m.CaseId);
            e.Navigation(c => c.Meetings).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasMany(c => c.Tasks).WithOne().HasForeignKey(t => t.CaseId);
            e.Navigation(c => c.Tasks).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.Property(c => c.Location).HasColumnType("geometry(Point,4326)");
            e.ComplexProperty(c => c.Address, a => a.StoredAs("address", 60));
            e.Property(c => c.ReporterSubject).HasMaxLength(100);
            e.Property(c => c.SourceRef).HasMaxLength(100);
            e.Property(c => c.VoidReason).HasMaxLength(Case.MaxReasonLength + 100);
            e.Property(c => c.HandlerLevel).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.SupervisingLevel).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Department).HasMaxLength(100);
            e.Property(c => c.HandledByName).HasMaxLength(100);
            e.Property(c => c.HandledBySubject).HasMaxLength(100);
            e.OwnsOne(c => c.Deadline, d =>
            {
                // The clock's columns keep their names in the case's row.
                d.Property(x => x.DueAt).HasColumnName("due_at");
                d.Property(x => x.WarnAt).HasColumnName("warn_at");
                d.Property(x => x.WarnedAt).HasColumnName("warned_at");
                d.Property(x => x.OverdueAt).HasColumnName("overdue_at");
                d.Property(x => x.NextEscalationAt).HasColumnName("next_escalation_at");
                d.Property(x => x.DeferredAt).HasColumnName("deferred_at");
                d.Property(x => x.NextCheckAt).HasColumnName("next_check_at");
                d.HasIndex(x => x.DueAt);
                // The deadline timer's whole work list: cases whose next warning, deadline or escalation has come.
                d.HasIndex(x => x.NextCheckAt).HasFilter("next_check_at IS NOT NULL");
            });
            e.Navigation(c => c.Deadline).IsRequired();
            e.HasIndex(c => c.DispatchedAt);
            e.Property(c => c.Result).HasMaxLength(Case.MaxTextLength);
            e.Property(c => c.Reply).HasMaxLength(Case.MaxTextLength);
            e.Property(c => c.Rating).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.RatingComment).HasMaxLength(Case.MaxReasonLength);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Ignore(c => c.IsOverdue);
            e.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.CaseId);
            e.Navigation(c => c.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasMany(c => c.Reporters).WithOne().HasForeignKey(r => r.CaseId);
            e.Navigation(c => c.Reporters).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasIndex(c => c.Number).IsUnique();
            e.HasIndex(c => c.SourceRef).IsUnique().HasFilter("source_ref IS NOT NULL");
            e.HasIndex(c => c.Location).HasMethod("gist");
            // The duplicate search at intake: open cases of a category near a point within a time window, found
            // through this index whatever the register's size (without it, a report where nothing is open nearby
            // read every case of its category in the window).
            e.HasIndex(c => new { c.Category, c.Location, c.ReportedAt }).HasMethod("gist")
                .HasFilter("state NOT IN ('Voided', 'Closed') AND location IS NOT NULL").HasDatabaseName("ix_cases_open_nearby");
            // The register's default order (newest first): a page of it read from the index, not a sort of every case
            // (136 ms at a million cases, on every list request; bench/results/load.md).
            e.HasIndex(c => new { c.ReportedAt, c.Id });
            e.HasIndex(c => new { c.State, c.ReportedAt });
            e.HasIndex(c => new { c.CommunityId, c.ReportedAt });
            e.HasIndex(c => new { c.GridId, c.ReportedAt });
            e.HasIndex(c => c.Department);
            e.HasIndex(c => c.ReporterSubject);
            e.HasIndex(c => new { c.Category, c.ReportedAt });
        });
        modelBuilder.Entity<CaseStep>(e =>
        {
            e.ToTable("case_steps");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Action).HasMaxLength(30);
            e.Property(s => s.From).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.To).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.ActorSubject).HasMaxLength(100);
            e.Property(s => s.ActorName).HasMaxLength(100);
            e.Property(s => s.Note).HasMaxLength(Case.MaxTextLength + 200);
            e.HasIndex(s => new { s.CaseId, s.Ordinal }).IsUnique();
        });
        modelBuilder.Entity<CaseParty>(e =>
        {
            e.ToTable("case_parties");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
            e.ComplexProperty(p => p.Name, n => n.StoredAs("name", 60));
            e.ComplexProperty(p => p.Phone, n => n.StoredAs("phone", 60));
            e.HasIndex(p => p.CaseId);
        });
        modelBuilder.Entity<CaseMeeting>(e =>
        {
            e.ToTable("case_meetings");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(m => m.Summary).HasMaxLength(CaseMeeting.MaxSummaryLength);
            e.Property(m => m.RecordedBy).HasMaxLength(100);
            e.HasIndex(m => new { m.CaseId, m.HeldAt });
        });
        modelBuilder.Entity<CaseTask>(e =>
        {
            e.ToTable("case_tasks");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Party).HasConversion<string>().HasMaxLength(30);
            e.Property(t => t.Task).HasMaxLength(CaseTask.MaxTaskLength);
            e.HasIndex(t => t.CaseId);
        });
        modelBuilder.Entity<CaseReporter>(e =>
        {
            e.ToTable("case_reporters");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.ComplexProperty(r => r.Name, n => n.StoredAs("name", 60));
            e.ComplexProperty(r => r.Phone, p => p.StoredAs("phone", 60));
            e.Property(r => r.Subject).HasMaxLength(100);
            e.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
            e.Ignore(r => r.CanBeReplied);
            e.HasIndex(r => r.CaseId);
            e.HasIndex(r => r.Subject);
        });
    }

    private static void ReadModels(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnownGrid>(e =>
        {
            e.ToTable("known_grids");
            e.HasKey(g => g.Id);
            e.Property(g => g.Id).ValueGeneratedNever();
            e.Property(g => g.Code).HasMaxLength(40);
            e.Property(g => g.Name).HasMaxLength(100);
            e.Property(g => g.Type).HasMaxLength(20);
            e.Property(g => g.Status).HasMaxLength(20);
            e.Property(g => g.Boundary).HasColumnType("geometry(Geometry,4326)");
            e.Ignore(g => g.IsActive);
            e.Ignore(g => g.IsSpecialized);
            e.HasIndex(g => g.CommunityId);
            e.HasIndex(g => g.Boundary).HasMethod("gist");
        });
        modelBuilder.Entity<KnownLayerResponsibility>(e =>
        {
            e.ToTable("known_layer_responsibilities");
            e.HasKey(r => new { r.GridId, r.Layer });
            e.Property(r => r.Layer).HasMaxLength(50);
            e.Property(r => r.DepartmentCode).HasMaxLength(100);
            e.Property(r => r.DepartmentName).HasMaxLength(100);
        });
        modelBuilder.Entity<KnownGridPost>(e =>
        {
            e.ToTable("known_grid_posts");
            e.HasKey(p => p.AssignmentId);
            e.Property(p => p.AssignmentId).ValueGeneratedNever();
            e.Property(p => p.Post).HasMaxLength(20);
            e.HasIndex(p => p.GridId);
        });
        modelBuilder.Entity<KnownBuilding>(e =>
        {
            e.ToTable("known_buildings");
            e.HasKey(b => b.Id);
            e.Property(b => b.Id).ValueGeneratedNever();
            e.Property(b => b.Name).HasMaxLength(50);
            e.Property(b => b.Location).HasColumnType("geometry(Point,4326)");
        });
        modelBuilder.Entity<KnownCommunity>(e =>
        {
            e.ToTable("known_communities");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Code).HasMaxLength(20);
            e.Property(c => c.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<KnownPerson>(e =>
        {
            e.ToTable("known_people");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Name).HasMaxLength(50);
        });
    }
}
