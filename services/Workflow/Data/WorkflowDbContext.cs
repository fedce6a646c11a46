using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Messaging;
using Platform.Workflow.Approvals;
using Platform.Workflow.Assessment;
using Platform.Workflow.Attachments;
using Platform.Workflow.Cases;
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
        // Each entity's storage is configured next to it, in its <Entity>Configuration.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);
    }
}
