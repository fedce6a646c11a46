using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using Platform.Workflow.Approvals;
using Platform.Workflow.Attachments;
using Platform.Workflow.Assessment;
using Platform.Workflow.Cases;
using Platform.Workflow.Categories;
using Platform.Workflow.Directory;
using Platform.Workflow.Grids;
using Platform.Workflow.Notifications;
using Platform.Workflow.Open311;
using Platform.Workflow.Routing;
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
