namespace Platform.Contracts.Grid;

/// <summary>
/// A building was registered in a grid. Carries where it stands (not its address), so a case reported at a
/// building can be placed in its grid without asking the Grid service.
/// </summary>
public sealed record BuildingRegistered : IntegrationEvent
{
    public required Guid BuildingId { get; init; }

    public required Guid GridId { get; init; }

    public required Guid CommunityId { get; init; }

    public required string Name { get; init; }

    public required double Latitude { get; init; }

    public required double Longitude { get; init; }
}
