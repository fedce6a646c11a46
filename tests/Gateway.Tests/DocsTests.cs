using System.Text;
using System.Text.RegularExpressions;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>The documentation in the repository agrees with the code and stands on its own.</summary>
public partial class DocsTests
{
    private const string Begin = "<!-- events:begin -->";
    private const string End = "<!-- events:end -->";

    [GeneratedRegex(@"\]\((?!https?:|mailto:|#)([^)#\s]+)(?:#[^)]*)?\)")]
    private static partial Regex RelativeLink();

    [Fact]
    public void The_table_of_events_and_their_consumers_is_the_one_the_code_declares()
    {
        var path = Path.Combine(Repository.Root, "docs", "architecture.md");
        var text = File.ReadAllText(path);
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"docs/architecture.md has no {Begin} … {End} block.");

        var written = text[(begin + Begin.Length)..end].Trim();
        var expected = EventTable();
        Assert.True(written == expected, $"docs/architecture.md's table of events differs from the code; put this between the markers:\n\n{expected}\n");
    }

    [Fact]
    public void The_code_and_the_docs_cite_only_what_is_in_the_repository()
    {
        var offenders = Sources()
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("DESIGN.md", StringComparison.Ordinal) || l.Text.Contains("../shared/", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(
            offenders.Count == 0,
            "The design as built is docs/architecture.md; cite it, not a file outside the repository:\n" + string.Join('\n', offenders)
        );
    }

    [Fact]
    public void Every_relative_link_in_the_readme_and_the_docs_leads_to_a_file()
    {
        var pages = Directory
            .EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(Repository.Root, "README.md"));
        var broken = pages
            .SelectMany(page => RelativeLink().Matches(File.ReadAllText(page)).Select(m => (Page: page, Target: m.Groups[1].Value)))
            .Where(l =>
                !File.Exists(Path.Combine(Path.GetDirectoryName(l.Page)!, l.Target))
                && !Directory.Exists(Path.Combine(Path.GetDirectoryName(l.Page)!, l.Target))
            )
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.Page)} → {l.Target}")
            .ToList();
        Assert.True(broken.Count == 0, "Links to nothing:\n" + string.Join('\n', broken));
    }

    /// <summary>One row per event: the service that publishes it (its folder in Contracts) and every queue it is kept in.</summary>
    private static string EventTable()
    {
        var events = typeof(IntegrationEvent)
            .Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(IntegrationEvent)) && !t.IsAbstract)
            .OrderBy(t => t.Namespace, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal);
        var table = new StringBuilder("| from | event | consumed by (queue) |\n| --- | --- | --- |\n");
        foreach (var type in events)
        {
            var consumers = Subscriptions.All.Where(s => s.Event == type).Select(s => $"{Capitalized(s.Service)} (`{s.Queue}`)").ToList();
            table.Append(
                $"| {type.Namespace![(type.Namespace!.LastIndexOf('.') + 1)..]} | {type.Name} | "
                    + $"{(consumers.Count == 0 ? "nobody yet" : string.Join(", ", consumers))} |\n"
            );
        }

        return table.ToString().TrimEnd();
    }

    private static string Capitalized(string service) => char.ToUpperInvariant(service[0]) + service[1..];

    private static IEnumerable<string> Sources()
    {
        string[] roots =
        [
            "services",
            "ServiceDefaults",
            "BuildingBlocks",
            "BuildingBlocks.Data",
            "gateway",
            "AppHost",
            "tests",
            "bench",
            "eng",
            "deploy",
            "docs",
            "web/src",
        ];
        string[] kinds = [".cs", ".md", ".sh", ".ts", ".vue", ".yaml", ".json"];
        var skipped = new[] { "obj", "bin", "node_modules", "Migrations" }
            .Select(d => $"{Path.DirectorySeparatorChar}{d}{Path.DirectorySeparatorChar}")
            .ToArray();
        return roots
            .Select(r => Path.Combine(Repository.Root, r))
            .Where(Directory.Exists)
            .SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories))
            .Where(f => kinds.Contains(Path.GetExtension(f)) && !skipped.Any(s => f.Contains(s, StringComparison.Ordinal)))
            .Where(f => !f.EndsWith("DocsTests.cs", StringComparison.Ordinal))
            .Append(Path.Combine(Repository.Root, "README.md"))
            .Append(Path.Combine(Repository.Root, "platform"));
    }
}
