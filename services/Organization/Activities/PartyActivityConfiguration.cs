using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Activities;

/// <summary>How <see cref="PartyActivity"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class PartyActivityConfiguration : IEntityTypeConfiguration<PartyActivity>
{
    public void Configure(EntityTypeBuilder<PartyActivity> e)
    {
        e.ToTable("party_activities");
        e.HasKey(a => a.Id);
        e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(a => a.Title).HasMaxLength(PartyActivity.MaxTitleLength);
        e.Property(a => a.Location).HasMaxLength(200);
        e.OwnsMany(a => a.Attendance, b => b.ToJson("attendance"));
        e.HasIndex(a => new { a.OrganizationId, a.HeldAt });
        e.HasIndex(a => a.HeldAt);
    }
}
