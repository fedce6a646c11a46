extern alias workflow;

using System.Globalization;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Grid;
using Platform.Testing;
using Xunit;

namespace Platform.Bench;

/// <summary>
/// Case intake as the data grows: a resident's report at a point through the Workflow service's API (auth,
/// placement in its copy of the grids, the duplicate search, the number, the insert and its outbox row), on a
/// register already holding 0, 100,000 or 1,000,000 cases spread as a district's are: over 10 × 10 km, the suite's
/// categories, the last 90 days. Reports land at random points of the same area. Cost that grows with the register
/// shows as a ratio above 1 against the empty run.
/// </summary>
[Config(typeof(BenchConfig))]
public class CaseIntakeBenchmarks
{
    private const double West = 97.30,
        North = 37.45,
        Side = 0.1;

    private readonly BenchWorkflowService service = new();
    private HttpClient resident = null!;
    private int next;

    [Params(0, 100_000, 1_000_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await service.InitializeAsync();
        string C(double x, double y) => $"[{x.ToString(CultureInfo.InvariantCulture)},{y.ToString(CultureInfo.InvariantCulture)}]";
        var grid = Guid.NewGuid();
        await service
            .Services.GetRequiredService<IBus>()
            .Publish(
                new GridChanged
                {
                    GridId = grid,
                    CommunityId = Guid.Parse("0195a000-0000-7000-8000-000000000001"),
                    Code = "632802001001001",
                    Name = "基准网格",
                    Type = "Urban",
                    Boundary =
                        $"{{\"type\":\"Polygon\",\"coordinates\":[[{C(West, North)},{C(West + Side, North)},"
                        + $"{C(West + Side, North - Side)},{C(West, North - Side)},{C(West, North)}]]}}",
                    Version = 1,
                    OccurredAt = DateTimeOffset.UtcNow,
                }
            );
        await Eventually.TrueAsync(async () => await service.ScalarAsync<long>("SELECT count(*) FROM known_grids") == 1, "the grid known");
        resident = service.ClientAs(TestCaller.In(Platform.BuildingBlocks.Security.Roles.Resident) with { Name = "居民", PersonId = Guid.NewGuid() });
        // One real report as the template; the register is filled with copies of it (new id, number, place and time).
        await ReportAsync();
        if (Cases > 0)
        {
            await FillAsync(Cases - 1);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        resident.Dispose();
        await ((IAsyncLifetime)service).DisposeAsync();
    }

    [Benchmark(Description = "POST /api/workflow/cases at a point")]
    public Task<int> ReportAsync() => PostAsync(next++);

    private async Task<int> PostAsync(int i)
    {
        var random = new Random(i);
        using var response = await resident.PostAsJsonAsync(
            "/api/workflow/cases",
            new
            {
                category = "garbage",
                description = $"基准 {i} 楼下垃圾未清运",
                latitude = North - random.NextDouble() * Side,
                longitude = West + random.NextDouble() * Side,
            }
        );
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"The report answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (int)response.StatusCode;
    }

    /// <summary>Copies of the template case, column by column, with their own id, number, location and report time.</summary>
    private async Task FillAsync(int count)
    {
        var columns = new List<string>();
        await using (var connection = new Npgsql.NpgsqlConnection(service.ConnectionString))
        {
            await connection.OpenAsync();
            await using var query = new Npgsql.NpgsqlCommand(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'cases' AND table_schema = 'public' ORDER BY ordinal_position",
                connection
            );
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var overrides = new Dictionary<string, string>
        {
            ["id"] = "gen_random_uuid()",
            ["number"] = "'B-' || lpad(i::text, 7, '0')",
            ["location"] = string.Create(
                CultureInfo.InvariantCulture,
                $"ST_SetSRID(ST_MakePoint({West} + random() * {Side}, {North} - random() * {Side}), 4326)"
            ),
            ["reported_at"] = "now() - random() * interval '90 days'",
            ["category"] = "(SELECT array_agg(code ORDER BY code) FROM case_categories)[1 + i % (SELECT count(*) FROM case_categories)::int]",
            ["source_ref"] = "NULL",
            ["possible_duplicate_of"] = "NULL",
        };
        var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var value) ? value : $"t.{c}"));
        await using var fill = new Npgsql.NpgsqlConnection(service.ConnectionString);
        await fill.OpenAsync();
        // In chunks of 100,000, each its own statement (a million rows with ten indexes take minutes).
        for (var from = 1; from <= count; from += 100_000)
        {
            await using var insert = new Npgsql.NpgsqlCommand(
                $"""
                INSERT INTO cases ({string.Join(", ", columns)})
                SELECT {select} FROM (SELECT * FROM cases ORDER BY reported_at LIMIT 1) AS t CROSS JOIN generate_series({from}, {Math.Min(
                    count,
                    from + 99_999
                )}) AS i
                """,
                fill
            )
            {
                CommandTimeout = 0,
            };
            await insert.ExecuteNonQueryAsync();
        }

        await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE cases", fill) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync();
    }
}

/// <summary>The Workflow service in-process on the real servers, on a database of its own, without demo data.</summary>
public sealed class BenchWorkflowService : ServiceFactory<workflow::Program>
{
    public BenchWorkflowService()
        : base(ResourceNames.WorkflowDb)
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json")));
        var folder = manifest.RootElement.EnumerateObject().First(p => p.Name.StartsWith("Platform.Workflow,", StringComparison.Ordinal)).Value.GetString();
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PLATFORM_WORKFLOW", folder);
    }

    // The relay and timers of a service in a benchmark would compete with what is measured; events are not the subject here.
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Platform:Outbox:Relay", "false");
    }
}
