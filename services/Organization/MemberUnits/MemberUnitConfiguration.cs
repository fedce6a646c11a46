using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Organization.MemberUnits;

/// <summary>How <see cref="MemberUnit"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class MemberUnitConfiguration : IEntityTypeConfiguration<MemberUnit>
{
    public void Configure(EntityTypeBuilder<MemberUnit> e)
    {
        e.ToTable("member_units");
        e.HasKey(u => u.Id);
        e.Property(u => u.Name).HasMaxLength(MemberUnit.MaxNameLength);
        e.Property(u => u.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(u => u.ContactName).HasMaxLength(50);
        e.ComplexProperty(u => u.ContactPhone, c => c.StoredAs("contact_phone", 60));
        e.OwnsMany(u => u.SharedResources, b => b.ToJson("shared_resources"));
        e.HasIndex(u => u.Name).IsUnique();
    }
}
