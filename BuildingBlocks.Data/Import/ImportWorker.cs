using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.BuildingBlocks.Import;

/// <summary>
/// Applies a service's queued imports. A job is taken with <c>FOR UPDATE SKIP LOCKED</c> (safe with several
/// instances), checked again against the current data, then written in one transaction: all rows or none.
/// Progress is saved beside it as it goes, so a client can watch a long file. A job left running by a
/// crashed instance is taken again after <see cref="ImportWorkerTiming.StaleAfter"/>; its transaction never committed.
/// </summary>
public sealed partial class ImportWorker<TDbContext>(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportWorker<TDbContext>> logger)
    : PollingWorker(scopes, clock, logger)
    where TDbContext : DbContext
{
    private const int ProgressEvery = 100;

    protected override string Name => "import-worker";

    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(500);

    protected override async Task<PollingRound> RunRoundAsync(CancellationToken ct) =>
        await RunNextAsync(ct) ? new PollingRound(1, true) : new PollingRound(0, false);

    internal async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var jobId = await LeaseAsync(ct);
        if (jobId is null)
        {
            return false;
        }

        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var job = await db.Set<ImportJob>().AsNoTracking().FirstAsync(j => j.Id == jobId, ct);
        var importer = scope.ServiceProvider.GetServices<IImporter>().FirstOrDefault(i => i.Kind == job.Kind);
        if (importer is null)
        {
            await FinishAsync(jobId.Value, j => j.Fail($"This service no longer imports '{job.Kind}' files.", [], Clock.GetUtcNow()), ct);
            return true;
        }

        var plan = await importer.PrepareAsync(protector.Reveal(job.Payload), ct);
        if (plan.Problems.Count > 0)
        {
            await FinishAsync(
                jobId.Value,
                j => j.Fail("The data changed since the file was checked; nothing was imported.", plan.Problems, Clock.GetUtcNow()),
                ct
            );
            return true;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var done = 0;
            foreach (var entity in plan.Entities)
            {
                importer.Add(entity);
                if (++done % ProgressEvery == 0)
                {
                    await db.SaveChangesAsync(ct);
                    await FinishAsync(jobId.Value, j => j.Progress(done), ct);
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            LogImportFailed(ex, jobId.Value);
            await FinishAsync(
                jobId.Value,
                j => j.Fail("The import failed and was rolled back; nothing was imported.", [], Clock.GetUtcNow()),
                CancellationToken.None
            );
            return true;
        }

        await FinishAsync(jobId.Value, j => j.Complete(plan.Entities.Count, Clock.GetUtcNow()), ct);
        return true;
    }

    /// <summary>Takes one queued (or stale running) job and marks it running, in a short transaction of its own.</summary>
    private async Task<Guid?> LeaseAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var staleBefore = Clock.GetUtcNow() - ImportWorkerTiming.StaleAfter;
        var job = await db.Set<ImportJob>()
            .FromSql(
                $"""
                SELECT * FROM import_jobs
                WHERE status = 'Queued' OR (status = 'Running' AND started_at < {staleBefore})
                ORDER BY submitted_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """
            )
            .SingleOrDefaultAsync(ct); // LIMIT 1 above: at most one row, and no "First without order" warning on every poll
        if (job is null)
        {
            return null;
        }

        job.Start(Clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return job.Id;
    }

    private async Task FinishAsync(Guid id, Action<ImportJob> update, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var job = await db.Set<ImportJob>().FirstAsync(j => j.Id == id, ct);
        update(job);
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {JobId} failed and was rolled back")]
    private partial void LogImportFailed(Exception ex, Guid jobId);
}

public static class ImportWorkerTiming
{
    /// <summary>A running job not finished after this long was left by a crashed instance and is taken again.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
}
