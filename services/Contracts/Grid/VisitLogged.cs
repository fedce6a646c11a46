namespace Platform.Contracts.Grid;

/// <summary>
/// A cadre logged a visit to a grid or household on a Contact-Serve-the-Masses Day (联系服务群众日). When
/// <see cref="RaisesCase"/> is set, the Workflow service takes it as a case from channel "visit".
/// </summary>
public sealed record VisitLogged : IntegrationEvent
{
    public required Guid VisitId { get; init; }

    public required Guid GridId { get; init; }

    public required Guid CommunityId { get; init; }

    public Guid? BuildingId { get; init; }

    public required Guid VisitorPersonId { get; init; }

    public Guid? ContactDayId { get; init; }

    public required DateTimeOffset VisitedAt { get; init; }

    /// <summary>What was found (no personal data: households are named by building and unit, not by person).</summary>
    public required string Findings { get; init; }

    public string? FollowUp { get; init; }

    public required bool RaisesCase { get; init; }

    /// <summary>The case category when the visit raises a case.</summary>
    public string? CaseCategory { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }
}
