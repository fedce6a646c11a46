using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Posts;

/// <summary>How <see cref="Post"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> e)
    {
        e.ToTable("posts");
        e.HasKey(p => p.Id);
        e.Property(p => p.Title).HasConversion<string>().HasMaxLength(30);
        e.Property(p => p.BusinessLine).HasMaxLength(Post.MaxDutyLength);
        e.Property(p => p.PartyBuildingDuty).HasMaxLength(Post.MaxDutyLength);
        e.Ignore(p => p.IsFirstResponsible);
        e.HasIndex(p => new { p.OrganizationId, p.Title });
        e.HasIndex(p => p.PersonId);
    }
}
