using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Organization.Communities;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.PersonalData;

namespace Platform.Organization.Data;

public sealed class OrganizationDbContext(DbContextOptions<OrganizationDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Community> Communities => Set<Community>();

    public DbSet<PartyOrganization> PartyOrganizations => Set<PartyOrganization>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonalDataReveal> PersonalDataReveals => Set<PersonalDataReveal>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        modelBuilder.Entity<Community>(e =>
        {
            e.ToTable("communities");
            e.HasKey(c => c.Id);
            e.Property(c => c.Code).HasMaxLength(3);
            e.Property(c => c.Name).HasMaxLength(Community.MaxNameLength);
            e.HasIndex(c => c.Code).IsUnique();
        });

        modelBuilder.Entity<PartyOrganization>(e =>
        {
            e.ToTable("party_organizations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Name).HasMaxLength(PartyOrganization.MaxNameLength);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(o => o.MassOrganizationType).HasConversion<string>().HasMaxLength(40);
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.OwnsMany(o => o.ParentHistory, h => h.ToJson("parent_history"));
            e.Navigation(o => o.ParentHistory).HasField("parentHistory").UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasIndex(o => o.ParentId);
            e.HasIndex(o => o.CommunityId);
            // The tree has one root: a second active subdistrict committee is refused even when two requests race.
            e.HasIndex(o => o.Kind).IsUnique().HasDatabaseName("ix_one_active_subdistrict_committee")
                .HasFilter("kind = 'SubdistrictCommittee' AND status = 'Active'");
        });

        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(Person.MaxNameLength);
            e.ComplexProperty(p => p.Phone, c => ConfigureProtected(c, "phone"));
            e.ComplexProperty(p => p.IdCard, c => ConfigureProtected(c, "id_card"));
            e.ComplexProperty(p => p.HomeAddress, c => ConfigureProtected(c, "home_address"));
            e.Property(p => p.IdCardHash).HasMaxLength(64);
            e.HasIndex(p => p.IdCardHash).IsUnique();
            e.OwnsOne(p => p.Membership, m =>
            {
                m.Property(x => x.OrganizationId).HasColumnName("member_organization_id");
                m.Property(x => x.Type).HasColumnName("member_type").HasConversion<string>().HasMaxLength(20);
                m.Property(x => x.JoinedOn).HasColumnName("member_joined_on");
                m.HasIndex(x => x.OrganizationId);
            });
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => p.StaffCommunityId);
        });

        modelBuilder.Entity<PersonalDataReveal>(e =>
        {
            e.ToTable("personal_data_reveals");
            e.HasKey(r => r.Id);
            e.Property(r => r.RevealedBy).HasMaxLength(200);
            e.Property(r => r.Reason).HasMaxLength(PeopleApi.MaxReasonLength);
            e.HasIndex(r => new { r.PersonId, r.RevealedAt });
        });
    }

    private static void ConfigureProtected(ComplexPropertyBuilder<ProtectedValue> value, string column)
    {
        value.Property(v => v.Cipher).HasColumnName($"{column}_protected");
        value.Property(v => v.Masked).HasColumnName($"{column}_masked").HasMaxLength(60);
    }
}
