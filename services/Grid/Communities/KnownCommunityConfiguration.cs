using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Grid.Buildings;
using Platform.Grid.Grids;
using Platform.Grid.Layers;
using Platform.Grid.People;
using Platform.Grid.Staffing;
using Platform.Grid.Visits;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Communities;

/// <summary>How <see cref="KnownCommunity"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class KnownCommunityConfiguration : IEntityTypeConfiguration<KnownCommunity>
{
    public void Configure(EntityTypeBuilder<KnownCommunity> e)
    {
        e.ToTable("known_communities");
        e.HasKey(c => c.Id);
        e.Property(c => c.Code).HasMaxLength(20);
        e.Property(c => c.Name).HasMaxLength(100);

    }
}
