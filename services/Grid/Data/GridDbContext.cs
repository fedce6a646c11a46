using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.Grid.Buildings;
using Platform.Grid.Communities;
using Platform.Grid.Layers;
using Platform.Grid.People;
using Platform.Grid.Staffing;
using Platform.Grid.Visits;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Data;

public sealed class GridDbContext(DbContextOptions<GridDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<GridEntity> Grids => Set<GridEntity>();

    public DbSet<KnownCommunity> Communities => Set<KnownCommunity>();

    public DbSet<KnownPerson> People => Set<KnownPerson>();

    public DbSet<GridPost> Posts => Set<GridPost>();

    public DbSet<TeamMember> Team => Set<TeamMember>();

    public DbSet<AssistantQuota> AssistantQuotas => Set<AssistantQuota>();

    public DbSet<Layer> Layers => Set<Layer>();

    public DbSet<LayerResponsibility> Responsibilities => Set<LayerResponsibility>();

    public DbSet<Compound> Compounds => Set<Compound>();

    public DbSet<Building> Buildings => Set<Building>();

    public DbSet<ContactDay> ContactDays => Set<ContactDay>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Boundaries and locations are PostGIS geometries (WGS84) with GiST indexes: lookups are on the hot path of intake.
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.AddMessagingTables().AddIdempotencyTable();
        modelBuilder.AddImportJobs();
        modelBuilder.Entity<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().ToTable("data_protection_keys");
        // Each entity's storage is configured next to it, in its <Entity>Configuration.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GridDbContext).Assembly);
    }
}
