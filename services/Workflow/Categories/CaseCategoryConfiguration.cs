using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using Platform.Workflow.Approvals;
using Platform.Workflow.Attachments;
using Platform.Workflow.Assessment;
using Platform.Workflow.Cases;
using Platform.Workflow.Mediation;
using Platform.Workflow.Directory;
using Platform.Workflow.Grids;
using Platform.Workflow.Notifications;
using Platform.Workflow.Open311;
using Platform.Workflow.Routing;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Categories;

/// <summary>How <see cref="CaseCategory"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CaseCategoryConfiguration : IEntityTypeConfiguration<CaseCategory>
{
    public void Configure(EntityTypeBuilder<CaseCategory> e)
    {
        e.ToTable("case_categories");
        e.HasKey(c => c.Code);
        e.Property(c => c.Code).HasMaxLength(40);
        e.Property(c => c.Name).HasMaxLength(CaseCategory.MaxNameLength);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.Property(c => c.DefaultType).HasConversion<string>().HasMaxLength(20).HasDefaultValue(CaseType.General).HasSentinel(CaseType.General);
        e.HasData(CaseCategory.Defaults);

    }
}
