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
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Organization.Posts;
using Platform.Organization.Registrations;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Organization.MemberUnits;

/// <summary>How <see cref="AllianceMeeting"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class AllianceMeetingConfiguration : IEntityTypeConfiguration<AllianceMeeting>
{
    public void Configure(EntityTypeBuilder<AllianceMeeting> e)
    {
        e.ToTable("alliance_meetings");
        e.HasKey(m => m.Id);
        e.Property(m => m.Topic).HasMaxLength(200);
        e.OwnsMany(m => m.Tasks, b => b.ToJson("tasks"));

    }
}
