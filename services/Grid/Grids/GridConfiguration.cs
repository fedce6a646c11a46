using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Grids;

/// <summary>How <see cref="Grid"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class GridConfiguration : IEntityTypeConfiguration<GridEntity>
{
    public void Configure(EntityTypeBuilder<GridEntity> e)
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
    }
}
