namespace Platform.Contracts.Organization;

/// <summary>A community confirmed an in-service party member's registration (在职党员进社区报到).</summary>
public sealed record MemberRegisteredInCommunity : IntegrationEvent
{
    public required Guid RegistrationId { get; init; }

    public required Guid PersonId { get; init; }

    public required Guid CommunityId { get; init; }

    /// <summary>The member's own (unit) party organization.</summary>
    public required Guid UnitOrganizationId { get; init; }

    /// <summary>The compound branch or building group the member is placed in.</summary>
    public required Guid PlacementOrganizationId { get; init; }

    public Guid? GridId { get; init; }
}
