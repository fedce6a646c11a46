using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Grid.Staffing;

/// <summary>How <see cref="GridPost"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class GridPostConfiguration : IEntityTypeConfiguration<GridPost>
{
    public void Configure(EntityTypeBuilder<GridPost> e)
    {
        e.ToTable("grid_posts");
        e.HasKey(p => p.Id);
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Category).HasConversion<string>().HasMaxLength(30);
        e.Property(p => p.OriginalDuties).HasMaxLength(GridPost.MaxDutiesLength);
        e.HasIndex(p => new { p.GridId, p.To });
        e.HasIndex(p => p.PersonId);
        // One leader and one instructor in post per grid, even when two requests race.
        e.HasIndex(p => new { p.GridId, p.Kind })
            .IsUnique()
            .HasFilter("\"to\" IS NULL AND kind IN ('Leader', 'Instructor')")
            .HasDatabaseName("ix_one_leader_and_instructor_per_grid");
    }
}
