using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Grids;

/// <summary>How <see cref="KnownGrid"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class KnownGridConfiguration : IEntityTypeConfiguration<KnownGrid>
{
    public void Configure(EntityTypeBuilder<KnownGrid> e)
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
    }
}
