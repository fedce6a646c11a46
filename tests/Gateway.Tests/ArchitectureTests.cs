using System.Reflection;
using System.Text.RegularExpressions;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Messaging;
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
        var offenders = Directory.EnumerateFiles(Path.Combine(Repository.Root, "services"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => OutboxUse().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Events leave a service only from its aggregates (Raise/Changed), through the outbox interceptor:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_outbox_cannot_be_written_from_outside_the_building_blocks()
    {
        var writers = typeof(OutboxMessage).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(MessagingModel).GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name is "For" or "AddEvent")
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.Empty(writers);
        Assert.False(typeof(Aggregate).GetMethod("TakeEvents", BindingFlags.Public | BindingFlags.Instance) is not null, "Only the interceptor takes an aggregate's events.");
    }
}
