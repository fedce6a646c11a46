using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Accounts;

/// <summary>How <see cref="SecurityEvent"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> e)
    {
        e.ToTable("security_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Actor).HasMaxLength(100);
        e.Property(x => x.Subject).HasMaxLength(100);
        e.Property(x => x.Detail).HasMaxLength(SecurityEvent.MaxDetailLength);
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.Subject, x.At });
    }
}
