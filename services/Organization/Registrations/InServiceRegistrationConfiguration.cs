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
using Platform.Organization.Posts;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Organization.Registrations;

/// <summary>How <see cref="InServiceRegistration"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class InServiceRegistrationConfiguration : IEntityTypeConfiguration<InServiceRegistration>
{
    public void Configure(EntityTypeBuilder<InServiceRegistration> e)
    {
        e.ToTable("in_service_registrations");
        e.HasKey(r => r.Id);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.DecisionNote).HasMaxLength(500);
        e.HasIndex(r => r.PersonId);
        e.HasIndex(r => r.CommunityId);
        e.HasIndex(r => r.UnitOrganizationId);

    }
}
