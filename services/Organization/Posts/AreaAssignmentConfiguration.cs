using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Posts;

/// <summary>How <see cref="AreaAssignment"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class AreaAssignmentConfiguration : IEntityTypeConfiguration<AreaAssignment>
{
    public void Configure(EntityTypeBuilder<AreaAssignment> e)
    {
        e.ToTable("area_assignments");
        e.HasKey(a => a.Id);
        e.HasIndex(a => a.PersonId);
        e.HasIndex(a => a.CommunityId);
    }
}
