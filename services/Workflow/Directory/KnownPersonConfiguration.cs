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
using Platform.Workflow.Categories;
using Platform.Workflow.Grids;
using Platform.Workflow.Notifications;
using Platform.Workflow.Open311;
using Platform.Workflow.Routing;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Directory;

/// <summary>How <see cref="KnownPerson"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class KnownPersonConfiguration : IEntityTypeConfiguration<KnownPerson>
{
    public void Configure(EntityTypeBuilder<KnownPerson> e)
    {
        e.ToTable("known_people");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.Name).HasMaxLength(50);

    }
}
