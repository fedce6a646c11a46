using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Workflow.Cases;

/// <summary>How <see cref="CaseReporter"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CaseReporterConfiguration : IEntityTypeConfiguration<CaseReporter>
{
    public void Configure(EntityTypeBuilder<CaseReporter> e)
    {
        e.ToTable("case_reporters");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).ValueGeneratedNever();
        e.ComplexProperty(r => r.Name, n => n.StoredAs("name", 60));
        e.ComplexProperty(r => r.Phone, p => p.StoredAs("phone", 60));
        e.Property(r => r.Subject).HasMaxLength(100);
        e.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        e.Ignore(r => r.CanBeReplied);
        e.HasIndex(r => r.CaseId);
        e.HasIndex(r => r.Subject);
    }
}
