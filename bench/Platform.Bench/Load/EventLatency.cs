using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Platform.Bench.Load;

public sealed record EventFigures(
    int Rate,
    TimeSpan Duration,
    int Sent,
    IReadOnlyDictionary<int, int> Statuses,
    IReadOnlyList<double> RequestMs,
    EventTrail Trail
);

/// <summary>
/// Events at a fixed rate (an open loop, not waiting for answers): visits logged on the Grid service, each a
/// <c>VisitLogged</c> event that the Organization service's indices and the Workflow service both consume. Measured
/// from the event's write (its outbox row, a few milliseconds before the commit) to each consumer's effect (its inbox
/// row, written with the effect).
/// </summary>
public static class EventLatency
{
    public static async Task<EventFigures> RunAsync(LoadTarget target, LoadAccounts accounts, DemoArea area, int rate, TimeSpan duration, string run)
    {
        using var grid = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = target.Direct("grid"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var statuses = new ConcurrentDictionary<int, int>();
        var times = new ConcurrentBag<double>();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var pending = new List<Task>();
        var total = (int)(rate * duration.TotalSeconds);
        for (var i = 0; i < total; i++)
        {
            // Request i leaves at i / rate seconds, whatever the answers before it are doing.
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var n = i;
            pending.Add(
                Task.Run(async () =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/grid/visits")
                    {
                        Content = JsonContent.Create(
                            new
                            {
                                gridId = area.Grids[n % area.Grids.Count],
                                visitedAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMinutes(-1),
                                findings = $"L{run}-visit-{n} 楼道照明损坏",
                                raisesCase = false,
                            }
                        ),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accounts.Admin);
                    var time = Stopwatch.StartNew();
                    try
                    {
                        using var response = await grid.SendAsync(request);
                        times.Add(time.Elapsed.TotalMilliseconds);
                        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                    }
                    catch (HttpRequestException)
                    {
                        statuses.AddOrUpdate(0, 1, (_, c) => c + 1);
                    }
                })
            );
        }

        await Task.WhenAll(pending);
        var elapsed = clock.Elapsed;
        var trail = await EventTrail.FollowAsync(
            target,
            "grid",
            "Platform.Contracts.Grid.VisitLogged",
            "occurred_at >= @since AND payload->>'findings' LIKE @prefix",
            [("organization", "VisitInputConsumer"), ("workflow", "VisitLoggedConsumer")],
            TimeSpan.FromMinutes(3),
            c =>
            {
                c.Parameters.AddWithValue("since", started);
                c.Parameters.AddWithValue("prefix", $"L{run}-visit-%");
            }
        );
        return new EventFigures(rate, elapsed, total, statuses.ToDictionary(), [.. times], trail);
    }
}
