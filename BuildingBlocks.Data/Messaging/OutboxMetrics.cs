using System.Diagnostics.Metrics;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// What the outbox relay reports on the dashboard: how many events wait, how old the oldest of them is (the lag
/// between a change and its event leaving the service), and what was published or failed.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Platform.Outbox";

    private readonly Counter<long> published;
    private readonly Counter<long> failed;
    private long backlog;
    private double lagSeconds;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        published = meter.CreateCounter<long>("platform.outbox.published", "{event}", "Events published from the outbox and confirmed by the broker");
        failed = meter.CreateCounter<long>("platform.outbox.failed", "{attempt}", "Publish attempts that failed and will be retried");
        meter.CreateObservableGauge("platform.outbox.backlog", () => Interlocked.Read(ref backlog), "{event}", "Events written to the outbox and not yet sent");
        meter.CreateObservableGauge("platform.outbox.lag", () => Volatile.Read(ref lagSeconds), "s", "Age of the oldest event not yet sent");
    }

    /// <summary>The last measured backlog, for tests and the health of the relay.</summary>
    public long Backlog => Interlocked.Read(ref backlog);

    /// <summary>The last measured lag.</summary>
    public TimeSpan Lag => TimeSpan.FromSeconds(Volatile.Read(ref lagSeconds));

    internal void Published(bool retried) => published.Add(1, new KeyValuePair<string, object?>("retried", retried));

    internal void Failed() => failed.Add(1);

    internal void Measured(long rows, TimeSpan oldest)
    {
        Interlocked.Exchange(ref backlog, rows);
        Volatile.Write(ref lagSeconds, Math.Max(0, oldest.TotalSeconds));
    }
}
