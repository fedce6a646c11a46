using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.BuildingBlocks.Domain;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// The one way an event leaves a service: on every save, the events the tracked aggregates raised become outbox
/// rows of the same transaction. No service writes to the outbox itself (a test fails if one does).
/// </summary>
internal sealed class OutboxInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MoveEvents(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        MoveEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void MoveEvents(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        // Finding the tracked aggregates needs no scan for changed values: SaveChanges does that once, after this.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var outbox = db.Set<OutboxMessage>();
            foreach (var aggregate in db.ChangeTracker.Entries<Aggregate>().Where(e => e.State != EntityState.Detached).Select(e => e.Entity).ToList())
            {
                foreach (var integrationEvent in aggregate.TakeEvents())
                {
                    outbox.Add(OutboxMessage.For(integrationEvent));
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
