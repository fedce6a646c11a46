namespace Platform.Contracts.Organization;

/// <summary>A community (社区) was created or its details changed.</summary>
public sealed record CommunityChanged : IntegrationEvent
{
    public required Guid CommunityId { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? ResidentsCommittee { get; init; }

    public string? ServiceStation { get; init; }

    /// <summary>Increases with every change, so a consumer can ignore an older state arriving late.</summary>
    public long Version { get; init; }
}
