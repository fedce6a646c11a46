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
