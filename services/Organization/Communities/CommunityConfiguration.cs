using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Communities;

/// <summary>How <see cref="Community"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> e)
    {
        e.ToTable("communities");
        e.HasKey(c => c.Id);
        e.Property(c => c.Code).HasMaxLength(3);
        e.Property(c => c.Name).HasMaxLength(Community.MaxNameLength);
        e.Property(c => c.ResidentsCommittee).HasMaxLength(Community.MaxNameLength);
        e.Property(c => c.ServiceStation).HasMaxLength(Community.MaxNameLength);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasIndex(c => c.Code).IsUnique();
    }
}
