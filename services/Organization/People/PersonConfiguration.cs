using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Organization.People;

/// <summary>How <see cref="Person"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.ToTable("people");
        e.HasKey(p => p.Id);
        e.Property(p => p.Name).HasMaxLength(Person.MaxNameLength);
        e.ComplexProperty(p => p.Phone, c => c.StoredAs("phone", 60));
        e.ComplexProperty(p => p.IdCard, c => c.StoredAs("id_card", 60));
        e.ComplexProperty(p => p.HomeAddress, c => c.StoredAs("home_address", 60));
        e.Property(p => p.IdCardHash).HasMaxLength(64);
        e.HasIndex(p => p.IdCardHash).IsUnique();
        e.OwnsOne(
            p => p.Membership,
            m =>
            {
                m.Property(x => x.OrganizationId).HasColumnName("member_organization_id");
                m.Property(x => x.Type).HasColumnName("member_type").HasConversion<string>().HasMaxLength(20);
                m.Property(x => x.JoinedOn).HasColumnName("member_joined_on");
                m.HasIndex(x => x.OrganizationId);
            }
        );
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasIndex(p => p.StaffCommunityId);
        e.HasIndex(p => p.CommunityId);
    }
}
