using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Organization.Accounts;
using Platform.Organization.Activities;
using Platform.Organization.Communities;
using Platform.Organization.Deliberations;
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

namespace Platform.Organization.GridPosts;

/// <summary>How <see cref="GridPosting"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class GridPostingConfiguration : IEntityTypeConfiguration<GridPosting>
{
    public void Configure(EntityTypeBuilder<GridPosting> e)
    {
        e.ToTable("grid_postings");
        e.HasKey(p => p.AssignmentId);
        e.Property(p => p.Post).HasMaxLength(20);
        e.HasIndex(p => new { p.PersonId, p.Active });

    }
}
