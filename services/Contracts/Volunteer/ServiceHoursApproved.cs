namespace Platform.Contracts.Volunteer;

/// <summary>A volunteer's service hours for one activity were approved (or changed after approval, with the new figure).</summary>
public sealed record ServiceHoursApproved : IntegrationEvent
{
    public required Guid RecordId { get; init; }

    public required Guid VolunteerId { get; init; }

    /// <summary>The volunteer's Organization person id, when they are a known person (a party member).</summary>
    public Guid? PersonId { get; init; }

    public required Guid ActivityId { get; init; }

    /// <summary>The activity's title, so a consumer can name where the hours were served (added later: may be absent).</summary>
    public string? ActivityTitle { get; init; }

    public required decimal Hours { get; init; }

    public required DateOnly ServedOn { get; init; }
}
