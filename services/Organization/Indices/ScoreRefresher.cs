using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.BuildingBlocks.Hosting;
using Platform.Organization.Data;

namespace Platform.Organization.Indices;

public sealed class IndexOptions
{
    /// <summary>How often the refresher looks for inputs not yet in the live scores.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Keeps the live scores current: takes ledger rows changed since they were last scored (a batch at a time,
/// <c>FOR UPDATE SKIP LOCKED</c>, so several instances share the work), refreshes every score they touch once,
/// and marks them scored, in one transaction. A score moves within about a second of the event that moves it.
/// </summary>
public sealed partial class ScoreRefresher(IServiceScopeFactory scopes, IOptions<IndexOptions> options, TimeProvider clock, ILogger<ScoreRefresher> logger)
    : PollingWorker(scopes, clock, logger)
{
    private const int BatchSize = 500;

    protected override string Name => "index-score-refresher";

    protected override TimeSpan Interval => options.Value.RefreshInterval;

    protected override async Task<PollingRound> RunRoundAsync(CancellationToken ct) => PollingRound.OfBatch(await RunOnceAsync(ct), BatchSize);

    /// <summary>One batch; returns how many ledger rows it scored.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({ScoreKeeper.RecomputeLock})", ct);
        var ids = await db
            .Database.SqlQuery<Guid>(
                $"""
                SELECT id AS "Value" FROM index_inputs WHERE NOT scored ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """
            )
            .ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        var rows = await db.IndexInputs.Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var keeper = new ScoreKeeper(db, Clock);
        // In one order everywhere, so two refreshers wait for each other instead of deadlocking.
        foreach (var key in rows.SelectMany(ScoreKeeper.KeysOf).Distinct().OrderBy(k => k.Index).ThenBy(k => k.Subject).ThenBy(k => k.Period))
        {
            await keeper.RefreshAsync(key, ct);
        }

        rows.ForEach(r => r.MarkScored());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogScored(rows.Count);
        return rows.Count;
    }

    [LoggerMessage(LogLevel.Debug, "Brought the live scores of {Count} index inputs up to date")]
    private partial void LogScored(int count);
}
