namespace Platform.Contracts.Organization;

/// <summary>A member unit (驻区单位) joined the regional party-building alliance.</summary>
public sealed record MemberUnitJoined : IntegrationEvent
{
    public required Guid UnitId { get; init; }

    public required string Name { get; init; }

    /// <summary>The unit's own party organization, if it has one.</summary>
    public Guid? PartyOrganizationId { get; init; }

    /// <summary>The public-service fields the unit will take on.</summary>
    public IReadOnlyList<string> ServiceFields { get; init; } = [];

    public required DateOnly JoinedOn { get; init; }
}
