using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Mediation;

/// <summary>How <see cref="CaseMeeting"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CaseMeetingConfiguration : IEntityTypeConfiguration<CaseMeeting>
{
    public void Configure(EntityTypeBuilder<CaseMeeting> e)
    {
        e.ToTable("case_meetings");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(m => m.Summary).HasMaxLength(CaseMeeting.MaxSummaryLength);
        e.Property(m => m.RecordedBy).HasMaxLength(100);
        e.HasIndex(m => new { m.CaseId, m.HeldAt });
    }
}
