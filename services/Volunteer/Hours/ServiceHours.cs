using Platform.BuildingBlocks.Domain;
using Platform.Contracts.Volunteer;

namespace Platform.Volunteer.Hours;

public enum HoursStatus
{
    Pending,
    Approved,
}

/// <summary>A correction of recorded hours: who changed what, and why (kept with the record).</summary>
public sealed record HoursCorrection(decimal From, decimal To, string Reason, string By, DateTimeOffset At);

/// <summary>
/// The hours one volunteer served in one shift (one record per sign-up, so hours are never counted twice),
/// computed from check-in and check-out, or recorded by an organizer for someone who served without the app (who
/// recorded them and why kept with the record); approved by the organizer or automatically, correctable with a reason.
/// </summary>
public sealed class ServiceHoursRecord : Aggregate
{
    public const int MaxReasonLength = 300;

    private ServiceHoursRecord() { }

    public static readonly Scope<ServiceHoursRecord> Scope = new() { SeenWholeBy = Roles.Organizers, Owner = r => r.VolunteerSubject };

    public Guid Id { get; private set; }

    /// <summary>The sign-up the hours were served on; none when an organizer recorded them by hand.</summary>
    public Guid? SignUpId { get; private set; }

    /// <summary>The organizer who recorded hours by hand, and why (null for hours from check-in and check-out).</summary>
    public string? RecordedBy { get; private set; }

    public string? RecordNote { get; private set; }

    public Guid VolunteerId { get; private set; }

    /// <summary>The volunteer's account, so they see their own records.</summary>
    public string? VolunteerSubject { get; private set; }

    public Guid? PersonId { get; private set; }

    public Guid ActivityId { get; private set; }

    public string ActivityTitle { get; private set; } = "";

    public DateOnly ServedOn { get; private set; }

    public decimal Hours { get; private set; }

    public HoursStatus Status { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public List<HoursCorrection> Corrections { get; private set; } = [];

    /// <summary>Changes with every approval or correction: two organizers approving at once cannot both succeed.</summary>
    public long Version { get; private set; }

    public static ServiceHoursRecord Record(
        Guid signUpId,
        Guid volunteerId,
        string? volunteerSubject,
        Guid? personId,
        Guid activityId,
        string activityTitle,
        DateOnly servedOn,
        decimal hours
    ) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            SignUpId = signUpId,
            VolunteerId = volunteerId,
            VolunteerSubject = volunteerSubject,
            PersonId = personId,
            ActivityId = activityId,
            ActivityTitle = activityTitle,
            ServedOn = servedOn,
            Hours = hours,
            Status = HoursStatus.Pending,
        };

    /// <summary>Hours an organizer records for a volunteer who served without the app: quarter hours, with the reason.</summary>
    public static Result<ServiceHoursRecord> RecordByHand(
        Guid volunteerId,
        string? volunteerSubject,
        Guid? personId,
        Guid activityId,
        string activityTitle,
        DateOnly servedOn,
        decimal? hours,
        string? note,
        string by,
        DateOnly today
    )
    {
        if (hours is not { } value || value <= 0 || value > 24 || value * 4 != Math.Floor(value * 4))
        {
            return DomainError.Invalid("hours", "invalid-hours", "hours is more than 0 and at most 24, in quarter hours.");
        }

        if (servedOn > today)
        {
            return DomainError.Invalid("servedOn", "served-in-future", $"servedOn {servedOn:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}).");
        }

        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > MaxReasonLength)
        {
            return DomainError.Invalid("note", "note-required", $"Say why the hours are recorded by hand (at most {MaxReasonLength} characters).");
        }

