using System.ComponentModel.DataAnnotations.Schema;
using Platform.Contracts;

namespace Platform.BuildingBlocks.Domain;

/// <summary>
/// A record other services hear of. Its own methods raise its events; when the change is saved, the outbox
/// interceptor (<c>OutboxInterceptor</c> in BuildingBlocks.Data) writes them to the outbox in the same transaction.
/// Nothing else decides whether an event is published, so a change cannot be saved without its event.
/// </summary>
public abstract class Aggregate
{
    private readonly List<IntegrationEvent> raised = [];
    private bool changed;

    /// <summary>The events this change raises, in order, its state's event (<see cref="Snapshot"/>) last.</summary>
    [NotMapped]
    public IReadOnlyList<IntegrationEvent> Events => changed && Snapshot() is { } snapshot ? [.. raised, snapshot] : raised;

    /// <summary>Raises an event that tells of something that happened (a case closed, hours approved).</summary>
    protected void Raise(IntegrationEvent integrationEvent) => raised.Add(integrationEvent);

    /// <summary>Raises the event and gives it back, for a method that answers with what it raised.</summary>
    protected TEvent Raised<TEvent>(TEvent integrationEvent)
        where TEvent : IntegrationEvent
    {
        raised.Add(integrationEvent);
        return integrationEvent;
    }

    /// <summary>
    /// The record's state changed: its <see cref="Snapshot"/> event is raised once, with the state as it is saved,
    /// however many changes the request made.
    /// </summary>
    protected void Changed() => changed = true;

    /// <summary>The event that carries the record's whole state, for the read models of other services; none by default.</summary>
    protected virtual IntegrationEvent? Snapshot() => null;

    /// <summary>The events to write now; they are forgotten here, so a second save does not write them again.</summary>
    internal IReadOnlyList<IntegrationEvent> TakeEvents()
    {
        var events = Events.ToList();
        raised.Clear();
        changed = false;
        return events;
    }
}
