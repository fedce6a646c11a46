using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
