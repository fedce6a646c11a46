using System.Globalization;
using Npgsql;

namespace Platform.Bench.Load;

/// <summary>
/// <c>./platform bench load</c>: bounded loads on the running suite (Release), each through the gateway's own port and
/// directly on the service, alternated in one window; intake at a point and by grid, the grid lookup, the case
/// register's lists and an index score read with wrk; the register grown to 100,000 and 1,000,000 cases and intake run
/// again; a case's whole loop and events at a fixed rate with a driver of its own; each answer reconciled with the
/// databases; each service's memory sampled throughout. Writes Markdown (the shell adds the start times and the machine).
/// </summary>
public static class LoadRun
{
    private const int Connections = 16;

    public static async Task<int> RunAsync(LoadTarget target, string output, LoadSettings settings)
    {
        var work = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "load-work");
        Directory.CreateDirectory(work);
        using var gateway = new HttpClient { BaseAddress = target.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        Console.WriteLine("load: seeding accounts...");
        var accounts = await LoadAccounts.SeedAsync(gateway, residents: 128, staff: 16);
        var area = await DemoArea.LoadAsync(gateway, accounts.Admin);
        var run = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        await using var memory = MemorySampler.Start(["Platform.Organization", "Platform.Grid", "Platform.Volunteer", "Platform.Workflow", "Platform.Gateway"]);
        var report = new LoadReport(settings);
        var random = new Random(2026);

        List<LoadRequest> Intake(string label, bool byGrid) =>
            [
                .. Enumerable
                    .Range(0, 4000)
                    .Select(i =>
                    {
                        var (lat, lng, grid) = area.PointIn(random);
                        var where = byGrid ? $"\"gridId\":\"{grid}\"" : $"\"latitude\":{DemoArea.Number(lat)},\"longitude\":{DemoArea.Number(lng)}";
                        return new LoadRequest(
                            "POST",
                            "/api/workflow/cases",
                            accounts.Residents[i % accounts.Residents.Count],
                            $"{{\"category\":\"{DemoArea.Categories[random.Next(DemoArea.Categories.Length)]}\",\"description\":\"{label}-{{n}} "
                                + $"楼道堆放杂物\",{where}}}"
                        );
                    }),
            ];

        List<LoadRequest> Lookup(string label) =>
            [
                .. Enumerable
                    .Range(0, 4000)
                    .Select(i =>
                    {
                        var (lat, lng, _) = area.PointIn(random);
                        return new LoadRequest(
                            "GET",
                            $"/api/grid/lookup/point?latitude={DemoArea.Number(lat)}&longitude={DemoArea.Number(lng)}",
                            accounts.Residents[i % accounts.Residents.Count]
                        );
                    }),
            ];

        List<LoadRequest> Lists(string label) =>
            [
                .. Enumerable
                    .Range(0, 4000)
                    .Select(i => new LoadRequest(
                        "GET",
                        (i % 4) switch
                        {
                            0 => "/api/workflow/cases?pageSize=20",
                            1 => $"/api/workflow/cases?pageSize=20&open=true&category={DemoArea.Categories[random.Next(DemoArea.Categories.Length)]}",
                            2 => $"/api/workflow/cases?pageSize=20&gridId={area.Grids[random.Next(area.Grids.Count)]}",
                            _ => "/api/workflow/cases/counts",
                        },
                        accounts.Staff[i % accounts.Staff.Count]
                    )),
            ];

        List<LoadRequest> IndexScore(string label) =>
            [
                .. Enumerable
                    .Range(0, 4000)
                    .Select(i => new LoadRequest(
                        "GET",
                        $"/api/organization/indices/service/scores/{area.Communities[random.Next(area.Communities.Count)]}",
                        accounts.Staff[i % accounts.Staff.Count]
                    )),
            ];

        var scenarios = new (string Name, string Service, Func<string, List<LoadRequest>> Requests, bool Creates)[]
        {
            ("Intake at a point (POST /api/workflow/cases)", "workflow", label => Intake(label, byGrid: false), true),
            ("Intake by grid", "workflow", label => Intake(label, byGrid: true), true),
            ("Grid lookup (GET /api/grid/lookup/point)", "grid", Lookup, false),
            ("Case lists and tab counts (staff)", "workflow", Lists, false),
            ("Service index score (GET …/indices/service/scores/{community})", "organization", IndexScore, false),
        };

        try
        {
            await PhasesAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // What was measured before is still worth its file; the failure is in it, and the run fails.
            report.Note($"**The run stopped early**: {ex.GetType().Name}: {ex.Message}");
            report.Fail(true);
        }

        await File.WriteAllTextAsync(output, report.ToMarkdown());
        Console.WriteLine($"load: wrote {output}");
        return report.Failed ? 1 : 0;

        async Task PhasesAsync()
        {
            foreach (var (name, service, requests, creates) in scenarios)
            {
                await RunSideBySideAsync(name, service, requests, creates, $"register {await CountCasesAsync(target):N0} cases");
            }

            // The register grown by copies of a real case (server-side INSERT … SELECT, as COPY would, in chunks), intake again.
            foreach (var size in settings.GrowTo)
            {
                var have = await CountCasesAsync(target);
                if (have < size)
                {
                    Console.WriteLine($"load: growing the register from {have:N0} to {size:N0} cases...");
                    var took = await RegisterFill.GrowAsync(target.Database("workflow"), size - have);
                    report.Note(
                        $"Register grown from {have:N0} to {size:N0} cases in {took.TotalSeconds:N0} s (copies of a case, spread over "
                            + "the demo area and the last 90 days, all open)."
                    );
                }

                var grown = $"register {await CountCasesAsync(target):N0} cases";
                await RunSideBySideAsync(scenarios[0].Name, "workflow", scenarios[0].Requests, true, grown, gatewayOnly: true);
                if (size == settings.GrowTo.Max())
                {
                    await RunSideBySideAsync(scenarios[3].Name, "workflow", scenarios[3].Requests, false, grown, gatewayOnly: true);
                }
            }

            Console.WriteLine("load: a case's whole loop...");
            report.Loop(await CaseLoop.RunAsync(target, gateway, accounts, settings.Duration * 2, workers: 8, run));
            Console.WriteLine("load: events at a fixed rate...");
            // The target's rate, and a lower one for the latency of a suite that is not saturated.
            foreach (var rate in settings.EventRates)
            {
                report.Events(await EventLatency.RunAsync(target, accounts, area, rate, settings.Duration * 2, run));
            }
            report.Memory(memory.Peaks(), "under load");
            Console.WriteLine("load: the suite at rest after the load...");
            var (busy, rest) = await MachineBusy.MeasureAsync(TimeSpan.FromSeconds(60));
            report.Note(
                $"After the last load the machine was {busy:P0} busy over the next {rest.TotalSeconds:N0} s (both cores; "
                    + "includes Postgres, RabbitMQ and the orchestrator)."
            );
            report.Memory(memory.Current(), "60 s after the load");
        }

        async Task RunSideBySideAsync(
            string name,
            string service,
            Func<string, List<LoadRequest>> requests,
            bool creates,
            string size,
            bool gatewayOnly = false
        )
        {
            Console.WriteLine($"load: {name}, {size}...");
            var runs = new Dictionary<string, List<(LoadFigures Figures, string Label)>> { ["gateway"] = [], ["direct"] = [] };
            // Unmeasured first: the runtime compiles the hot paths again, optimised, after their first calls (tiered
            // compilation), which on two busy cores takes tens of seconds of load.
            foreach (var via in gatewayOnly ? ["gateway"] : new[] { "gateway", "direct" })
            {
                await Wrk.RunAsync(
                    via == "gateway" ? target.Gateway : target.Direct(service),
                    requests($"W{run}-{report.Next()}"),
                    Connections,
                    settings.Duration,
                    work
                );
            }

            for (var round = 0; round < settings.Rounds; round++)
            {
                foreach (var via in gatewayOnly ? ["gateway"] : new[] { "gateway", "direct" })
                {
                    var label = $"L{run}-{report.Next()}";
                    var uri = via == "gateway" ? target.Gateway : target.Direct(service);
                    var figures = await Wrk.RunAsync(uri, requests(label), Connections, settings.Duration, work);
                    runs[via].Add((figures, label));
                }
            }

            foreach (var (via, list) in runs.Where(r => r.Value.Count > 0))
            {
                var combined = LoadFigures.Combine([.. list.Select(l => l.Figures)]);
                string? reconciled = null;
                if (creates)
                {
                    // wrk stops counting at the end of a run with requests still in flight: those are written but not
                    // counted, at most one per connection. Every 201 must be in the register once, nothing more than that.
                    var answered = combined.Count(201);
                    var (rows, distinct) = await CountTaggedAsync(target, list.Select(l => l.Label));
                    var inFlight = rows - answered;
                    var good = distinct == rows && inFlight >= 0 && inFlight <= Connections * list.Count;
                    reconciled = good
                        ? $"{answered:N0} answered 201, each in the register once (+{inFlight} in flight at the stop)"
                        : $"MISMATCH: {answered:N0} answered 201, {rows:N0} rows, {distinct:N0} distinct";
                    report.Fail(!good);
                }

                report.Throughput(name, size, via, Connections, combined, reconciled);
            }
        }
    }

