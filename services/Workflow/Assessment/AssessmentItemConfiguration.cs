using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Assessment;

/// <summary>How <see cref="AssessmentItem"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class AssessmentItemConfiguration : IEntityTypeConfiguration<AssessmentItem>
{
    public void Configure(EntityTypeBuilder<AssessmentItem> e)
    {
        e.ToTable("assessment_items");
        e.HasKey(i => i.Id);
        e.Property(i => i.Id).ValueGeneratedNever();
        e.Property(i => i.Level).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.SubjectId).HasMaxLength(150);
        e.Property(i => i.Points).HasPrecision(8, 2);
        e.Property(i => i.Reason).HasMaxLength(AssessmentItem.MaxReasonLength);
        e.Property(i => i.Evidence).HasMaxLength(500);
        e.Property(i => i.Source).HasMaxLength(20);
        e.Property(i => i.RecordedBySubject).HasMaxLength(100);
        e.Property(i => i.RecordedByName).HasMaxLength(100);
        e.HasIndex(i => new { i.Level, i.At });
        e.HasIndex(i => new
        {
            i.Level,
            i.SubjectId,
            i.At,
        });
    }
}
