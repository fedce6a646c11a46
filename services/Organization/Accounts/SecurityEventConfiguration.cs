using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Organization.Activities;
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

namespace Platform.Organization.Accounts;

/// <summary>How <see cref="SecurityEvent"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> e)
    {
        e.ToTable("security_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Actor).HasMaxLength(100);
        e.Property(x => x.Subject).HasMaxLength(100);
        e.Property(x => x.Detail).HasMaxLength(SecurityEvent.MaxDetailLength);
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.Subject, x.At });

    }
}
