using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Volunteer.Activities;

/// <summary>How <see cref="SignUp"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class SignUpConfiguration : IEntityTypeConfiguration<SignUp>
{
    public void Configure(EntityTypeBuilder<SignUp> e)
    {
        e.ToTable("sign_ups");
        e.HasKey(s => s.Id);
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(s => new
        {
            s.ShiftId,
            s.Status,
            s.SignedUpAt,
        });
        e.HasIndex(s => new { s.VolunteerId, s.Status });
        e.HasOne<Shift>().WithMany().HasForeignKey(s => s.ShiftId);
    }
}
