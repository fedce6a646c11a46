using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole suite as the AppHost models it (servers, four services, gateway), started once for the
/// collection, with its own data folder and a gateway port of its own.
/// </summary>
public class SuiteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private string dataDir = "";

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The suite's data folder (its Postgres cluster, keys, broker and Redis data).</summary>
    public string DataDir => dataDir;

    /// <summary>A client of the gateway signed in as the demo subdistrict admin.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>A client of the gateway with no token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>What the services exported over OTLP: traces, logs and metrics.</summary>
    public TelemetryCapture Telemetry { get; } = new();

    public const string DemoPassword = "Demo-Platform-2026";

    public async Task InitializeAsync()
    {
        dataDir = TestFolders.Create("e2e");
        var infrastructure = Environment.GetEnvironmentVariable("PLATFORM_TEST_INFRASTRUCTURE") is { Length: > 0 } mode && mode != "external" ? mode : "auto";
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>([
            $"Platform:Infrastructure={infrastructure}",
            $"Platform:DataDir={dataDir}",
            "Platform:GatewayPort=0",
            "Platform:SeedDemoData=true",
        ]);
        await Telemetry.StartAsync();
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder
                .CreateResourceBuilder(project)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Telemetry.Endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_BLRP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "2000");
        }

        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        // A service that dies while starting would otherwise show only as a timeout minutes later.
        var failure = FirstFailedProjectAsync(watching.Token);
        var started = StartAndWaitForGatewayAsync(timeout.Token);
        if (await Task.WhenAny(started, failure) == failure && await failure is { } message)
        {
            throw new InvalidOperationException(message);
        }

        await watching.CancelAsync();
        await started;
        Anonymous = App.CreateHttpClient(ResourceNames.Gateway);
        Gateway = await SignInAsync("admin");
    }

    /// <summary>A gateway client signed in as a demo account, through the gateway, with the password grant.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = DemoPassword)
    {
        var response = await Anonymous.PostAsync(
            "/connect/token",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "password",
                    ["client_id"] = "platform-app",
                    ["username"] = userName,
                    ["password"] = password,
                    ["scope"] = "platform-api offline_access roles",
                }
            )
        );
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode} {body}");
        }

        var client = App.CreateHttpClient(ResourceNames.Gateway);
        client.DefaultRequestHeaders.Authorization = new(
            "Bearer",
            System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()
        );
        return client;
    }

    /// <summary>Every console log line each service has written so far.</summary>
    public async Task<IReadOnlyList<string>> ServiceLogLinesAsync()
    {
        var lines = new List<string>();
        foreach (var project in App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>())
        {
            lines.AddRange((await LogLinesAsync(project)).Select(l => $"{project.Name}: {l}"));
        }

        return lines;
    }

    private async Task StartAndWaitForGatewayAsync(CancellationToken ct)
    {
        await App.StartAsync(ct);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, ct);
    }

    private async Task<string?> FirstFailedProjectAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var update in App.ResourceNotifications.WatchAsync(ct))
            {
                if (
                    update.Resource is ProjectResource
                    && (update.Snapshot.ExitCode is not null || update.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart")
                )
                {
                    return $"{update.Resource.Name} stopped while the suite was starting ({update.Snapshot.State?.Text}, exit code "
                        + $"{update.Snapshot.ExitCode}). Its last log lines:\n"
                        + await LastLogLinesAsync(update.Resource);
                }
            }
        }
        catch (OperationCanceledException) { }

        return null;
    }

    private async Task<string> LastLogLinesAsync(IResource resource) => string.Join('\n', (await LogLinesAsync(resource)).TakeLast(40));

    private async Task<List<string>> LogLinesAsync(IResource resource)
    {
        var lines = new List<string>();
        using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(resource).WithCancellation(enough.Token))
            {
                lines.AddRange(batch.Select(l => l.Content));
            }
        }
        catch (OperationCanceledException) { }

        return lines;
    }

    public async Task StopAsync(string resource) =>
        await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand);

    public async Task StartAsync(string resource)
    {
        await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        using var timeout = new CancellationTokenSource(StartTimeout);
        // Running first: right after the command the resource may still show the state its killed process left
        // (exited), which a wait for health alone reads as "failed to start".
        await App.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.Running, timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    public virtual async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Anonymous?.Dispose();
        if (App is not null)
        {
            try
            {
                // Stopping should take seconds; never let a stuck resource hold the test run. The orchestrator
                // watches this process and ends what is left when it exits.
                await App.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(2));
            }
            catch (TimeoutException)
            {
                Console.Error.WriteLine("The suite did not stop within 2 minutes; leaving the rest to the orchestrator.");
            }
        }

        await Telemetry.DisposeAsync();
        TestFolders.Delete(dataDir);
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "whole suite";
}
