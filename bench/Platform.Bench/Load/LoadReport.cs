using System.Globalization;
using System.Text;

namespace Platform.Bench.Load;

/// <summary>The figures of one <c>./platform bench load</c> as Markdown, with the targets they are held against.</summary>
public sealed class LoadReport(LoadSettings settings)
{
    private readonly List<string> throughput = [];
    private readonly List<string> notes = [];
    private readonly StringBuilder sections = new();
    private readonly Dictionary<(string Name, string Size, string Via), LoadFigures> figures = [];
    private int next;
    private readonly Dictionary<int, double> eventP99 = [];
    private long memoryPeak;

    public bool Failed { get; private set; }

    public int Next() => ++next;

    public void Fail(bool failed) => Failed |= failed;

    public void Note(string note) => notes.Add(note);

    private static string F(double v) => v.ToString(v >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);

    public void Throughput(string name, string size, string via, int connections, LoadFigures f, string? reconciled)
    {
        figures[(name, size, via)] = f;
        var ratio = via == "gateway" && figures.TryGetValue((name, size, "direct"), out var direct) ? $" ({f.PerSecond / direct.PerSecond:P0} of direct)" : "";
        if (via == "direct" && figures.TryGetValue((name, size, "gateway"), out var gateway))
        {
            // The gateway's row was written first; its ratio is added now that the direct figure is known.
            var index = throughput.FindLastIndex(r => r.StartsWith($"| {name} | {size} | gateway", StringComparison.Ordinal));
            if (index >= 0)
            {
                throughput[index] = throughput[index]
                    .Replace(
                        $"| {F(gateway.PerSecond)} |",
                        $"| {F(gateway.PerSecond)} ({gateway.PerSecond / f.PerSecond:P0} of direct) |",
                        StringComparison.Ordinal
                    );
            }
        }

        throughput.Add(
            $"| {name} | {size} | {via} | {connections} | {f.Requests:N0} | {F(f.PerSecond)}{ratio} | {F(f.P50)} | "
                + $"{F(f.P90)} | {F(f.P99)} | {f.StatusText} | {reconciled ?? "—"} |"
        );
    }

    public void Loop(LoopFigures loop)
    {
        sections.AppendLine("## A case's whole loop through the gateway");
        sections.AppendLine();
        sections
            .Append(CultureInfo.InvariantCulture, $"{loop.Workers} workers for {loop.Duration.TotalSeconds:N0} s, each: a resident reports road damage; an ")
            .Append("administrator registers and dispatches it; an urban-management handler accepts, resolves and replies; the ")
            .AppendLine("resident rates it; the administrator verifies and closes it.");
        sections.AppendLine();
        sections
            .Append(CultureInfo.InvariantCulture, $"- closed: **{loop.Closed:N0}** cases, {loop.Closed / loop.Duration.TotalSeconds:N1} loops/s ")
            .Append(CultureInfo.InvariantCulture, $"({loop.Closed * 9 / loop.Duration.TotalSeconds:N0} requests/s); a loop p50 ")
            .AppendLine(CultureInfo.InvariantCulture, $"{F(Percentiles.Of(loop.LoopMs, 0.5))} ms, p99 {F(Percentiles.Of(loop.LoopMs, 0.99))} ms");
        sections.AppendLine(
            CultureInfo.InvariantCulture,
            $"- refused or failed steps: {(loop.Failures.Count == 0 ? "none" : string.Join(", ", loop.Failures.Select(f => $"{f.Key}: {f.Value}")))}"
        );
        Failed |= loop.Failures.Count > 0;
        sections.AppendLine();
        sections.AppendLine("| step | p50 ms | p90 ms | p99 ms |");
        sections.AppendLine("|---|---:|---:|---:|");
        foreach (var (step, times) in loop.StepMs)
        {
            sections.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {step} | {F(Percentiles.Of(times, 0.5))} | {F(Percentiles.Of(times, 0.9))} | {F(Percentiles.Of(times, 0.99))} |"
            );
        }

