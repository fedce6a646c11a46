using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Grids;

/// <summary>How <see cref="KnownBuilding"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class KnownBuildingConfiguration : IEntityTypeConfiguration<KnownBuilding>
{
    public void Configure(EntityTypeBuilder<KnownBuilding> e)
    {
        e.ToTable("known_buildings");
        e.HasKey(b => b.Id);
        e.Property(b => b.Id).ValueGeneratedNever();
        e.Property(b => b.Name).HasMaxLength(50);
        e.Property(b => b.Location).HasColumnType("geometry(Point,4326)");
    }
}
