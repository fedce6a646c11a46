using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Grid.Buildings;
using Platform.Grid.Communities;
using Platform.Grid.Grids;
using Platform.Grid.Layers;
using Platform.Grid.People;
using Platform.Grid.Staffing;
using Platform.Grid.Visits;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
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

    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Boundaries and locations are PostGIS geometries (WGS84) with GiST indexes: lookups are on the hot path of intake.
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.AddMessagingTables().AddIdempotencyTable();
        modelBuilder.AddImportJobs();
        modelBuilder.Entity<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.Entity<GridEntity>(e =>
        {
            e.ToTable("grids");
            e.HasKey(g => g.Id);
            e.Property(g => g.Code).HasMaxLength(40);
            e.Property(g => g.Name).HasMaxLength(GridEntity.MaxNameLength);
            e.Property(g => g.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(g => g.Boundary).HasColumnType("geometry(Geometry,4326)");
            e.Property(g => g.Version).IsConcurrencyToken();
            e.HasIndex(g => g.Code).IsUnique();
            e.HasIndex(g => g.CommunityId);
            e.HasIndex(g => g.Boundary).HasMethod("gist");
        });
        modelBuilder.Entity<KnownCommunity>(e =>
        {
            e.ToTable("known_communities");
            e.HasKey(c => c.Id);
            e.Property(c => c.Code).HasMaxLength(20);
            e.Property(c => c.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<KnownPerson>(e =>
        {
            e.ToTable("known_people");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(50);
        });
        modelBuilder.Entity<GridPost>(e =>
        {
            e.ToTable("grid_posts");
            e.HasKey(p => p.Id);
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Category).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.OriginalDuties).HasMaxLength(GridPost.MaxDutiesLength);
            e.HasIndex(p => new { p.GridId, p.To });
            e.HasIndex(p => p.PersonId);
            // One leader and one instructor in post per grid, even when two requests race.
            e.HasIndex(p => new { p.GridId, p.Kind }).IsUnique().HasFilter("\"to\" IS NULL AND kind IN ('Leader', 'Instructor')")
                .HasDatabaseName("ix_one_leader_and_instructor_per_grid");
        });
        modelBuilder.Entity<TeamMember>(e =>
        {
            e.ToTable("team_members");
            e.HasKey(t => t.PersonId);
        });
        modelBuilder.Entity<AssistantQuota>(e =>
        {
            e.ToTable("assistant_quota");
            e.HasKey(q => q.Id);
            e.Property(q => q.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<Layer>(e =>
        {
            e.ToTable("layers");
            e.HasKey(l => l.Code);
            e.Property(l => l.Code).HasMaxLength(Layer.MaxCodeLength);
            e.Property(l => l.Name).HasMaxLength(Layer.MaxNameLength);
            e.HasData(Layer.BuiltIn.Select(l => Layer.Seeded(l.Code, l.Name)));
        });
        modelBuilder.Entity<LayerResponsibility>(e =>
        {
            e.ToTable("layer_responsibilities");
            e.HasKey(r => new { r.GridId, r.LayerCode });
            e.Property(r => r.LayerCode).HasMaxLength(Layer.MaxCodeLength);
            e.Property(r => r.DepartmentCode).HasMaxLength(LayerResponsibility.MaxLength);
            e.Property(r => r.DepartmentName).HasMaxLength(LayerResponsibility.MaxLength);
            e.Property(r => r.ContactName).HasMaxLength(LayerResponsibility.MaxLength);
            e.ComplexProperty(r => r.ContactPhone, c => c.StoredAs("contact_phone", 100));
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => r.DepartmentCode);
            e.HasOne<Layer>().WithMany().HasForeignKey(r => r.LayerCode);
            e.HasOne<GridEntity>().WithMany().HasForeignKey(r => r.GridId);
        });
        modelBuilder.Entity<Compound>(e =>
        {
            e.ToTable("compounds");
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(Compound.MaxNameLength);
            e.Property(c => c.Address).HasMaxLength(Building.MaxAddressLength);
            e.Property(c => c.Location).HasColumnType("geometry(Point,4326)");
            e.HasIndex(c => c.CommunityId);
        });
        modelBuilder.Entity<Building>(e =>
        {
            e.ToTable("buildings");
            e.HasKey(b => b.Id);
            e.Property(b => b.Name).HasMaxLength(Building.MaxNameLength);
            e.Property(b => b.Address).HasMaxLength(Building.MaxAddressLength);
            e.Property(b => b.AddressKey).HasMaxLength(Building.MaxAddressLength);
            e.Property(b => b.Location).HasColumnType("geometry(Point,4326)");
            e.HasIndex(b => b.AddressKey).IsUnique();
            e.HasIndex(b => b.GridId);
            e.HasIndex(b => b.Location).HasMethod("gist");
            e.HasOne<GridEntity>().WithMany().HasForeignKey(b => b.GridId);
            e.HasOne<Compound>().WithMany().HasForeignKey(b => b.CompoundId);
        });
        modelBuilder.Entity<ContactDay>(e =>
        {
            e.ToTable("contact_days");
            e.HasKey(d => d.Id);
            e.Property(d => d.Title).HasMaxLength(ContactDay.MaxTitleLength);
            e.HasIndex(d => d.Date);
        });
        modelBuilder.Entity<Visit>(e =>
        {
            e.ToTable("visits");
            e.HasKey(v => v.Id);
            e.Property(v => v.Household).HasMaxLength(Visit.MaxHouseholdLength);
            e.Property(v => v.Findings).HasMaxLength(Visit.MaxTextLength);
            e.Property(v => v.FollowUp).HasMaxLength(Visit.MaxTextLength);
            e.Property(v => v.CaseCategory).HasMaxLength(Visit.MaxCategoryLength);
            e.Property(v => v.Location).HasColumnType("geometry(Point,4326)");
            e.HasIndex(v => new { v.GridId, v.VisitedAt });
            e.HasIndex(v => v.VisitedAt);
            e.HasOne<GridEntity>().WithMany().HasForeignKey(v => v.GridId);
        });
    }
}
