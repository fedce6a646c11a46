using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Visits;

/// <summary>How <see cref="Visit"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> e)
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
    }
}
