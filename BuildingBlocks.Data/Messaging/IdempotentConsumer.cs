using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// A consumer that handles each event once. It first claims the event in <c>inbox_messages</c>, then applies the effect,
/// and commits both together: a re-delivery finds the claim and does nothing. A delivery racing another of the same
/// event waits on the other's uncommitted claim (Postgres holds the key) and then finds it taken, or takes it if the
/// other rolled back; neither does the work twice, and no collision is logged or retried.
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
        var cancellationToken = context.CancellationToken;
        Db.ChangeTracker.Clear();
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (event_id, consumer, processed_at) VALUES ({message.EventId}, {consumer}, {Clock.GetUtcNow()}) ON CONFLICT DO NOTHING",
            cancellationToken
        );
        if (claimed == 0)
        {
            logger.LogDebug("{Consumer} already handled {EventType} {EventId}", consumer, typeof(TEvent).Name, message.EventId);
            return;
        }

        await HandleAsync(message, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Apply the event to tracked entities; do not call SaveChanges (the base saves once, in the claim's transaction).</summary>
    protected abstract Task HandleAsync(TEvent message, CancellationToken cancellationToken);
}
