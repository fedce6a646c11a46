using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using Platform.Workflow.Approvals;
using Platform.Workflow.Assessment;
using Platform.Workflow.Cases;
using Platform.Workflow.Mediation;
using Platform.Workflow.Categories;
using Platform.Workflow.Directory;
using Platform.Workflow.Grids;
using Platform.Workflow.Notifications;
using Platform.Workflow.Open311;
using Platform.Workflow.Routing;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Attachments;

/// <summary>How <see cref="PhotoContent"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class PhotoContentConfiguration : IEntityTypeConfiguration<PhotoContent>
{
    public void Configure(EntityTypeBuilder<PhotoContent> e)
    {
        e.ToTable("case_photo_contents");
        e.HasKey(c => c.PhotoId);
        e.HasOne<CasePhoto>().WithOne().HasForeignKey<PhotoContent>(c => c.PhotoId).OnDelete(DeleteBehavior.Cascade);

    }
}
