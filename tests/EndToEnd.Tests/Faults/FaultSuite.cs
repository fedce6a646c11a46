using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Npgsql;

namespace Platform.EndToEnd.Tests.Faults;

/// <summary>
/// A whole suite of its own (own data folder, servers and ports) for tests that kill its processes; the assembly
/// runs one collection at a time, so it never shares the machine with the other suite.
/// </summary>
public sealed class FaultSuiteFixture : SuiteFixture
{
    public ReliabilityReport Report { get; } = new();

    /// <summary>
    /// The process of one of this suite's services (<c>Platform.Workflow</c>): the one whose command line names the
    /// service and whose environment exports to this fixture's telemetry receiver (another suite may run beside).
    /// </summary>
    public int ProcessOf(string service)
    {
        var marker = $"OTEL_EXPORTER_OTLP_ENDPOINT={Telemetry.Endpoint}";
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                // The service itself (its dll or apphost), not a launcher that names its project file.
                if (
                    command.Take(2).Any(part => Path.GetFileName(part) == $"{service}.dll" || Path.GetFileName(part) == service)
                    && File.ReadAllText(Path.Combine(dir, "environ")).Split('\0').Contains(marker)
                )
                {
                    return int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // Gone while we looked, or not ours to read.
            }
            catch (UnauthorizedAccessException) { }
        }

        throw new InvalidOperationException($"No running {service} process of this suite.");
    }

    /// <summary>Waits until the orchestrator has seen the resource stop (after its process was killed).</summary>
    public async Task WaitUntilStoppedAsync(string resource)
    {
        using var enough = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await App.ResourceNotifications.WaitForResourceAsync(
            resource,
            [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart],
            enough.Token
        );
    }

    /// <summary>A connection to one of the suite's databases, straight to its Postgres.</summary>
    public NpgsqlConnection Database(string name)
    {
        var port = File.ReadAllLines(Path.Combine(DataDir, "postgres", "postmaster.pid"))[3];
        return new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database={name};Pooling=false");
    }

    public ValueTask<string?> BrokerAsync() => App.GetConnectionStringAsync(ResourceNames.RabbitMq);

    public override async Task DisposeAsync()
    {
        Report.Write();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultSuiteCollection : ICollectionFixture<FaultSuiteFixture>
{
    public const string Name = "whole suite under faults";
}
