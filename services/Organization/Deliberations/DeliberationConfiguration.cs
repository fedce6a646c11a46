using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Organization.Accounts;
using Platform.Organization.Activities;
using Platform.Organization.Communities;
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

namespace Platform.Organization.Deliberations;

/// <summary>How <see cref="Deliberation"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class DeliberationConfiguration : IEntityTypeConfiguration<Deliberation>
{
    public void Configure(EntityTypeBuilder<Deliberation> e)
    {
        e.ToTable("deliberations");
        e.HasKey(d => d.Id);
        e.Property(d => d.Topic).HasMaxLength(200);
        e.Ignore(d => d.IsSettled);
        e.OwnsMany(d => d.Parties, b => b.ToJson("parties"));
        e.OwnsMany(d => d.Resolutions, b => b.ToJson("resolutions"));
        e.HasIndex(d => new { d.CommunityId, d.HeldAt });

    }
}
