using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// An OTLP/HTTP receiver the suite's services export their traces, logs and metrics to during the tests, so a
/// test can look at exactly what left each process. Payloads are kept as received (protobuf): strings in
/// them are plain UTF-8, which is what a search for personal data needs.
/// </summary>
public sealed class TelemetryCapture : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> payloads = new();
    private WebApplication? receiver;

    public string Endpoint { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        receiver = builder.Build();
        receiver.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            payloads.Enqueue((signal, body.ToArray()));
            return Results.Ok();
        });
        await receiver.StartAsync();
        Endpoint = receiver.Urls.Single();
    }

    /// <summary>Every payload of <paramref name="signal"/> (traces, logs, metrics) so far, as text for searching.</summary>
    public IReadOnlyList<string> Received(string signal) => [.. payloads.Where(p => p.Signal == signal).Select(p => Encoding.UTF8.GetString(p.Body))];

    public async ValueTask DisposeAsync()
    {
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }
    }
}
