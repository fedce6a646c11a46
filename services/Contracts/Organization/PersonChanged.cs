namespace Platform.Contracts.Organization;

/// <summary>
/// A person was registered or their roles changed. Carries no personal data (no phone, ID-card number or
/// address): consumers that need to contact someone ask the Organization service, which audits it.
/// </summary>
public sealed record PersonChanged : IntegrationEvent
{
    public required Guid PersonId { get; init; }

    public required string Name { get; init; }

    /// <summary>The party organization the person is a member of; null for a non-member.</summary>
    public Guid? OrganizationId { get; init; }

    /// <summary>Resident, InService, Retired or Mobile; null for a non-member.</summary>
    public string? MemberType { get; init; }

    public bool IsCadre { get; init; }

    /// <summary>The community the person works for as community staff, if any.</summary>
    public Guid? StaffCommunityId { get; init; }

    public required long Version { get; init; }
}
