using Microsoft.EntityFrameworkCore;
using Platform.Contracts;

namespace Platform.BuildingBlocks.Messaging;

public static class MessagingModel
{
    /// <summary>Adds the outbox and inbox tables to a service's model; call from <c>OnModelCreating</c>.</summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(300);
            e.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
            e.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            e.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
            e.Property(m => m.Attempts).HasColumnName("attempts");
            e.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(m => m.SentAt).HasColumnName("sent_at");
            e.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            // The relay's two lanes: new rows in the order they occurred, and rows being retried by when they are due.
            e.HasIndex(m => new { m.OccurredAt, m.Id }).HasDatabaseName("ix_outbox_messages_new").HasFilter("sent_at IS NULL AND attempts = 0");
            e.HasIndex(m => new { m.NextAttemptAt, m.Id }).HasDatabaseName("ix_outbox_messages_retrying").HasFilter("sent_at IS NULL AND attempts > 0");
        });

        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.EventId, m.Consumer });
            e.Property(m => m.EventId).HasColumnName("event_id");
            e.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            e.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });

        modelBuilder.Entity<DeadLetterReplay>(e =>
        {
            e.ToTable("dead_letter_replays");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(r => r.MessageId).HasColumnName("message_id").HasMaxLength(100);
            e.Property(r => r.Queue).HasColumnName("queue").HasMaxLength(200);
            e.Property(r => r.MessageType).HasColumnName("message_type").HasMaxLength(300);
            e.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(DeadLetterReplay.MaxReasonLength);
            e.Property(r => r.ReplayedBy).HasColumnName("replayed_by").HasMaxLength(200);
            e.Property(r => r.ReplayedAt).HasColumnName("replayed_at");
            e.HasIndex(r => r.ReplayedAt);
        });

        return modelBuilder;
    }

    /// <summary>
    /// Queues an integration event in the outbox. It is written by the same <c>SaveChanges</c> as the change it
    /// describes, so either both are stored or neither.
    /// </summary>
    internal static void AddEvent(this DbContext db, IntegrationEvent integrationEvent) => db.Set<OutboxMessage>().Add(OutboxMessage.For(integrationEvent));
}
