using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Volunteer.Projects;

/// <summary>How <see cref="Project"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> e)
    {
        e.ToTable("projects");
        e.HasKey(p => p.Id);
        e.Property(p => p.Title).HasMaxLength(Project.MaxTitleLength);
        e.Property(p => p.Field).HasMaxLength(40);
        e.Property(p => p.Goal).HasMaxLength(Project.MaxTextLength);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.OwnsMany(
            p => p.Claims,
            c =>
            {
                c.ToJson("claims");
                c.Property(x => x.Status).HasConversion<string>();
            }
        );
        e.OwnsMany(p => p.Evaluations, c => c.ToJson("evaluations"));
        e.Ignore(p => p.ConfirmedClaims);
        e.HasIndex(p => new { p.Status, p.CommunityId });
    }
}
