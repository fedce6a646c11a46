using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Grids;

/// <summary>How <see cref="KnownGridPost"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class KnownGridPostConfiguration : IEntityTypeConfiguration<KnownGridPost>
{
    public void Configure(EntityTypeBuilder<KnownGridPost> e)
    {
        e.ToTable("known_grid_posts");
        e.HasKey(p => p.AssignmentId);
        e.Property(p => p.AssignmentId).ValueGeneratedNever();
        e.Property(p => p.Post).HasMaxLength(20);
        e.HasIndex(p => p.GridId);
    }
}
