using Platform.BuildingBlocks.Domain;

namespace Platform.Organization.Activities;

public enum ActivityKind
{
    /// <summary>组织生活会 / 支部委员会 / 党员大会.</summary>
    Meeting,

    Education,

    Training,

    /// <summary>主题党日.</summary>
    ThemedPartyDay,

    Service,
}

public sealed record Attendance(Guid PersonId, bool Attended, string? Note);

/// <summary>An activity, education or training session held by a party organization, with its attendance.</summary>
public sealed class PartyActivity
{
    public const int MaxTitleLength = 200;

    private PartyActivity() { }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public ActivityKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public DateTimeOffset HeldAt { get; private set; }

    public string? Location { get; private set; }

    public List<Attendance> Attendance { get; private set; } = [];

    public static Result<PartyActivity> Hold(Guid organizationId, ActivityKind kind, string? title, DateTimeOffset heldAt, string? location)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength)
        {
            return DomainError.Invalid("title", "invalid-title", $"title is required and at most {MaxTitleLength} characters.");
        }

        if (heldAt == default)
        {
            return DomainError.Invalid("heldAt", "held-at-required", "heldAt is required: when the activity takes place.");
        }

        return new PartyActivity
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId,
            Kind = kind,
            Title = title.Trim(),
            HeldAt = heldAt,
            Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim(),
        };
    }

    /// <summary>Records attendance; a person recorded again is updated, not counted twice.</summary>
    public DomainError? Record(IReadOnlyCollection<Attendance> entries, DateTimeOffset now)
    {
        if (HeldAt > now)
        {
            return DomainError.Conflict("activity-not-held", "Attendance is recorded after the activity is held.");
        }

        if (entries.Select(e => e.PersonId).Distinct().Count() != entries.Count)
        {
            return DomainError.Invalid("attendance", "duplicate-attendee", "Each person appears once in an attendance list.");
        }

        Attendance = [.. Attendance.Where(a => entries.All(e => e.PersonId != a.PersonId)), .. entries];
        return null;
    }
}
