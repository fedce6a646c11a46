using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using Platform.Workflow.Approvals;
using Platform.Workflow.Attachments;
using Platform.Workflow.Assessment;
using Platform.Workflow.Mediation;
using Platform.Workflow.Categories;
using Platform.Workflow.Directory;
using Platform.Workflow.Grids;
using Platform.Workflow.Notifications;
using Platform.Workflow.Open311;
using Platform.Workflow.Routing;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
