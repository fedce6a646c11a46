using System.Text.Json;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Platform.BuildingBlocks.Domain;

namespace Platform.Workflow.Grids;

/// <summary>Points and boundaries in WGS 84 (SRID 4326), as the Grid service stores them.</summary>
public static class Spatial
{
    public const int Srid = 4326;

    public static readonly GeometryFactory Factory = NtsGeometryServices.Instance.CreateGeometryFactory(Srid);

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory(Factory) } };

    /// <summary>A boundary as the Grid service sent it; null when none was drawn.</summary>
    public static Geometry? ParseGeoJson(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson))
        {
            return null;
        }

        var geometry = JsonSerializer.Deserialize<Geometry>(geoJson, GeoJson);
        if (geometry is not null)
        {
            geometry.SRID = Srid;
        }

        return geometry;
    }

    /// <summary>A point from a client, both coordinates or neither.</summary>
    public static Result<Point?> OptionalPoint(double? latitude, double? longitude)
    {
        if (latitude is null && longitude is null)
        {
            return (Point?)null;
        }

        if (latitude is not { } lat || longitude is not { } lon)
        {
            return DomainError.Invalid("location", "incomplete-location", "Give both latitude and longitude, or neither.");
        }

        if (!double.IsFinite(lat) || !double.IsFinite(lon) || lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            return DomainError.Invalid("location", "invalid-location", "latitude must be within ±90 and longitude within ±180 degrees.");
        }

        return Factory.CreatePoint(new Coordinate(lon, lat));
    }
}
