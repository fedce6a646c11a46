using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Platform.Bench.Load;

/// <summary>One request of a load: <c>{n}</c> in its path or body becomes a tag unique to the request.</summary>
public sealed record LoadRequest(string Method, string Path, string Token, string Body = "");

/// <summary>What wrk measured for one run: throughput, latency percentiles and the answers by status.</summary>
public sealed record LoadFigures(
    long Requests,
    TimeSpan Duration,
    double P50,
    double P90,
    double P99,
    double Max,
    IReadOnlyDictionary<int, long> Statuses,
    long SocketErrors
)
{
    public double PerSecond => Requests / Duration.TotalSeconds;

    public long Count(int status) => Statuses.TryGetValue(status, out var n) ? n : 0;

    public string StatusText =>
        string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")) + (SocketErrors > 0 ? $", socket errors: {SocketErrors}" : "");

    /// <summary>Several runs of the same load as one: counts added, percentiles as the median of the runs'.</summary>
    public static LoadFigures Combine(IReadOnlyList<LoadFigures> runs)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var statuses = runs.SelectMany(r => r.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        return new LoadFigures(
            runs.Sum(r => r.Requests),
            TimeSpan.FromTicks(runs.Sum(r => r.Duration.Ticks)),
            Median(runs.Select(r => r.P50)),
            Median(runs.Select(r => r.P90)),
            Median(runs.Select(r => r.P99)),
            runs.Max(r => r.Max),
            statuses,
            runs.Sum(r => r.SocketErrors)
        );
    }
}

/// <summary>
/// Drives a closed-loop load with wrk (Debian's; C, an event loop per thread, so the generator is not what limits
/// the figures) and bench/load/load.lua, which walks a file of prepared requests.
/// </summary>
public static class Wrk
{
    public static async Task<LoadFigures> RunAsync(Uri target, IReadOnlyList<LoadRequest> requests, int connections, TimeSpan duration, string workDirectory)
    {
        var file = Path.Combine(workDirectory, $"requests-{Guid.NewGuid():N}.tsv");
        var lines = new StringBuilder();
        foreach (var r in requests)
        {
            lines.Append(r.Method).Append('\t').Append(r.Path).Append('\t').Append(r.Token).Append('\t').Append(r.Body).Append('\n');
        }

        await File.WriteAllTextAsync(file, lines.ToString());
        var script = Path.Combine(AppContext.BaseDirectory, "load.lua");
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "-t",
                Math.Min(2, connections).ToString(CultureInfo.InvariantCulture),
                "-c",
                connections.ToString(CultureInfo.InvariantCulture),
                "-d",
                $"{(int)duration.TotalSeconds}s",
                "--timeout",
                "10s",
                "-s",
                script,
                target.ToString().TrimEnd('/'),
                "--",
                file,
            },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(file);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("LOADRESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk gave no result ({process.ExitCode}): {output}\n{errors}");
        var json = JsonDocument.Parse(line["LOADRESULT ".Length..]).RootElement;
        var statuses = json.GetProperty("statuses")
            .EnumerateObject()
            .ToDictionary(p => int.Parse(p.Name, CultureInfo.InvariantCulture), p => p.Value.GetInt64());
        var socketErrors = new[] { "connectErrors", "readErrors", "writeErrors", "timeouts" }.Sum(n => json.GetProperty(n).GetInt64());
        static double Ms(JsonElement e, string name) => e.GetProperty(name).GetDouble() / 1000.0;
        return new LoadFigures(
            json.GetProperty("requests").GetInt64(),
            TimeSpan.FromMicroseconds(json.GetProperty("durationMicroseconds").GetInt64()),
            Ms(json, "p50"),
            Ms(json, "p90"),
            Ms(json, "p99"),
            Ms(json, "max"),
            statuses,
            socketErrors
        );
    }
}
