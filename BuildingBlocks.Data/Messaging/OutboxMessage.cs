using System.Diagnostics;
using System.Text.Json;
using Platform.Contracts;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// An integration event waiting to leave the service. Written in the same transaction as the change it
/// describes; the <see cref="OutboxRelay{TDbContext}"/> publishes it and marks it sent.
/// </summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private OutboxMessage() { }

    /// <summary>The event id; also the MassTransit message id, so consumers can recognise a re-delivery.</summary>
    public Guid Id { get; private set; }

    /// <summary>Full name of the contract type in Platform.Contracts.</summary>
    public string MessageType { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The W3C traceparent of the request that wrote the event, so the trace continues past the relay.</summary>
    public string? TraceParent { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Null means due now; set after a failed attempt to back off.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    internal static OutboxMessage For(IntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.EventId,
            MessageType = type.FullName!,
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
            OccurredAt = integrationEvent.OccurredAt,
            TraceParent = Activity.Current?.Id,
        };
    }

    internal void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
        LastError = null;
        NextAttemptAt = null;
    }

    internal void MarkFailed(DateTimeOffset now, string error)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = now + BackoffAfter(Attempts);
    }

    /// <summary>Exponential backoff from one second, capped at five minutes: a broken row is retried, never dropped.</summary>
    public static TimeSpan BackoffAfter(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(attempts - 1, 16))));
}

/// <summary>
/// An event a consumer has already handled: claimed by <see cref="IdempotentConsumer{TEvent, TDbContext}"/> (by SQL, so
/// that a racing delivery waits instead of colliding) in the same transaction as the consumer's effect.
/// </summary>
public sealed class InboxMessage
{
    private InboxMessage() { }

    public Guid EventId { get; private set; }

    public string Consumer { get; private set; } = "";

    public DateTimeOffset ProcessedAt { get; private set; }
}
