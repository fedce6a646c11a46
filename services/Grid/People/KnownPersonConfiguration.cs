using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Grid.Buildings;
using Platform.Grid.Communities;
using Platform.Grid.Grids;
using Platform.Grid.Layers;
using Platform.Grid.Staffing;
using Platform.Grid.Visits;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.People;

/// <summary>How <see cref="KnownPerson"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class KnownPersonConfiguration : IEntityTypeConfiguration<KnownPerson>
{
    public void Configure(EntityTypeBuilder<KnownPerson> e)
    {
        e.ToTable("known_people");
        e.HasKey(p => p.Id);
        e.Property(p => p.Name).HasMaxLength(50);

    }
}
