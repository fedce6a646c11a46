namespace Platform.Contracts.Grid;

/// <summary>A grid (网格) was created or its details changed. Carries the whole current state.</summary>
public sealed record GridChanged : IntegrationEvent
{
    public required Guid GridId { get; init; }

    public required Guid CommunityId { get; init; }

    /// <summary>The 15-digit grid code.</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>Urban, Suburban, Rural or Specialized.</summary>
    public required string Type { get; init; }

    /// <summary>Active, or Retired (kept for the cases that point to it, but no longer in use).</summary>
    public string Status { get; init; } = "Active";

    /// <summary>
    /// The boundary as a GeoJSON geometry (WGS 84 longitude/latitude), so consumers can place a point in a grid
    /// without asking the Grid service; null when the grid has no boundary drawn yet.
    /// </summary>
    public string? Boundary { get; init; }

    /// <summary>Increases with every change, so a consumer can ignore an older state arriving late.</summary>
    public required long Version { get; init; }
}
