using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Volunteer.Activities;

/// <summary>How <see cref="Activity"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> e)
    {
        e.ToTable("activities");
        e.HasKey(a => a.Id);
        e.Property(a => a.Title).HasMaxLength(Activity.MaxTitleLength);
        e.Property(a => a.Place).HasMaxLength(Activity.MaxPlaceLength);
        e.Property(a => a.RequiredSkills).HasColumnType("text[]");
        e.Property(a => a.CheckInCode).HasMaxLength(10);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(a => a.ProjectId);
        e.Property(a => a.Version).IsConcurrencyToken();
    }
}
