namespace Platform.Contracts.Volunteer;

/// <summary>A member unit's claim (认领) of a public-service project was confirmed by its publisher.</summary>
public sealed record ProjectClaimed : IntegrationEvent
{
    public required Guid ProjectId { get; init; }

    public required string Title { get; init; }

    public required Guid UnitId { get; init; }

    /// <summary>The unit's own party organization, when the Volunteer service knows it.</summary>
    public Guid? PartyOrganizationId { get; init; }

    public Guid? CommunityId { get; init; }
}
