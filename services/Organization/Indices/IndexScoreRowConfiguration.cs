using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Indices;

/// <summary>How <see cref="IndexScoreRow"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class IndexScoreRowConfiguration : IEntityTypeConfiguration<IndexScoreRow>
{
    public void Configure(EntityTypeBuilder<IndexScoreRow> e)
    {
        e.ToTable("index_scores");
        e.HasKey(s => new
        {
            s.Index,
            s.Period,
            s.SubjectId,
        });
        e.Property(s => s.Index).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.Period).HasMaxLength(10);
        e.Property(s => s.Total).HasPrecision(6, 2);
        e.Property(s => s.Grade).HasMaxLength(20);
    }
}