        var record = Record(Guid.Empty, volunteerId, volunteerSubject, personId, activityId, activityTitle, servedOn, value);
        (record.SignUpId, record.RecordedBy, record.RecordNote) = (null, by, note.Trim());
        return record;
    }

    public Result<ServiceHoursApproved> Approve(string by, DateTimeOffset now)
    {
        if (Status == HoursStatus.Approved)
        {
            return DomainError.Conflict("hours-already-approved", $"These hours were approved by {ApprovedBy} at {ApprovedAt:u}.");
        }

        (Status, ApprovedBy, ApprovedAt) = (HoursStatus.Approved, by, now);
        Version++;
        return Raised(ToEvent(now));
    }

    /// <summary>Corrects the hours; an approved record announces its new figure.</summary>
    public Result<ServiceHoursApproved?> Correct(decimal? hours, string? reason, string by, DateTimeOffset now)
    {
        if (hours is not { } value || value < 0 || value > 24 || value * 4 != Math.Floor(value * 4))
        {
            return DomainError.Invalid("hours", "invalid-hours", "hours is 0 to 24, in quarter hours.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength)
        {
            return DomainError.Invalid("reason", "reason-required", $"A correction gives its reason (at most {MaxReasonLength} characters).");
        }

        Corrections = [.. Corrections, new HoursCorrection(Hours, value, reason.Trim(), by, now)];
        Hours = value;
        Version++;
        return Status == HoursStatus.Approved ? Raised(ToEvent(now)) : (ServiceHoursApproved?)null;
    }

    private ServiceHoursApproved ToEvent(DateTimeOffset now) =>
        new()
        {
            RecordId = Id,
            VolunteerId = VolunteerId,
            PersonId = PersonId,
            ActivityId = ActivityId,
            ActivityTitle = ActivityTitle,
            Hours = Hours,
            ServedOn = ServedOn,
            OccurredAt = now,
        };
}

/// <summary>One line of a certificate: an activity served and its approved hours.</summary>
public sealed record CertificateLine(DateOnly ServedOn, string Activity, decimal Hours);

/// <summary>
/// A certificate of service hours (志愿服务记录证明) for a volunteer and period, per the national rules for
/// volunteer-service records: the volunteer's name and number, the approved hours and what was done, the
/// issuing organization (whoever records certifies: 谁记录谁证明), a certificate number and date.
/// </summary>
public sealed class Certificate
{
    private Certificate() { }

    public Guid Id { get; private set; }

    /// <summary>Given by the database on issue; verifiable at GET /certificates/{number}.</summary>
    public string Number { get; private set; } = null!;

    public Guid VolunteerId { get; private set; }

    public string VolunteerName { get; private set; } = "";

    public string VolunteerNumber { get; private set; } = "";

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public decimal TotalHours { get; private set; }

    public List<CertificateLine> Lines { get; private set; } = [];

    public string IssuedBy { get; private set; } = "";

    public DateOnly IssuedOn { get; private set; }

    public static Result<Certificate> Issue(
        Volunteers.Volunteer volunteer,
        DateOnly? from,
        DateOnly? to,
        IReadOnlyList<ServiceHoursRecord> approved,
        string issuedBy,
        DateOnly today
    )
    {
        if (from is not { } start || to is not { } end || end < start || end > today)
        {
            return DomainError.Invalid("to", "invalid-period", "from and to are required dates, to not before from and not in the future.");
        }

        var lines = approved
            .Where(r => r.Status == HoursStatus.Approved && r.ServedOn >= start && r.ServedOn <= end)
            .OrderBy(r => r.ServedOn)
            .Select(r => new CertificateLine(r.ServedOn, r.ActivityTitle, r.Hours))
            .ToList();
        if (lines.Count == 0)
        {
            return DomainError.Conflict("no-approved-hours", "The volunteer has no approved hours in the period.");
        }

        return new Certificate
        {
            Id = Guid.CreateVersion7(),
            VolunteerId = volunteer.Id,
            VolunteerName = volunteer.Name,
            VolunteerNumber = volunteer.Number,
            From = start,
            To = end,
            Lines = lines,
            TotalHours = lines.Sum(l => l.Hours),
            IssuedBy = issuedBy,
            IssuedOn = today,
        };
    }
}
