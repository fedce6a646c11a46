using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Activities;

/// <summary>How <see cref="ServiceCentreCheck"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class ServiceCentreCheckConfiguration : IEntityTypeConfiguration<ServiceCentreCheck>
{
    public void Configure(EntityTypeBuilder<ServiceCentreCheck> e)
    {
        e.ToTable("service_centre_checks");
        e.HasKey(c => new { c.CommunityId, c.Item });
        e.Property(c => c.Item).HasConversion<string>().HasMaxLength(30);
        e.Property(c => c.Evidence).HasMaxLength(ServiceCentreCheck.MaxEvidenceLength);
    }
}
