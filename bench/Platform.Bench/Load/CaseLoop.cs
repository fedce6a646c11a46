using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench.Load;

public sealed record LoopFigures(
    int Workers,
    TimeSpan Duration,
    int Closed,
    IReadOnlyDictionary<string, List<double>> StepMs,
    IReadOnlyList<double> LoopMs,
    IReadOnlyDictionary<string, int> Failures,
    EventTrail Closings,
    EventTrail Replies
);

/// <summary>
/// A case's whole loop through the gateway, as many times as the workers get through: a resident reports road damage in
/// the demo grid whose urban-management department is in charge; an administrator registers and dispatches it; a
/// department handler accepts, resolves and replies; the resident rates it; the administrator verifies and closes it.
/// The closings and replies are then followed to the Organization service's indices.
/// </summary>
public static class CaseLoop
{
    // Demo grid 632802001001001, where the routing rules send road damage to urban management.
    private const double West = 97.3405,
        South = 37.3873,
        Width = 0.003,
        Height = 0.0024;

    private static readonly string[] Steps = ["report", "register", "dispatch", "accept", "resolve", "reply", "rating", "verification", "close"];

    public static async Task<LoopFigures> RunAsync(LoadTarget target, HttpClient gateway, LoadAccounts accounts, TimeSpan duration, int workers, string run)
    {
        var steps = Steps.ToDictionary(s => s, _ => new List<double>());
        var loops = new List<double>();
        var failures = new ConcurrentDictionary<string, int>();
        var closed = new ConcurrentBag<Guid>();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();

        async Task WorkerAsync(int w)
        {
            var random = new Random(w);
            var resident = accounts.Residents[w];
            var operatorToken = accounts.Staff[w % accounts.Staff.Count];
            var handler = accounts.Handlers[w % accounts.Handlers.Count];
            var n = 0;
            while (clock.Elapsed < duration)
            {
                var loop = Stopwatch.StartNew();
                var report = await StepAsync(
                    "report",
                    resident,
                    "/api/workflow/cases",
                    new
                    {
                        category = "road-damage",
                        description = $"L{run}-loop-{w}-{n++} 人行道地砖松动",
                        latitude = Math.Round(South + random.NextDouble() * Height, 6),
                        longitude = Math.Round(West + random.NextDouble() * Width, 6),
                    }
                );
                if (report is not { } reported)
                {
                    continue;
                }

                var id = reported.GetProperty("id").GetGuid();
                var path = $"/api/workflow/cases/{id}";
                var done =
                    await StepAsync("register", operatorToken, $"{path}/register", new { }) is not null
                    && await StepAsync("dispatch", operatorToken, $"{path}/dispatch", new { }) is not null
                    && await StepAsync("accept", handler, $"{path}/accept", new { }) is not null
                    && await StepAsync("resolve", handler, $"{path}/resolve", new { text = "已更换地砖" }) is not null
                    && await StepAsync("reply", handler, $"{path}/reply", new { text = "您反映的地砖已更换" }) is not null
                    && await StepAsync("rating", resident, $"{path}/rating", new { rating = "Satisfied" }) is not null
                    && await StepAsync("verification", operatorToken, $"{path}/verification", new { passed = true }) is not null
                    && await StepAsync("close", operatorToken, $"{path}/close", new { }) is not null;
                if (done)
                {
                    closed.Add(id);
                    lock (loops)
                    {
                        loops.Add(loop.Elapsed.TotalMilliseconds);
                    }
                }
            }
        }

        async Task<JsonElement?> StepAsync(string step, string token, string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var time = Stopwatch.StartNew();
            try
            {
                using var response = await gateway.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                lock (steps)
                {
                    steps[step].Add(time.Elapsed.TotalMilliseconds);
                }

                if (!response.IsSuccessStatusCode)
                {
                    failures.AddOrUpdate($"{step} {(int)response.StatusCode}", 1, (_, c) => c + 1);
                    return null;
                }

                return JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (HttpRequestException ex)
            {
                failures.AddOrUpdate($"{step} {ex.GetType().Name}", 1, (_, c) => c + 1);
                return null;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(WorkerAsync));
        var elapsed = clock.Elapsed;
        var ids = closed.Select(i => i.ToString()).ToArray();
        void CaseIds(Npgsql.NpgsqlCommand c)
        {
            c.Parameters.AddWithValue("ids", ids);
            c.Parameters.AddWithValue("since", started);
        }

        // Each closing and reply is counted once by the Organization service's indices.
        var closings = await EventTrail.FollowAsync(
            target,
            "workflow",
            "Platform.Contracts.Workflow.CaseClosed",
            "occurred_at >= @since AND payload->>'caseId' = ANY(@ids)",
            [("organization", "CaseClosedInputConsumer")],
            TimeSpan.FromMinutes(2),
            CaseIds
        );
        var replies = await EventTrail.FollowAsync(
            target,
            "workflow",
            "Platform.Contracts.Workflow.CaseReplied",
            "occurred_at >= @since AND payload->>'caseId' = ANY(@ids)",
            [("organization", "CaseRepliedInputConsumer")],
            TimeSpan.FromMinutes(2),
            CaseIds
        );
        return new LoopFigures(workers, elapsed, closed.Count, steps, loops, failures.ToDictionary(), closings, replies);
    }
}
