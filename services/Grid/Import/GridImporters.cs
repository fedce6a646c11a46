using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Index.Strtree;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.Import;
using Platform.Grid.Data;
using Platform.Grid.Grids;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Import;

/// <summary>
/// Grids from a GeoJSON FeatureCollection: each feature a Polygon or MultiPolygon with properties code, name,
/// type, community (the community's code), households, population, complexity. Every feature is checked
/// against the same rules as the API, including overlaps with existing grids and with each other.
/// </summary>
public sealed class GridsImporter(GridDbContext db, IOptions<GridOptions> options, TimeProvider clock) : IImporter
{
    public const int MaxFeatures = 5000;

    public string Kind => "grids";

    public string ContentType => "application/geo+json";

    public async Task<ImportPlan> PrepareAsync(string payload, CancellationToken ct)
    {
        JsonElement features;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (
                root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type)
                || type.GetString() != "FeatureCollection"
                || !root.TryGetProperty("features", out var list)
                || list.ValueKind != JsonValueKind.Array
            )
            {
                return ImportPlan.Refused(
                    0,
                    new RowProblem(0, null, "not-a-feature-collection", "The file must be a GeoJSON FeatureCollection with a features array.")
                );
            }

            features = list.Clone();
        }
        catch (JsonException ex)
        {
            return ImportPlan.Refused(0, new RowProblem(0, null, "invalid-json", $"The file is not valid JSON: {ex.Message}"));
        }

        var count = features.GetArrayLength();
        if (count == 0 || count > MaxFeatures)
        {
            return ImportPlan.Refused(count, new RowProblem(0, null, "invalid-feature-count", $"The collection holds 1 to {MaxFeatures} features."));
        }

        var layout = options.Value.Layout();
        var communities = await db.Communities.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var existingCodes = (await db.Grids.Select(g => g.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var existing = await db
            .Grids.AsNoTracking()
            .Where(g => g.Status == GridStatus.Active && g.Boundary != null && g.Type != GridType.Specialized)
            .ToListAsync(ct);
        var index = new STRtree<GridEntity>();
        foreach (var grid in existing)
        {
            index.Insert(grid.Boundary!.EnvelopeInternal, grid);
        }

        var accepted = new List<GridEntity>();
        var problems = new List<RowProblem>();
        var planned = new List<object>();
        var now = clock.GetUtcNow();
        var row = 0;
        foreach (var feature in features.EnumerateArray())
        {
            row++;
            var before = problems.Count;
            void Problem(DomainError e) => problems.Add(new RowProblem(row, e.Field, e.Code, e.Message));
            var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            string? Text(string name) =>
                properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
                    ? v.ValueKind == JsonValueKind.String
                        ? v.GetString()
                        : v.GetRawText()
                    : null;
            int? Number(string name)
            {
                var text = Text(name);
                if (text is null)
                {
                    return null;
                }

                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                Problem(DomainError.Invalid(name, "invalid-number", $"{name} must be a whole number."));
                return null;
            }

            if (!Geo.Parse(feature.TryGetProperty("geometry", out var g) ? g : null, "geometry").TryGet(out var boundary, out var boundaryError))
            {
                Problem(boundaryError);
            }

            var communityCode = Text("community");
            Guid communityId = default;
            if (communityCode is null || !communities.TryGetValue(communityCode, out communityId))
            {
                Problem(DomainError.Invalid("community", "unknown-community", $"No community with code '{communityCode}' is known."));
            }

            var details = new GridDetails(Text("name"), Text("type"), boundary, Number("households"), Number("population"), Number("complexity"));
            if (
                !GridEntity
                    .Create(Guid.CreateVersion7(), Text("code"), layout, communityId == default ? Guid.NewGuid() : communityId, communityCode, details, now)
                    .TryGet(out var created, out var error)
            )
            {
                Problem(error);
            }
            else if (!existingCodes.Add(created.Code))
            {
                Problem(DomainError.Conflict("duplicate-grid-code", $"Code {created.Code} is already used (by a grid or an earlier feature)."));
            }

            if (problems.Count == before && created is { Boundary: { } shape } grid && !grid.MayOverlap)
            {
                bool Clashes(GridEntity other) =>
                    other.CommunityId == grid.CommunityId
                    && other.Boundary!.EnvelopeInternal.Intersects(shape.EnvelopeInternal)
                    && other.Boundary.Intersects(shape)
                    && !other.Boundary.Touches(shape);
                var clash = index.Query(shape.EnvelopeInternal).FirstOrDefault(Clashes) ?? accepted.FirstOrDefault(Clashes);
                if (clash is not null)
                {
                    Problem(
                        DomainError.Conflict(
                            "grid-overlap",
                            $"The boundary overlaps grid {clash.Code} of the same community; only Specialized grids may overlap others."
                        )
                    );
                }
                else
                {
                    accepted.Add(grid);
                }
            }

            if (problems.Count == before)
            {
                planned.Add(created!);
            }
        }

        return new ImportPlan(count, problems, problems.Count == 0 ? planned : []);
    }

    public void Add(object entity)
    {
        var grid = (GridEntity)entity;
        db.Grids.Add(grid);
    }
}
