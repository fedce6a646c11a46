using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VolunteerEntity = Platform.Volunteer.Volunteers.Volunteer;

namespace Platform.Volunteer.Volunteers;

/// <summary>How <see cref="Volunteer"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<VolunteerEntity>
{
    public void Configure(EntityTypeBuilder<VolunteerEntity> e)
    {
        e.ToTable("volunteers");
        e.HasKey(v => v.Id);
        e.Property(v => v.Name).HasMaxLength(VolunteerEntity.MaxNameLength);
        e.Property(v => v.Skills).HasColumnType("text[]");
        e.HasIndex(v => v.Skills).HasMethod("gin");
        e.Property(v => v.AccountSubject).HasMaxLength(100);
        // One volunteer record per account, even when two registrations race.
        e.HasIndex(v => v.AccountSubject).IsUnique().HasFilter("account_subject IS NOT NULL");
        e.HasIndex(v => v.PersonId);
        e.Property(v => v.Availability).HasMaxLength(VolunteerEntity.MaxAvailabilityLength);
        e.Property(v => v.Number).HasMaxLength(20).ValueGeneratedOnAdd().HasDefaultValueSql("'HX' || lpad(nextval('volunteer_number_seq')::text, 6, '0')");
        e.HasIndex(v => v.Number).IsUnique();
    }
}
