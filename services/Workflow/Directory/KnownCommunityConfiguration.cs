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

/// <summary>How <see cref="KnownCommunity"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class KnownCommunityConfiguration : IEntityTypeConfiguration<KnownCommunity>
{
    public void Configure(EntityTypeBuilder<KnownCommunity> e)
    {
        e.ToTable("known_communities");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.Code).HasMaxLength(20);
        e.Property(c => c.Name).HasMaxLength(100);

    }
}
