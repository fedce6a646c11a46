using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Organization.Accounts;
using Platform.Organization.Communities;
using Platform.Organization.Deliberations;
using Platform.Organization.GridPosts;
using Platform.Organization.Indices;
using Platform.Organization.MemberUnits;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Organization.Posts;
using Platform.Organization.Registrations;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Organization.Activities;

/// <summary>How <see cref="ServiceCentreCheck"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class ServiceCentreCheckConfiguration : IEntityTypeConfiguration<ServiceCentreCheck>
{
    public void Configure(EntityTypeBuilder<ServiceCentreCheck> e)
    {
        e.ToTable("service_centre_checks");
        e.HasKey(c => new { c.CommunityId, c.Item });
        e.Property(c => c.Item).HasConversion<string>().HasMaxLength(30);
        e.Property(c => c.Evidence).HasMaxLength(ServiceCentreCheck.MaxEvidenceLength);

    }
}
