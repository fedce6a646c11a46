using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.BuildingBlocks.PersonalData;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Notifications;

/// <summary>How <see cref="Notification"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("notifications");
        e.HasKey(n => n.Id);
        e.Property(n => n.Id).ValueGeneratedNever();
        e.Property(n => n.Channel).HasMaxLength(20);
        e.Property(n => n.Recipient).HasMaxLength(150);
        e.ComplexProperty(n => n.Phone, c => c.StoredAs("phone", 60));
        e.Property(n => n.Kind).HasMaxLength(20);
        e.Property(n => n.Text).HasMaxLength(Case.MaxTextLength + 200);
        e.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(n => n.LastError).HasMaxLength(500);
        e.HasIndex(n => n.NextAttemptAt).HasFilter("status = 'Pending'");
        e.HasIndex(n => new { n.Recipient, n.CreatedAt });
        e.HasIndex(n => n.CaseId);
    }
}
