using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Cases;

/// <summary>How <see cref="CaseStep"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> e)
    {
        e.ToTable("case_steps");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.Action).HasMaxLength(30);
        e.Property(s => s.From).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.To).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.ActorSubject).HasMaxLength(100);
        e.Property(s => s.ActorName).HasMaxLength(100);
        e.Property(s => s.Note).HasMaxLength(Case.MaxTextLength + 200);
        e.HasIndex(s => new { s.CaseId, s.Ordinal }).IsUnique();
    }
}
