using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Deliberations;

/// <summary>How <see cref="Deliberation"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class DeliberationConfiguration : IEntityTypeConfiguration<Deliberation>
{
    public void Configure(EntityTypeBuilder<Deliberation> e)
    {
        e.ToTable("deliberations");
        e.HasKey(d => d.Id);
        e.Property(d => d.Topic).HasMaxLength(200);
        e.Ignore(d => d.IsSettled);
        e.OwnsMany(d => d.Parties, b => b.ToJson("parties"));
        e.OwnsMany(d => d.Resolutions, b => b.ToJson("resolutions"));
        e.HasIndex(d => new { d.CommunityId, d.HeldAt });
    }
}
