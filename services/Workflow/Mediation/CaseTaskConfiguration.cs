using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Mediation;

/// <summary>How <see cref="CaseTask"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CaseTaskConfiguration : IEntityTypeConfiguration<CaseTask>
{
    public void Configure(EntityTypeBuilder<CaseTask> e)
    {
        e.ToTable("case_tasks");
        e.HasKey(t => t.Id);
        e.Property(t => t.Id).ValueGeneratedNever();
        e.Property(t => t.Party).HasConversion<string>().HasMaxLength(30);
        e.Property(t => t.Task).HasMaxLength(CaseTask.MaxTaskLength);
        e.HasIndex(t => t.CaseId);
    }
}
