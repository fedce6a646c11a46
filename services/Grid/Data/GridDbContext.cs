using Microsoft.EntityFrameworkCore;
using Platform.Grid.Grids;
using GridEntity = Platform.Grid.Grids.Grid;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Grid.Data;

public sealed class GridDbContext(DbContextOptions<GridDbContext> options) : DbContext(options)
{
    public DbSet<GridEntity> Grids => Set<GridEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Boundaries are PostGIS geometries; the extension is there from the first migration on.
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<GridEntity>(e =>
        {
            e.ToTable("grids");
            e.HasKey(g => g.Id);
            e.Property(g => g.Code).HasMaxLength(GridCode.Length)
                .HasConversion(c => c.Value, v => GridCode.Parse(v).Value!);
            e.Property(g => g.Name).HasMaxLength(GridEntity.MaxNameLength);
            e.Property(g => g.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(g => g.Version).IsConcurrencyToken();
            e.HasIndex(g => g.Code).IsUnique();
            e.HasIndex(g => g.CommunityId);
        });
    }
}
