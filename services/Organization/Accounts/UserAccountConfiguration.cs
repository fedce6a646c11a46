using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
