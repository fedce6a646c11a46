using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Npgsql;
using Platform.Grid.Data;
using Platform.Grid.Grids;
using Platform.Testing;
using Xunit;

namespace Platform.Bench;

/// <summary>
/// Point → grid, the hot path of case intake, with the demo's 35 grids and with 100,000 synthetic ones (a
/// lattice of squares): the Grid service's own lookup (PostGIS <c>ST_Contains</c> answered by the GiST index,
/// through EF Core), the same predicate forced to a sequential scan, the whole API call (auth, routing, JSON,
/// in-process HTTP), and in memory a linear scan (the baseline) against an STR-tree index.
/// </summary>
[Config(typeof(BenchConfig))]
public class GridLookupBenchmarks
{
    private const double West = 97.0,
        South = 37.0,
        Cell = 0.001;

    private readonly BenchGridService service = new();
    private readonly List<Polygon> polygons = [];
    private STRtree<Polygon> index = new();
    private Point[] points = [];
    private int next;
    private IServiceScope scope = null!;
    private GridDbContext db = null!;
    private NpgsqlConnection sequential = null!;
    private HttpClient api = null!;

    [Params(35, 100_000)]
    public int Grids { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await service.InitializeAsync();
        var side = (int)Math.Ceiling(Math.Sqrt(Grids));
        await service.ExecuteAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"""
                INSERT INTO grids (id, code, name, type, community_id, boundary, households, population, complexity, status, version, created_at, updated_at)
                SELECT gen_random_uuid(), '632802' || lpad(i::text, 9, '0'), 'g' || i, 'Urban', '0195a000-0000-7000-8000-000000000001',
                       ST_MakeEnvelope({West} + (i % {side}) * {Cell}, {South} + (i / {side}) * {Cell},
                                       {West} + (i % {side} + 1) * {Cell}, {South} + (i / {side} + 1) * {Cell}, 4326),
                       0, 0, 0, 'Active', 1, now(), now()
                FROM generate_series(0, {Grids - 1}) AS i;
                ANALYZE grids;
                """
            )
        );
        for (var i = 0; i < Grids; i++)
        {
            var (x, y) = (West + i % side * Cell, South + i / side * Cell);
            var polygon = Geo.Factory.CreatePolygon([new(x, y), new(x + Cell, y), new(x + Cell, y + Cell), new(x, y + Cell), new(x, y)]);
            polygons.Add(polygon);
            index.Insert(polygon.EnvelopeInternal, polygon);
        }

        index.Build();
        var random = new Random(42);
        var rows = (Grids + side - 1) / side;
        points =
        [
            .. Enumerable
                .Range(0, 1024)
                .Select(_ =>
                    Geo.Factory.CreatePoint(
                        new Coordinate(West + random.NextDouble() * side * Cell, South + random.NextDouble() * Math.Min(rows, Grids / (double)side) * Cell)
                    )
                ),
        ];
        scope = service.Services.CreateScope();
        db = scope.ServiceProvider.GetRequiredService<GridDbContext>();
        sequential = new NpgsqlConnection(service.ConnectionString + ";Options=-c enable_indexscan=off -c enable_bitmapscan=off");
        await sequential.OpenAsync();
        api = service.ClientAs(TestCaller.Admin);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        api.Dispose();
        await sequential.DisposeAsync();
        scope.Dispose();
        await ((IAsyncLifetime)service).DisposeAsync();
    }

    private Point NextPoint() => points[next++ & (points.Length - 1)];

    [Benchmark(Baseline = true, Description = "in memory: linear scan")]
    public int LinearScan()
    {
        var point = NextPoint();
        for (var i = 0; i < polygons.Count; i++)
        {
            if (polygons[i].Contains(point))
            {
                return i;
            }
        }

        return -1;
    }

    [Benchmark(Description = "in memory: STR-tree")]
    public int StrTree()
    {
        var point = NextPoint();
        return index.Query(point.EnvelopeInternal).Count(p => p.Contains(point));
    }

    [Benchmark(Description = "PostGIS, GiST index (the service's lookup)")]
    public async Task<Guid?> PostGisIndexed() => (await GridLocator.AtAsync(db, NextPoint(), CancellationToken.None))?.Grid.Id;

    [Benchmark(Description = "PostGIS, sequential scan")]
    public async Task<object?> PostGisSequential()
    {
        var point = NextPoint();
        await using var command = new NpgsqlCommand(
            "SELECT id FROM grids WHERE status = 'Active' AND boundary IS NOT NULL AND ST_Contains(boundary, ST_SetSRID(ST_MakePoint($1, $2), 4326)) LIMIT 10",
            sequential
        );
        command.Parameters.Add(new NpgsqlParameter { Value = point.X });
        command.Parameters.Add(new NpgsqlParameter { Value = point.Y });
        return await command.ExecuteScalarAsync();
    }

    [Benchmark(Description = "through the API (GET /api/grid/lookup/point)")]
    public async Task<int> ThroughTheApi()
    {
        var point = NextPoint();
        using var response = await api.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/grid/lookup/point?latitude={point.Y}&longitude={point.X}"));
        return (int)response.StatusCode;
    }
}

/// <summary>The Grid service in-process on the real servers, on a database of its own, without demo data.</summary>
public sealed class BenchGridService : ServiceFactory<Program>
{
    public BenchGridService()
        : base(ResourceNames.GridDb)
    {
        // In a benchmark run the factory does not find its manifest by itself: name the service's folder from it.
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json")));
        var folder = manifest.RootElement.EnumerateObject().First(p => p.Name.StartsWith("Platform.Grid,", StringComparison.Ordinal)).Value.GetString();
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PLATFORM_GRID", folder);
    }
}
