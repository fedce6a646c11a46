using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Open311;

/// <summary>How <see cref="Open311Client"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> e)
    {
        e.ToTable("open311_clients");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.Name).HasMaxLength(Open311Client.MaxNameLength);
        e.Property(c => c.KeyHash).HasMaxLength(64);
        e.Property(c => c.KeyPrefix).HasMaxLength(6);
        e.Ignore(c => c.IsActive);
        e.HasIndex(c => c.KeyHash).IsUnique();
    }
}
