namespace Platform.Contracts.Organization;

/// <summary>A cadre was assigned to a community and/or grids for a period (分片包干), or the assignment ended.</summary>
public sealed record AreaAssigned : IntegrationEvent
{
    public required Guid AssignmentId { get; init; }

    public required Guid PersonId { get; init; }

    public Guid? CommunityId { get; init; }

    public IReadOnlyList<Guid> GridIds { get; init; } = [];

    public required DateOnly From { get; init; }

    /// <summary>Null while the assignment is open.</summary>
    public DateOnly? To { get; init; }
}
