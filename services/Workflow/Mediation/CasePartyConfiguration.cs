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

/// <summary>How <see cref="CaseParty"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> e)
    {
        e.ToTable("case_parties");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        e.ComplexProperty(p => p.Name, n => n.StoredAs("name", 60));
        e.ComplexProperty(p => p.Phone, n => n.StoredAs("phone", 60));
        e.HasIndex(p => p.CaseId);

    }
}
