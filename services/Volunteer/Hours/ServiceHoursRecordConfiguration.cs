using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Volunteer.Activities;

namespace Platform.Volunteer.Hours;

/// <summary>How <see cref="ServiceHoursRecord"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class ServiceHoursRecordConfiguration : IEntityTypeConfiguration<ServiceHoursRecord>
{
    public void Configure(EntityTypeBuilder<ServiceHoursRecord> e)
    {
        e.ToTable("service_hours");
        e.HasKey(h => h.Id);
        // One record per sign-up: hours are never counted twice.
        e.HasIndex(h => h.SignUpId).IsUnique();
        e.HasIndex(h => new { h.VolunteerId, h.ServedOn });
        e.Property(h => h.Hours).HasPrecision(5, 2);
        e.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(h => h.ActivityTitle).HasMaxLength(Activity.MaxTitleLength);
        e.Property(h => h.RecordedBy).HasMaxLength(200);
        e.Property(h => h.RecordNote).HasMaxLength(ServiceHoursRecord.MaxReasonLength);
        e.Property(h => h.VolunteerSubject).HasMaxLength(100);
        e.Property(h => h.ApprovedBy).HasMaxLength(100);
        e.OwnsMany(h => h.Corrections, c => c.ToJson("corrections"));
        e.Property(h => h.Version).IsConcurrencyToken();
    }
}
