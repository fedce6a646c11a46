using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// Every refusal the code can give a client is in its service's published contract. The hosts under test already turn an
/// undeclared code into a 500 (<c>Platform:Api:ProblemCodes:Check</c>), but only for the refusals some test provokes; this
/// reads every rule the code holds (each <c>DomainError</c> with a written code, each <c>Problems.NotFound</c>) and looks
/// for its code, under its status, in the service's OpenAPI document (docs/openapi, itself checked against the running
/// service), so a rule nobody has provoked yet is documented all the same.
/// </summary>
public partial class RefusalCensusTests
{
    [GeneratedRegex("""DomainError\.Invalid\(\s*(?:nameof\([^)]*\)|"[^"]*"|[^,()]+)\s*,\s*"(?<code>[a-z0-9-]+)"\s*,""")]
    private static partial Regex InvalidRule();

    [GeneratedRegex("""DomainError\.(?<kind>Conflict|NotFound)\(\s*"(?<code>[a-z0-9-]+)"\s*,""")]
    private static partial Regex ConflictOrMissingRule();

    [GeneratedRegex("""new DomainError\(\s*"(?<code>[a-z0-9-]+)"[^;]*?ErrorKind\.(?<kind>[A-Za-z]+)""")]
    private static partial Regex ConstructedRule();

    [GeneratedRegex("""Problems\.NotFound\(\s*"(?<what>[a-z0-9-]+)"\s*,""")]
    private static partial Regex MissingRecord();

    private static readonly Dictionary<string, int> StatusOf = new()
    {
        ["Invalid"] = 400,
        ["Conflict"] = 409,
        ["NotFound"] = 404,
        ["OutOfScope"] = 403,
        ["TooLarge"] = 413,
        ["UnsupportedContent"] = 415,
        ["Unprocessable"] = 422,
    };

    /// <summary>
    /// Where a rule's code is not an HTTP answer: an import reports its problems row by row in the dry run's table, the demo
    /// data is written by the service itself.
    /// </summary>
    private static bool AnsweredOverHttp(string relativePath) =>
        !relativePath.Split('/').Any(part => part is "Import" or "Migrations") && !relativePath.EndsWith("DemoData.cs", StringComparison.Ordinal);

    private sealed record Rule(string Service, int Status, string Code, string Where);

    private static IEnumerable<Rule> Rules()
    {
        var services = Path.Combine(Repository.Root, "services");
        foreach (var service in new[] { "Organization", "Grid", "Volunteer", "Workflow" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(services, service), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) || !AnsweredOverHttp(relative))
                {
                    continue;
                }

                var text = File.ReadAllText(file);
                string Where(Match m) => $"{relative}:{text[..m.Index].Count(c => c == '\n') + 1}";
                foreach (Match m in InvalidRule().Matches(text))
                {
                    yield return new(service, 400, m.Groups["code"].Value, Where(m));
                }

                foreach (Match m in ConflictOrMissingRule().Matches(text))
                {
                    yield return new(service, StatusOf[m.Groups["kind"].Value], m.Groups["code"].Value, Where(m));
                }

                foreach (Match m in ConstructedRule().Matches(text))
                {
                    yield return new(service, StatusOf[m.Groups["kind"].Value], m.Groups["code"].Value, Where(m));
                }

                foreach (Match m in MissingRecord().Matches(text))
                {
                    yield return new(service, 404, $"{m.Groups["what"].Value}-not-found", Where(m));
                }
            }
        }
    }

    /// <summary>(status, code) pairs some operation of the document declares.</summary>
    private static HashSet<(int, string)> Declared(string service)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", "openapi", $"{service.ToLowerInvariant()}.json")));
        var declared = new HashSet<(int, string)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (
                var operation in path
                    .Value.EnumerateObject()
                    .Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _))
            )
            {
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    if (int.TryParse(response.Name, out var status) && response.Value.TryGetProperty("x-problem-codes", out var codes))
                    {
                        declared.UnionWith(codes.EnumerateArray().Select(c => (status, c.GetString() ?? "")));
                    }
                }
            }
        }

        return declared;
    }

    [Fact]
    public void The_census_reads_the_rules_of_every_service()
    {
        var rules = Rules().ToList();
        Assert.True(rules.Count > 300, $"Only {rules.Count} rules found: the patterns no longer match how rules are written.");
        Assert.All(new[] { "Organization", "Grid", "Volunteer", "Workflow" }, s => Assert.Contains(rules, r => r.Service == s));
        // Rules written over several lines by the formatter are read too (a field on one line, the code on the next).
        Assert.Contains(rules, r => r is { Service: "Grid", Status: 409, Code: "post-ended" });
    }

    [Fact]
    public void Every_refusal_the_code_holds_is_declared_by_an_operation_of_its_service()
    {
        var undeclared = Rules()
            .GroupBy(r => r.Service)
            .SelectMany(service =>
            {
                var declared = Declared(service.Key);
                return service.Where(r => !declared.Contains((r.Status, r.Code)));
            })
            .GroupBy(r => (r.Service, r.Status, r.Code))
            .Select(g => $"{g.Key.Service}: {g.Key.Status} {g.Key.Code} ({string.Join(", ", g.Select(r => r.Where))})")
            .Order()
            .ToList();
        Assert.True(
            undeclared.Count == 0,
            $"{undeclared.Count} refusals are declared by no operation: add .Refuses(status, \"code\") to the endpoints that give them, "
                + $"then regenerate docs/openapi (PLATFORM_UPDATE_OPENAPI=1):\n{string.Join("\n", undeclared)}"
        );
    }
}
