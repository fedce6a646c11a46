using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
