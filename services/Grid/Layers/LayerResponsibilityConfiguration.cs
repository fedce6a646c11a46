using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.BuildingBlocks.PersonalData;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Layers;

/// <summary>How <see cref="LayerResponsibility"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class LayerResponsibilityConfiguration : IEntityTypeConfiguration<LayerResponsibility>
{
    public void Configure(EntityTypeBuilder<LayerResponsibility> e)
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
    }
}