        sections.AppendLine();
        Trail(loop.Closings);
        Trail(loop.Replies);
    }

    public void Events(EventFigures events)
    {
        sections.AppendLine(CultureInfo.InvariantCulture, $"## Events at {events.Rate} a second: from the write to the consumer's effect");
        sections.AppendLine();
        sections
            .Append(
                CultureInfo.InvariantCulture,
                $"{events.Sent:N0} visits logged directly on the Grid service in {events.Duration.TotalSeconds:N0} s at a fixed "
            )
            .Append("rate (an open loop), each a `VisitLogged` event consumed by the Organization service's indices and by the ")
            .Append("Workflow service. Answers: ")
            .Append(
                CultureInfo.InvariantCulture,
                $"{string.Join(", ", events.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}"))}; request p50 "
            )
            .AppendLine(CultureInfo.InvariantCulture, $"{F(Percentiles.Of(events.RequestMs, 0.5))} ms, p99 {F(Percentiles.Of(events.RequestMs, 0.99))} ms.");
        sections.AppendLine();
        Failed |= events.Statuses.Keys.Any(s => s != 201);
        Trail(events.Trail);
        eventP99[events.Rate] = events.Trail.Consumers.Max(c => Percentiles.Of(c.LatencyMs, 0.99));
    }

    private void Trail(EventTrail trail)
    {
        sections
            .Append(
                CultureInfo.InvariantCulture,
                $"`{trail.Event}`: {trail.Published:N0} written; relay sent p50 {F(Percentiles.Of(trail.SentAfterMs, 0.5))} ms, "
            )
            .AppendLine(CultureInfo.InvariantCulture, $"p99 {F(Percentiles.Of(trail.SentAfterMs, 0.99))} ms after the write.");
        sections.AppendLine();
        sections.AppendLine("| consumer | handled | handled twice | effect p50 ms | p90 ms | p99 ms | max ms |");
        sections.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var c in trail.Consumers)
        {
            sections
                .Append(CultureInfo.InvariantCulture, $"| {c.Service} {c.Consumer} | {c.Handled:N0} of {trail.Published:N0} | {c.Twice} | ")
                .Append(CultureInfo.InvariantCulture, $"{F(Percentiles.Of(c.LatencyMs, 0.5))} | {F(Percentiles.Of(c.LatencyMs, 0.9))} | ")
                .AppendLine(CultureInfo.InvariantCulture, $"{F(Percentiles.Of(c.LatencyMs, 0.99))} | {F(c.LatencyMs.DefaultIfEmpty(double.NaN).Max())} |");
        }

        sections.AppendLine();
        Failed |= !trail.Complete;
    }

    public void Memory(IReadOnlyDictionary<string, long> bytes, string when)
    {
        memoryPeak = Math.Max(memoryPeak, bytes.Values.DefaultIfEmpty(0).Max());
        sections.AppendLine(CultureInfo.InvariantCulture, $"## Resident memory, {when}");
        sections.AppendLine();
        sections.AppendLine("| process | MB |");
        sections.AppendLine("|---|---:|");
        foreach (var (name, value) in bytes.OrderBy(b => b.Key))
        {
            sections.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value / 1024.0 / 1024.0:N0} |");
        }

        sections.AppendLine();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Load: the whole suite on one machine");
        text.AppendLine();
        text.Append(
                CultureInfo.InvariantCulture,
                $"`./platform bench load`: the suite built in {settings.Configuration}, wrk (2 threads) on loopback, runs of "
            )
            .Append(
                CultureInfo.InvariantCulture,
                $"{settings.Duration.TotalSeconds:N0} s, {settings.Rounds} rounds alternating the gateway's own port and the "
            )
            .Append("service's port in one window (figures: throughput over all rounds, latency percentiles the median of the ")
            .Append("rounds'). Residents and staff are seeded accounts (the gateway limits each user to 3,000 requests a minute). ")
            .Append("Every 201 is looked up in the register.")
            .AppendLine();
        text.AppendLine();
        text.AppendLine("| load | data | via | conns | requests | per s | p50 ms | p90 ms | p99 ms | answers | reconciled |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var row in throughput)
        {
            text.AppendLine(row);
        }

        text.AppendLine();
        Targets(text);
        foreach (var note in notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        text.AppendLine();
        text.Append(sections);
        return text.ToString();
    }

    /// <summary>The issue's targets for this machine, each with what this run measured (starting is added by the shell).</summary>
    private void Targets(StringBuilder text)
    {
        var intake = figures.Where(f => f.Key.Name.StartsWith("Intake at a point", StringComparison.Ordinal) && f.Key.Via == "gateway").ToList();
        var lookup = figures.Where(f => f.Key.Name.StartsWith("Grid lookup", StringComparison.Ordinal)).ToDictionary(f => f.Key.Via, f => f.Value);
        var rows = new List<(string Target, string Measured, bool Met)>();
        if (intake.Count > 0)
        {
            var first = intake[0].Value;
            rows.Add(
                (
                    "intake through the gateway ≥ 1,000/s at 16 connections, p99 < 100 ms",
                    $"{F(first.PerSecond)}/s, p99 {F(first.P99)} ms",
                    first.PerSecond >= 1000 && first.P99 < 100
                )
            );
            var last = intake[^1];
            if (intake.Count > 1)
            {
                rows.Add(
                    (
                        $"intake at {last.Key.Size} within 20 % of the emptiest run",
                        $"{last.Value.PerSecond / first.PerSecond:P0} of its throughput, p99 {F(last.Value.P99)} vs {F(first.P99)} ms",
                        last.Value.PerSecond >= 0.8 * first.PerSecond && last.Value.P99 <= 1.2 * first.P99
                    )
                );
            }
        }

        if (lookup.TryGetValue("gateway", out var viaGateway) && lookup.TryGetValue("direct", out var direct))
        {
            rows.Add(
                ("the gateway ≥ 90 % of direct on the lookup", $"{viaGateway.PerSecond / direct.PerSecond:P0}", viaGateway.PerSecond >= 0.9 * direct.PerSecond)
            );
        }

        foreach (var (rate, p99) in eventP99.OrderByDescending(e => e.Key))
        {
            rows.Add(($"an event from its write to each consumer's effect p99 < 200 ms at {rate}/s", $"{F(p99)} ms", p99 < 200));
        }

        if (memoryPeak > 0)
        {
            rows.Add(("each process < 200 MB resident under load", $"largest {memoryPeak / 1024.0 / 1024.0:N0} MB", memoryPeak < 200L * 1024 * 1024));
        }

        text.AppendLine("| target | measured | |");
        text.AppendLine("|---|---|---|");
        foreach (var (target, measured, met) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {measured} | {(met ? "met" : "**missed**")} |");
        }

        text.AppendLine();
        text.AppendLine("Where the time goes and what was tried: docs/performance.md.");
        text.AppendLine();
    }
}
