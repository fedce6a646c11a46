using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Grid.Buildings;
using Platform.Grid.Communities;
using Platform.Grid.Grids;
using Platform.Grid.Layers;
using Platform.Grid.People;
using Platform.Grid.Visits;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Staffing;

/// <summary>How <see cref="AssistantQuota"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class AssistantQuotaConfiguration : IEntityTypeConfiguration<AssistantQuota>
{
    public void Configure(EntityTypeBuilder<AssistantQuota> e)
    {
        e.ToTable("assistant_quota");
        e.HasKey(q => q.Id);
        e.Property(q => q.Id).ValueGeneratedNever();

    }
}
