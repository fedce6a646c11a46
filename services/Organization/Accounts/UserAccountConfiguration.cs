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

/// <summary>How <see cref="UserAccount"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> e)
    {
        e.ToTable("user_accounts");
        e.HasKey(a => a.Id);
        e.Property(a => a.UserName).HasMaxLength(100);
        e.HasIndex(a => a.UserName).IsUnique();
        e.HasIndex(a => a.PersonId);
        e.Property(a => a.Department).HasMaxLength(UserAccount.MaxDepartmentLength);

    }
}
