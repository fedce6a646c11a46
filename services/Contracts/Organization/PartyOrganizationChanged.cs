namespace Platform.Contracts.Organization;

/// <summary>A party organization was founded, renamed, moved or dissolved. Carries its whole current state.</summary>
public sealed record PartyOrganizationChanged : IntegrationEvent
{
    public required Guid OrganizationId { get; init; }

    public required string Name { get; init; }

    /// <summary>SubdistrictCommittee, CommunityGeneralBranch, CommunityBranch, CompoundBranch, BuildingGroup,
    /// MemberUnitOrganization, NewEconomicSocialOrganization or MassOrganization.</summary>
    public required string Kind { get; init; }

    public Guid? ParentId { get; init; }

    public Guid? CommunityId { get; init; }

    /// <summary>Active or Dissolved.</summary>
    public required string Status { get; init; }

    public required long Version { get; init; }
}
