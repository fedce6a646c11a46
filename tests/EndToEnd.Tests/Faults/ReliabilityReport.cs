using System.Collections.Concurrent;
using System.Text;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Faults;

/// <summary>The figures of each fault run (sent, faults injected, lost, duplicated), written to docs/reliability.md.</summary>
public sealed class ReliabilityReport
{
    private readonly ConcurrentQueue<(string Scenario, string[] Lines)> runs = new();

    public void Add(string scenario, params string[] lines) => runs.Enqueue((scenario, lines));

    public void Write()
    {
        if (runs.IsEmpty)
        {
            return;
        }

        var text = new StringBuilder();
        text.AppendLine("# Reliability under faults");
        text.AppendLine();
        text.AppendLine(
            $"Written by the fault tests (`tests/EndToEnd.Tests/Faults`, part of `./platform test`) on {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC,"
        );
        text.AppendLine($"against the whole suite as `./platform run` starts it (Debug build, local servers) on {Environment.ProcessorCount} cores,");
        text.AppendLine($"{Environment.OSVersion}. Every run fails its test when anything acknowledged is lost or anything is applied twice.");
        text.AppendLine("A poison message (a visit whose case cannot be taken in) is proved apart, in `tests/Workflow.Tests/DeadLetterTests.cs`:");
        text.AppendLine("it waits in the error queue with its reason while the messages behind it are taken, and is replayed once after the fix.");
        foreach (var (scenario, lines) in runs)
        {
            text.AppendLine();
            text.AppendLine($"## {scenario}");
            text.AppendLine();
            foreach (var line in lines)
            {
                text.AppendLine($"- {line}");
            }
        }

        File.WriteAllText(Path.Combine(Repository.Root, "docs", "reliability.md"), text.ToString());
    }
}
