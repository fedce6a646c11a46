using System.Reflection;
using System.Text.RegularExpressions;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.Messaging;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>Rules of the code base that hold for every service, read from the repository's sources.</summary>
public partial class ArchitectureTests
{
    [GeneratedRegex(@"\bOutboxMessage\b|\boutbox_messages\b|\bAddEvent\s*\(")]
    private static partial Regex OutboxUse();

    [Fact]
    public void No_service_writes_to_the_outbox_itself_its_aggregates_raise_events()
    {
        var offenders = Directory
            .EnumerateFiles(Path.Combine(Repository.Root, "services"), "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            )
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => OutboxUse().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(
            offenders.Count == 0,
            "Events leave a service only from its aggregates (Raise/Changed), through the outbox interceptor:\n" + string.Join('\n', offenders)
        );
    }

    [Fact]
    public void The_outbox_cannot_be_written_from_outside_the_building_blocks()
    {
        var writers = typeof(OutboxMessage)
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(MessagingModel).GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name is "For" or "AddEvent")
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.Empty(writers);
        Assert.False(
            typeof(Aggregate).GetMethod("TakeEvents", BindingFlags.Public | BindingFlags.Instance) is not null,
            "Only the interceptor takes an aggregate's events."
        );
    }

    [Fact]
    public void The_gateway_stands_on_no_database_or_broker_library()
    {
        string[] forbidden = ["Microsoft.EntityFrameworkCore", "Npgsql", "MassTransit", "RabbitMQ"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>([typeof(Program).Assembly.GetName()]);
        var offenders = new List<string>();
        while (pending.TryPop(out var name))
        {
            if (
                !seen.Add(name.Name!)
                || !(name.Name!.StartsWith("Platform.", StringComparison.Ordinal) || forbidden.Any(f => name.Name.StartsWith(f, StringComparison.Ordinal)))
            )
            {
                continue;
            }

            if (forbidden.Any(f => name.Name.StartsWith(f, StringComparison.Ordinal)))
            {
                offenders.Add(name.Name);
                continue;
            }

            foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Push(reference);
            }
        }

        Assert.True(offenders.Count == 0, "The gateway (and the building blocks it uses) reach: " + string.Join(", ", offenders));
        Assert.Contains("Platform.BuildingBlocks", seen);
    }
}
