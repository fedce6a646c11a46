using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.Grid.Data;

namespace Platform.Grid.Grids;

/// <summary>What a map shows of one grid: its code and name, its type (the colour), its community and its size.</summary>
public sealed record GridFeatureProperties(
    Guid Id,
    string Code,
    string Name,
    [property: OneOf<GridType>] string Type,
    Guid CommunityId,
    int Households,
    int Population
);

/// <summary>A GeoJSON (RFC 7946) Feature: a grid's boundary and what the map shows of it.</summary>
public sealed record GridFeature(string Type, JsonElement Geometry, GridFeatureProperties Properties);

/// <summary>A GeoJSON FeatureCollection, ready for a map layer.</summary>
public sealed record GridFeatureCollection(string Type, IReadOnlyList<GridFeature> Features, bool Truncated);

/// <summary>The active grids with a boundary as one GeoJSON layer, so a map draws a subdistrict with one request.</summary>
public static class GridMapApi
{
    /// <summary>A city holds thousands of grids; a layer beyond this many is narrowed by community or type.</summary>
    public const int MaxFeatures = 5_000;

    public static RouteGroupBuilder MapGridMapApi(this RouteGroupBuilder api)
    {
        api.MapGet("/grids/map", Map)
            .WithName("GridMap")
            .WithTags("Grids")
            .AllowSignedIn()
            .WithDescription(
                "The active grids that have a boundary, as a GeoJSON FeatureCollection (WGS84), filterable by community and "
                    + $"type; at most {MaxFeatures} (truncated says when more exist)."
            )
            .Refuses(400, "invalid-grid-type");
        return api;
    }

    public static async Task<Results<Ok<GridFeatureCollection>, ProblemHttpResult>> Map(
        GridDbContext db,
        Guid? communityId,
        [OneOf<GridType>] string? type,
        CancellationToken ct
    )
    {
        var query = db.Grids.AsNoTracking().Where(g => g.Status == GridStatus.Active && g.Boundary != null);
        query = communityId is { } community ? query.Where(g => g.CommunityId == community) : query;
        if (type is not null)
        {
            if (!Grid.ParseType(type).TryGet(out var gridType, out var error))
            {
                return Problems.From(error);
            }

            var wanted = gridType;
            query = query.Where(g => g.Type == wanted);
        }

        var grids = await query.OrderBy(g => g.Code).Take(MaxFeatures + 1).ToListAsync(ct);
        var features = grids
            .Take(MaxFeatures)
            .Select(g => new GridFeature(
                "Feature",
                Geo.ToGeoJson(g.Boundary!),
                new(g.Id, g.Code, g.Name, g.Type.ToString(), g.CommunityId, g.Households, g.Population)
            ))
            .ToList();
        return TypedResults.Ok(new GridFeatureCollection("FeatureCollection", features, grids.Count > MaxFeatures));
    }
}
