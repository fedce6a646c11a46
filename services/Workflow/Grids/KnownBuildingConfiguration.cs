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
using Platform.Workflow.Directory;
using Platform.Workflow.Notifications;
using Platform.Workflow.Open311;
using Platform.Workflow.Routing;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Grids;

/// <summary>How <see cref="KnownBuilding"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class KnownBuildingConfiguration : IEntityTypeConfiguration<KnownBuilding>
{
    public void Configure(EntityTypeBuilder<KnownBuilding> e)
    {
        e.ToTable("known_buildings");
        e.HasKey(b => b.Id);
        e.Property(b => b.Id).ValueGeneratedNever();
        e.Property(b => b.Name).HasMaxLength(50);
        e.Property(b => b.Location).HasColumnType("geometry(Point,4326)");

    }
}
