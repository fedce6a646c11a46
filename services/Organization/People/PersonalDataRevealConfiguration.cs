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
using Platform.Organization.Posts;
using Platform.Organization.Registrations;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Organization.People;

/// <summary>How <see cref="PersonalDataReveal"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class PersonalDataRevealConfiguration : IEntityTypeConfiguration<PersonalDataReveal>
{
    public void Configure(EntityTypeBuilder<PersonalDataReveal> e)
    {
        e.ToTable("personal_data_reveals");
        e.HasKey(r => r.Id);
        e.Property(r => r.RevealedBy).HasMaxLength(200);
        e.Property(r => r.Reason).HasMaxLength(PeopleApi.MaxReasonLength);
        e.HasIndex(r => new { r.PersonId, r.RevealedAt });

    }
}
