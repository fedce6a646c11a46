namespace Platform.Contracts.Grid;

/// <summary>
/// For one grid and one overlaid network (多网合一: public security, urban management, environment, work
/// safety, or an admin-defined layer), the department responsible changed. Carries no contact phone.
/// </summary>
public sealed record LayerResponsibilityChanged : IntegrationEvent
{
    public required Guid GridId { get; init; }

    public required Guid CommunityId { get; init; }

    /// <summary>The layer's code, such as public-security or urban-management.</summary>
    public required string Layer { get; init; }

    /// <summary>The responsible department's code; null when the responsibility was removed.</summary>
    public string? DepartmentCode { get; init; }

    public string? DepartmentName { get; init; }

    public string? ContactName { get; init; }

    public required long Version { get; init; }
}
