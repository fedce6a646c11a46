using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.GridPosts;

/// <summary>How <see cref="GridPosting"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class GridPostingConfiguration : IEntityTypeConfiguration<GridPosting>
{
    public void Configure(EntityTypeBuilder<GridPosting> e)
    {
        e.ToTable("grid_postings");
        e.HasKey(p => p.AssignmentId);
        e.Property(p => p.Post).HasMaxLength(20);
        e.HasIndex(p => new { p.PersonId, p.Active });
    }
}
