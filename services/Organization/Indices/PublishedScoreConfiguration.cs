using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Indices;

/// <summary>How <see cref="PublishedScore"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class PublishedScoreConfiguration : IEntityTypeConfiguration<PublishedScore>
{
    public void Configure(EntityTypeBuilder<PublishedScore> e)
    {
        e.ToTable("index_published_scores");
        e.HasKey(s => new { s.PublicationId, s.SubjectId });
        e.Property(s => s.Total).HasPrecision(6, 2);
        e.Property(s => s.Grade).HasMaxLength(20);
        e.Property(s => s.Name).HasMaxLength(100);
        e.HasIndex(s => new { s.PublicationId, s.Rank });
    }
}
