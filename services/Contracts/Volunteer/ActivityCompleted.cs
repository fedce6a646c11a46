namespace Platform.Contracts.Volunteer;

/// <summary>A volunteer activity took place and was closed: who attended, who did not show.</summary>
public sealed record ActivityCompleted : IntegrationEvent
{
    public required Guid ActivityId { get; init; }

    public Guid? ProjectId { get; init; }

    public required string Title { get; init; }

    public Guid? CommunityId { get; init; }

    /// <summary>The units whose confirmed claims the activity served (through its project).</summary>
    public IReadOnlyList<Guid> UnitIds { get; init; } = [];

    /// <summary>Organization person ids of the party members who attended.</summary>
    public IReadOnlyList<Guid> AttendingPersonIds { get; init; } = [];

    public required int Attended { get; init; }

    public required int NoShows { get; init; }
}