    private static async Task<long> CountCasesAsync(LoadTarget target)
    {
        await using var connection = new NpgsqlConnection(target.Database("workflow"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM cases", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(long Rows, long Distinct)> CountTaggedAsync(LoadTarget target, IEnumerable<string> labels)
    {
        await using var connection = new NpgsqlConnection(target.Database("workflow"));
        await connection.OpenAsync();
        long rows = 0,
            distinct = 0;
        foreach (var label in labels)
        {
            // The description starts with the request's label and tag; an index on it is not needed for a few runs.
            await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT description) FROM cases WHERE description LIKE @prefix", connection);
            command.Parameters.AddWithValue("prefix", label + "-%");
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            rows += reader.GetInt64(0);
            distinct += reader.GetInt64(1);
        }

        return (rows, distinct);
    }
}

public sealed record LoadSettings(TimeSpan Duration, int Rounds, IReadOnlyList<int> GrowTo, IReadOnlyList<int> EventRates, string Configuration);

/// <summary>How busy the whole machine is (from /proc/stat) over a period.</summary>
public static class MachineBusy
{
    public static async Task<(double Busy, TimeSpan Over)> MeasureAsync(TimeSpan over)
    {
        static (long Busy, long Total) Read()
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var idle = fields[3] + fields[4];
            return (fields.Sum() - idle, fields.Sum());
        }

        var before = Read();
        await Task.Delay(over);
        var after = Read();
        return ((double)(after.Busy - before.Busy) / Math.Max(1, after.Total - before.Total), over);
    }
}
