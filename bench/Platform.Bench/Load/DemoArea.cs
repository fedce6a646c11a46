using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench.Load;

/// <summary>The demo subdistrict's grids as the Grid service draws them: where reports are placed, and which grids and communities exist.</summary>
public sealed class DemoArea
{
    public static readonly string[] Categories =
    [
        "complaint",
        "consultation",
        "fire-hazard",
        "garbage",
        "help-request",
        "neighbour-dispute",
        "noise",
        "other",
        "pollution",
        "property-management",
        "public-order",
        "report",
        "road-damage",
    ];

    private readonly List<(Guid Grid, Guid Community, double West, double South, double East, double North)> grids;

    private DemoArea(List<(Guid, Guid, double, double, double, double)> grids) => this.grids = grids;

    public IReadOnlyList<Guid> Grids => grids.Select(g => g.Grid).ToList();

    public IReadOnlyList<Guid> Communities => grids.Select(g => g.Community).Distinct().ToList();

    public (double West, double South, double East, double North) Extent =>
        (grids.Min(g => g.West), grids.Min(g => g.South), grids.Max(g => g.East), grids.Max(g => g.North));

    public static async Task<DemoArea> LoadAsync(HttpClient gateway, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/grid/grids/map");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await gateway.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var features = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features");
        var grids = new List<(Guid, Guid, double, double, double, double)>();
        foreach (var feature in features.EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            // Specialized grids lie over the basic ones; reports are placed by the basic grid.
            if (properties.TryGetProperty("type", out var type) && type.GetString() == "Specialized")
            {
                continue;
            }

            var ring = feature
                .GetProperty("geometry")
                .GetProperty("coordinates")[0]
                .EnumerateArray()
                .Select(c => (X: c[0].GetDouble(), Y: c[1].GetDouble()))
                .ToList();
            grids.Add(
                (
                    properties.GetProperty("id").GetGuid(),
                    properties.GetProperty("communityId").GetGuid(),
                    ring.Min(c => c.X),
                    ring.Min(c => c.Y),
                    ring.Max(c => c.X),
                    ring.Max(c => c.Y)
                )
            );
        }

        return grids.Count > 0 ? new DemoArea(grids) : throw new InvalidOperationException("The Grid service drew no grids (demo data off?).");
    }

    /// <summary>A point well inside a grid (grids are the demo's rectangles; a margin keeps it off the edges).</summary>
    public (double Latitude, double Longitude, Guid Grid) PointIn(Random random)
    {
        var g = grids[random.Next(grids.Count)];
        var margin = 0.1;
        var x = g.West + (margin + random.NextDouble() * (1 - 2 * margin)) * (g.East - g.West);
        var y = g.South + (margin + random.NextDouble() * (1 - 2 * margin)) * (g.North - g.South);
        return (Math.Round(y, 6), Math.Round(x, 6), g.Grid);
    }

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
