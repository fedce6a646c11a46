using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Grid.Layers;

/// <summary>How <see cref="Layer"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class LayerConfiguration : IEntityTypeConfiguration<Layer>
{
    public void Configure(EntityTypeBuilder<Layer> e)
    {
        e.ToTable("layers");
        e.HasKey(l => l.Code);
        e.Property(l => l.Code).HasMaxLength(Layer.MaxCodeLength);
        e.Property(l => l.Name).HasMaxLength(Layer.MaxNameLength);
        e.HasData(Layer.BuiltIn.Select(l => Layer.Seeded(l.Code, l.Name)));
    }
}
