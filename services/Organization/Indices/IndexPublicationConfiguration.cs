using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Indices;

/// <summary>How <see cref="IndexPublication"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class IndexPublicationConfiguration : IEntityTypeConfiguration<IndexPublication>
{
    public void Configure(EntityTypeBuilder<IndexPublication> e)
    {
        e.ToTable("index_publications");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.Index).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Period).HasMaxLength(10);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.OpenedBy).HasMaxLength(100);
        e.Property(p => p.PublishedBy).HasMaxLength(100);
        e.HasIndex(p => new { p.Index, p.Period }).IsUnique();
    }
}
