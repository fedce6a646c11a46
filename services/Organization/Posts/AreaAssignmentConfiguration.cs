using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Organization.Accounts;
using Platform.Organization.Activities;
using Platform.Organization.Communities;
using Platform.Organization.Deliberations;
using Platform.Organization.GridPosts;
using Platform.Organization.Indices;
using Platform.Organization.MemberUnits;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Organization.Registrations;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Organization.Posts;

/// <summary>How <see cref="AreaAssignment"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class AreaAssignmentConfiguration : IEntityTypeConfiguration<AreaAssignment>
{
    public void Configure(EntityTypeBuilder<AreaAssignment> e)
    {
        e.ToTable("area_assignments");
        e.HasKey(a => a.Id);
        e.HasIndex(a => a.PersonId);
        e.HasIndex(a => a.CommunityId);

    }
}
