namespace Platform.Contracts;

/// <summary>
/// Base of every integration event. Consumers use <see cref="EventId"/> to process an event once,
/// however often it is delivered. Contracts evolve only by adding optional members.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; }
}
