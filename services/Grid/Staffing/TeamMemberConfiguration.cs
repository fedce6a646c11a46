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

/// <summary>How <see cref="TeamMember"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> e)
    {
        e.ToTable("team_members");
        e.HasKey(t => t.PersonId);

    }
}
