using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Organization.Accounts;
using Platform.Organization.Activities;
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

namespace Platform.Organization.Communities;

/// <summary>How <see cref="Subdistrict"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class SubdistrictConfiguration : IEntityTypeConfiguration<Subdistrict>
{
    public void Configure(EntityTypeBuilder<Subdistrict> e)
    {
        e.ToTable("subdistrict");
        e.HasKey(x => x.Id);
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Code).HasMaxLength(3);
        e.Property(x => x.Name).HasMaxLength(100);

    }
}
