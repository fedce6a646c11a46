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
public sealed class SuiteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private string dataDir = "";

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        dataDir = TestFolders.Create("e2e");
        var infrastructure = Environment.GetEnvironmentVariable("PLATFORM_TEST_INFRASTRUCTURE") is { Length: > 0 } mode && mode != "external" ? mode : "auto";
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
        [
            $"Platform:Infrastructure={infrastructure}",
            $"Platform:DataDir={dataDir}",
            "Platform:GatewayPort=0",
            "Platform:SeedDemoData=true",
        ]);
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
        Gateway = App.CreateHttpClient(ResourceNames.Gateway);
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
                if (update.Resource is ProjectResource && (update.Snapshot.ExitCode is not null || update.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart"))
                {
                    return $"{update.Resource.Name} stopped while the suite was starting ({update.Snapshot.State?.Text}, exit code {update.Snapshot.ExitCode}). Its last log lines:\n"
                        + await LastLogLinesAsync(update.Resource);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return null;
    }

    private async Task<string> LastLogLinesAsync(IResource resource)
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
        catch (OperationCanceledException)
        {
        }

        return string.Join('\n', lines.TakeLast(40));
    }

    public async Task StopAsync(string resource) =>
        await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand);

    public async Task StartAsync(string resource)
    {
        await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
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

        TestFolders.Delete(dataDir);
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "whole suite";
}
