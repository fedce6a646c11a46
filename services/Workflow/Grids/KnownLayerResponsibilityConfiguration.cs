using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Grids;

/// <summary>How <see cref="KnownLayerResponsibility"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class KnownLayerResponsibilityConfiguration : IEntityTypeConfiguration<KnownLayerResponsibility>
{
    public void Configure(EntityTypeBuilder<KnownLayerResponsibility> e)
    {
        e.ToTable("known_layer_responsibilities");
        e.HasKey(r => new { r.GridId, r.Layer });
        e.Property(r => r.Layer).HasMaxLength(50);
        e.Property(r => r.DepartmentCode).HasMaxLength(100);
        e.Property(r => r.DepartmentName).HasMaxLength(100);
    }
}
