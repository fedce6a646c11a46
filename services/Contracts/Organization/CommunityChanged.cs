namespace Platform.Contracts.Organization;

/// <summary>A community (社区) was created or its details changed.</summary>
public sealed record CommunityChanged : IntegrationEvent
{
    public required Guid CommunityId { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }
}
