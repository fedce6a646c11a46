using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
