using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Volunteer.Activities;

/// <summary>How <see cref="Shift"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public void Configure(EntityTypeBuilder<Shift> e)
    {
        e.ToTable("shifts");
        e.HasKey(s => s.Id);
        e.HasIndex(s => s.ActivityId);
        e.HasOne<Activity>().WithMany().HasForeignKey(s => s.ActivityId);
    }
}
