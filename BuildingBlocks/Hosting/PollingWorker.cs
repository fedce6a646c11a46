using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.Time;

namespace Platform.BuildingBlocks.Hosting;

/// <summary>
/// The one shape of the suite's polling loops (the deadline timer, the score refresher, the import worker, the
/// notification sender, the outbox relay): rounds of work taken from the database, again at once while a round says
/// more may be waiting (a full batch), otherwise after <see cref="PauseAsync"/>; a failed round is logged and the wait
/// grows (<see cref="FailureBackoff"/>: 1 s doubling to 30 s) until a round succeeds. The work lives in rows, so a
/// restart loses nothing, and rows are leased with <c>FOR UPDATE SKIP LOCKED</c>, so instances share it.
/// Every worker reports its rounds, the items they handled, its failed rounds and the time a round takes
/// (<see cref="PollingWorkerMetrics"/>, tagged with the worker's name).
/// </summary>
public abstract class PollingWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    private readonly PollingWorkerMetrics metrics = MetricsFrom(scopes);

    /// <summary>The worker's name in logs and metrics.</summary>
    protected abstract string Name { get; }

    /// <summary>The wait after a round that left nothing waiting.</summary>
    protected abstract TimeSpan Interval { get; }

    protected TimeProvider Clock => clock;

    /// <summary>One round of work: how many items it handled, and whether more may be waiting (go again at once).</summary>
    protected abstract Task<PollingRound> RunRoundAsync(CancellationToken ct);

    /// <summary>Whether the loop runs at all here (a setting may turn a worker off).</summary>
    protected virtual bool Enabled => true;

    /// <summary>The wait between rounds; a worker may be woken earlier (the outbox relay by a commit's notification).</summary>
    protected virtual async Task PauseAsync(TimeSpan pause, CancellationToken ct) =>
        await Task.Delay(pause, clock, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    protected IServiceScopeFactory Scopes => scopes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            logger.LogInformation("{Worker} is off here", Name);
            return;
        }

        var backoff = new FailureBackoff();
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var round = await RunRoundAsync(stoppingToken);
                backoff.Succeeded();
                metrics.Round(Name, round.Items, Stopwatch.GetElapsedTime(started));
                if (!round.MoreWaiting)
                {
                    await PauseAsync(Interval, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database or the broker may be away; the work stays in its rows and is taken once they are back.
                // Waiting longer after each failure in a row keeps the logs and the servers quiet meanwhile.
                var wait = backoff.Failed(Interval);
                metrics.Failed(Name);
                logger.LogWarning(ex, "{Worker}: a round failed ({Failures} in a row); next try in {Wait}", Name, backoff.Failures, wait);
                await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static PollingWorkerMetrics MetricsFrom(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PollingWorkerMetrics>();
    }
}

/// <summary>What one round of a <see cref="PollingWorker"/> did.</summary>
/// <param name="Items">The items it handled (cases looked at, events published, jobs run).</param>
/// <param name="MoreWaiting">True when the round may have left work behind (a full batch): the next starts at once.</param>
public readonly record struct PollingRound(int Items, bool MoreWaiting)
{
    /// <summary>A batch of <paramref name="items"/> out of at most <paramref name="batchSize"/>: a full one may have left more.</summary>
    public static PollingRound OfBatch(int items, int batchSize) => new(items, items >= batchSize);
}

/// <summary>The polling workers' figures on the dashboard, one series per worker.</summary>
public sealed class PollingWorkerMetrics
{
    public const string MeterName = "Platform.Workers";

    private readonly Counter<long> rounds;
    private readonly Counter<long> items;
    private readonly Counter<long> failures;
    private readonly Histogram<double> duration;

    public PollingWorkerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        rounds = meter.CreateCounter<long>("platform.worker.rounds", "{round}", "Rounds a polling worker completed");
        items = meter.CreateCounter<long>("platform.worker.items", "{item}", "Items a polling worker handled");
        failures = meter.CreateCounter<long>("platform.worker.failures", "{round}", "Rounds of a polling worker that failed (retried after a back-off)");
        duration = meter.CreateHistogram<double>("platform.worker.round.duration", "s", "Time a polling worker's round took");
    }

    internal void Round(string worker, int handled, TimeSpan took)
    {
        var tag = new KeyValuePair<string, object?>("worker", worker);
        rounds.Add(1, tag);
        items.Add(handled, tag);
        duration.Record(took.TotalSeconds, tag);
    }

    internal void Failed(string worker) => failures.Add(1, new KeyValuePair<string, object?>("worker", worker));
}
