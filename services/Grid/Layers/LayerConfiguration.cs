using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Grid.Buildings;
using Platform.Grid.Communities;
using Platform.Grid.Grids;
using Platform.Grid.People;
using Platform.Grid.Staffing;
using Platform.Grid.Visits;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using GridEntity = Platform.Grid.Grids.Grid;

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
