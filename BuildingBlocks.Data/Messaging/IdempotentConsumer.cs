using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// A consumer that handles each event once. The inbox row and the effect are saved by one
/// <c>SaveChanges</c>; a second delivery finds the row and does nothing. Two deliveries racing each other
/// collide on the inbox key, and the loser's retry then finds the row.
/// </summary>
public abstract class IdempotentConsumer<TEvent, TDbContext>(TDbContext db, TimeProvider clock, ILogger logger) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var message = context.Message;
        var consumer = GetType().Name;
        Db.ChangeTracker.Clear();
        if (await Db.Set<InboxMessage>().AnyAsync(m => m.EventId == message.EventId && m.Consumer == consumer, context.CancellationToken))
        {
            logger.LogDebug("{Consumer} already handled {EventType} {EventId}", consumer, typeof(TEvent).Name, message.EventId);
            return;
        }

        await HandleAsync(message, context.CancellationToken);
        Db.Set<InboxMessage>().Add(InboxMessage.Processed(message.EventId, consumer, Clock.GetUtcNow()));
        await Db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>Apply the event to tracked entities; do not call SaveChanges (the base saves once, with the inbox row).</summary>
    protected abstract Task HandleAsync(TEvent message, CancellationToken cancellationToken);
}
