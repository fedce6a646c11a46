using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.PartyOrganizations;

/// <summary>How <see cref="PartyOrganization"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class PartyOrganizationConfiguration : IEntityTypeConfiguration<PartyOrganization>
{
    public void Configure(EntityTypeBuilder<PartyOrganization> e)
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
        e.HasIndex(o => o.Kind)
            .IsUnique()
            .HasDatabaseName("ix_one_active_subdistrict_committee")
            .HasFilter("kind = 'SubdistrictCommittee' AND status = 'Active'");
    }
}
