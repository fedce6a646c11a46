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

/// <summary>How <see cref="Post"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> e)
    {
        e.ToTable("posts");
        e.HasKey(p => p.Id);
        e.Property(p => p.Title).HasConversion<string>().HasMaxLength(30);
        e.Property(p => p.BusinessLine).HasMaxLength(Post.MaxDutyLength);
        e.Property(p => p.PartyBuildingDuty).HasMaxLength(Post.MaxDutyLength);
        e.Ignore(p => p.IsFirstResponsible);
        e.HasIndex(p => new { p.OrganizationId, p.Title });
        e.HasIndex(p => p.PersonId);

    }
}
