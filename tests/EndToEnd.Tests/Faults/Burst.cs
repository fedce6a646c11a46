using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.EndToEnd.Tests.Faults;

/// <summary>
/// Many creating requests sent the way a phone sends them: each with its own Idempotency-Key, retried with the same
/// key after anything but an answer (a dropped connection, 502/503 from the gateway, 429), until acknowledged.
/// </summary>
/// <param name="path">Where to POST.</param>
/// <param name="body">The body of request number i, given the marker to put in its text.</param>
public sealed class Burst(HttpClient client, string marker, string path, Func<int, string, object> body)
{
    /// <summary>Case reports by a resident at the demo grid, numbered in their description.</summary>
    public static Burst OfReports(HttpClient client, string marker) => new(client, marker, "/api/workflow/cases", (i, m) => new
            {
                category = "garbage",
                description = $"{m}-{i:00000} 楼下垃圾未清运",
                latitude = 37.3885 + (i % 50) * 0.00001,
                longitude = 97.342,
            });

    private readonly ConcurrentDictionary<int, Guid> acknowledged = new();
    private readonly ConcurrentDictionary<string, int> failures = new();
    private readonly ConcurrentBag<string> refusals = [];
    private int attempts;

    /// <summary>What every report's description starts with, to find them in the register.</summary>
    public string Marker => marker;

    public int Acknowledged => acknowledged.Count;

    public int Attempts => Volatile.Read(ref attempts);

    /// <summary>Created ids by request, as the API acknowledged them (first answer or its replay).</summary>
    public IReadOnlyDictionary<int, Guid> Cases => acknowledged;

    /// <summary>Failed attempts by what they got (a status code or the exception's type), each retried.</summary>
    public IReadOnlyDictionary<string, int> Failures => failures;

    /// <summary>Answers that were not a success and not worth retrying (a bug in the test or the API).</summary>
    public IReadOnlyCollection<string> Refusals => refusals;

    public async Task SendAsync(int count, int concurrency, TimeSpan giveUpAfter)
    {
        using var deadline = new CancellationTokenSource(giveUpAfter);
        var next = -1;
        await Task.WhenAll(
            Enumerable
                .Range(0, concurrency)
                .Select(async _ =>
                {
                    for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                    {
                        await ReportAsync(i, deadline.Token);
                    }
                })
        );
    }

    private async Task ReportAsync(int index, CancellationToken ct)
    {
        var key = Guid.NewGuid().ToString();
        var content = body(index, marker);
        for (var attempt = 1; !ct.IsCancellationRequested; attempt++)
        {
            TimeSpan? wait = null;
            Interlocked.Increment(ref attempts);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(content, content.GetType()) };
                request.Headers.Add("Idempotency-Key", key);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                using var response = await client.SendAsync(request, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                    acknowledged[index] = answer.GetProperty("id").GetGuid();
                    return;
                }

                var status = (int)response.StatusCode;
                wait = response.Headers.RetryAfter?.Delta;
                failures.AddOrUpdate(status.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                if (
                    status < 500
                    && response.StatusCode is not HttpStatusCode.TooManyRequests and not HttpStatusCode.Conflict and not HttpStatusCode.RequestTimeout
                )
                {
                    refusals.Add($"{index}: {status} {await response.Content.ReadAsStringAsync(ct)}");
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                failures.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
            }

            // As a phone does: when the answer says how long to wait (429, 503), that long, else a little longer each time.
            var pause = wait is { } asked ? TimeSpan.FromSeconds(Math.Min(10, asked.TotalSeconds)) : TimeSpan.FromMilliseconds(Math.Min(2000, 100 * attempt));
            await Task.Delay(pause, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
