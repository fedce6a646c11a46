using System.Text.Json;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;
using Platform.BuildingBlocks.Domain;

namespace Platform.Grid.Grids;

/// <summary>
/// Grid boundaries and locations: GeoJSON (RFC 7946) in and out, WGS84 longitude/latitude, SRID 4326.
/// A boundary is a valid Polygon or MultiPolygon: closed rings, no self-intersection, inside the WGS84 range.
/// </summary>
public static class Geo
{
    public const int Srid = 4326;
    public const int MaxVertices = 10_000;

    public static readonly GeometryFactory Factory = NtsGeometryServices.Instance.CreateGeometryFactory(Srid);

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory(Factory) } };

    public static Result<Geometry> Parse(JsonElement? geoJson, string field = "boundary")
    {
        if (geoJson is not { ValueKind: JsonValueKind.Object } element)
        {
            return DomainError.Invalid(field, "invalid-boundary", $"{field} must be a GeoJSON Polygon or MultiPolygon object.");
        }

        Geometry? geometry;
        try
        {
            geometry = element.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return DomainError.Invalid(field, "invalid-boundary", $"{field} is not valid GeoJSON: {ex.Message}");
        }

        return Check(geometry, field);
    }

    public static Result<Geometry> Check(Geometry? geometry, string field = "boundary")
    {
        if (geometry is not (Polygon or MultiPolygon))
        {
            return DomainError.Invalid(field, "invalid-boundary", $"{field} must be a Polygon or MultiPolygon (got {geometry?.GeometryType ?? "nothing"}).");
        }

        if (geometry.IsEmpty || geometry.NumPoints > MaxVertices)
        {
            return DomainError.Invalid(field, "invalid-boundary", $"{field} must have between 4 and {MaxVertices} vertices.");
        }

        if (geometry.Coordinates.Any(c => double.IsNaN(c.X) || double.IsNaN(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90))
        {
            return DomainError.Invalid(
                field,
                "boundary-out-of-range",
                $"{field} has a position outside longitude -180..180 / latitude -90..90 (GeoJSON is [longitude, latitude])."
            );
        }

        var validity = new IsValidOp(geometry).ValidationError;
        if (validity is not null)
        {
            return DomainError.Invalid(
                field,
                "invalid-boundary",
                $"{field} is not a valid polygon: {validity.Message} near [{validity.Coordinate.X}, {validity.Coordinate.Y}]."
            );
        }

        geometry.SRID = Srid;
        return geometry;
    }

    public static Result<Point> PointAt(double? latitude, double? longitude, string field = "location")
    {
        if (latitude is not { } lat || longitude is not { } lng || double.IsNaN(lat) || double.IsNaN(lng) || lat is < -90 or > 90 || lng is < -180 or > 180)
        {
            return DomainError.Invalid(field, "invalid-location", "latitude (-90..90) and longitude (-180..180) are both required, in WGS84 degrees.");
        }

        return Factory.CreatePoint(new Coordinate(lng, lat));
    }

    /// <summary>A location that may be left out: none when both are missing, else a valid point.</summary>
    public static Result<Point?> OptionalPointAt(double? latitude, double? longitude)
    {
        if (latitude is null && longitude is null)
        {
            return (Point?)null;
        }

        var point = PointAt(latitude, longitude);
        return point.Error is { } error ? error : point.Value;
    }

    public static JsonElement ToGeoJson(Geometry geometry) => JsonSerializer.SerializeToElement(geometry, GeoJson);
}
