using Microsoft.EntityFrameworkCore;

namespace Platform.BuildingBlocks.Data;

/// <summary>
/// The service's database for reads that may lag a moment behind the writes: rankings, assessments, lookups. With
/// <c>ConnectionStrings:&lt;database&gt;-read</c> configured (a streaming replica: <c>./platform replica</c>, the
/// chart's <c>database.readReplica</c>) a context of its own on that connection, tracking nothing; otherwise the
/// request's own context on the primary. Never for a read that decides a write: that reads the primary.
/// </summary>
public sealed class ReadDb<TDbContext> : IAsyncDisposable, IDisposable
    where TDbContext : DbContext
{
    private readonly bool owned;

    public ReadDb(TDbContext context, bool onReplica)
    {
        Context = context;
        owned = onReplica;
    }

    public TDbContext Context { get; }

    /// <summary>Whether reads go to the replica (a context of its own) or to the primary.</summary>
    public bool OnReplica => owned;

    public ValueTask DisposeAsync() => owned ? Context.DisposeAsync() : ValueTask.CompletedTask;

    public void Dispose()
    {
        if (owned)
        {
            Context.Dispose();
        }
    }
}
