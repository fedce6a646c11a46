using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.MemberUnits;

/// <summary>How <see cref="AllianceMeeting"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class AllianceMeetingConfiguration : IEntityTypeConfiguration<AllianceMeeting>
{
    public void Configure(EntityTypeBuilder<AllianceMeeting> e)
    {
        e.ToTable("alliance_meetings");
        e.HasKey(m => m.Id);
        e.Property(m => m.Topic).HasMaxLength(200);
        e.OwnsMany(m => m.Tasks, b => b.ToJson("tasks"));
    }
}
