using Platform.BuildingBlocks.Domain;
using Platform.Contracts.Volunteer;

namespace Platform.Volunteer.Activities;

public enum ActivityStatus
{
    /// <summary>Planned, seen only by those who run it: no one signs up yet.</summary>
    Draft,

    /// <summary>Published: volunteers sign up.</summary>
    Open,
    Completed,
    Cancelled,
}

/// <summary>Who served at an activity, told when it completes (the index inputs of units and members).</summary>
public sealed record ActivityAttendance(IReadOnlyList<Guid> UnitIds, IReadOnlyList<Guid> PersonIds, int Attended, int NoShows);

/// <summary>
/// A volunteer activity, under a project or alone: a time and place, the skills it needs, shifts with
/// capacity. Volunteers check in at the venue by the code shown there or by being within the radius.
/// </summary>
public sealed class Activity : Aggregate
{
    public const int MaxTitleLength = 100;
    public const int MaxPlaceLength = 200;
    public const int MaxShifts = 20;

    private Activity() { }

    public Guid Id { get; private set; }

    public Guid? ProjectId { get; private set; }

    public Guid? CommunityId { get; private set; }

    public string Title { get; private set; } = "";

    public string Place { get; private set; } = "";

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>How far from the venue a location check-in may be.</summary>
    public int RadiusMeters { get; private set; }

    public List<string> RequiredSkills { get; private set; } = [];

    /// <summary>Whether a full shift takes further sign-ups onto a waitlist.</summary>
    public bool AllowWaitlist { get; private set; }

    /// <summary>Hours are approved as they are recorded, without the organizer.</summary>
    public bool AutoApproveHours { get; private set; }

    /// <summary>Shown at the venue; volunteers type it to check in.</summary>
    public string CheckInCode { get; private set; } = "";

    public ActivityStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Changes when the activity closes: it closes (and announces it) once.</summary>
    public long Version { get; private set; }

    public static Result<Activity> Plan(
        Guid? projectId,
        Guid? communityId,
        string? title,
        string? place,
        double? latitude,
        double? longitude,
        int? radiusMeters,
        IReadOnlyCollection<string>? requiredSkills,
        bool allowWaitlist,
        bool autoApproveHours,
        DateTimeOffset now
    )
    {
        if (
            string.IsNullOrWhiteSpace(title)
            || title.Trim().Length > MaxTitleLength
            || string.IsNullOrWhiteSpace(place)
            || place.Trim().Length > MaxPlaceLength
        )
        {
            return DomainError.Invalid(
                string.IsNullOrWhiteSpace(title) ? "title" : "place",
                "invalid-activity",
                $"title (at most {MaxTitleLength} characters) and place (at most {MaxPlaceLength}) are required."
            );
        }

        if ((latitude is null) != (longitude is null) || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            return DomainError.Invalid("latitude", "invalid-location", "latitude and longitude come together, in WGS84 degrees.");
        }

        if (radiusMeters is < 10 or > 5000)
        {
            return DomainError.Invalid("radiusMeters", "invalid-radius", "radiusMeters is 10 to 5000.");
        }

        return new Activity
        {
            Id = Guid.CreateVersion7(),
            ProjectId = projectId,
            CommunityId = communityId,
            Title = title.Trim(),
            Place = place.Trim(),
            Latitude = latitude,
            Longitude = longitude,
            RadiusMeters = radiusMeters ?? 200,
            RequiredSkills = [.. (requiredSkills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            AllowWaitlist = allowWaitlist,
            AutoApproveHours = autoApproveHours,
            CheckInCode = Random.Shared.Next(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Status = ActivityStatus.Draft,
            CreatedAt = now,
        };
    }

    /// <summary>Opens a drafted activity to sign-ups, as a project is published.</summary>
    public DomainError? Publish()
    {
        if (Status != ActivityStatus.Draft)
        {
            return DomainError.Conflict("activity-not-draft", $"The activity is {Status}; only a Draft is published.");
        }

        Status = ActivityStatus.Open;
        Version++;
        return null;
    }

    /// <summary>Closes the activity and tells who served: the units of its project, the people who attended, the no-shows.</summary>
    public DomainError? Complete(ActivityAttendance attendance, DateTimeOffset now)
    {
        if (Status == ActivityStatus.Draft)
        {
            return DomainError.Conflict("activity-not-published", "The activity was never published: publish it, or leave the draft.");
        }

        if (Status != ActivityStatus.Open)
        {
            return DomainError.Conflict("activity-closed", $"The activity is already {Status}.");
        }

        Status = ActivityStatus.Completed;
        Version++;
        Raise(
            new ActivityCompleted
            {
                ActivityId = Id,
                ProjectId = ProjectId,
                Title = Title,
                CommunityId = CommunityId,
                UnitIds = attendance.UnitIds,
                AttendingPersonIds = attendance.PersonIds,
                Attended = attendance.Attended,
                NoShows = attendance.NoShows,
                OccurredAt = now,
            }
        );
        return null;
    }

    /// <summary>Great-circle distance in metres from the venue (null when the activity has no location).</summary>
    public double? DistanceTo(double latitude, double longitude)
    {
        if (Latitude is not { } lat || Longitude is not { } lng)
        {
            return null;
        }

        const double EarthRadius = 6_371_000;
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude - lat);
        var dLng = Radians(longitude - lng);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(lat)) * Math.Cos(Radians(latitude)) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadius * Math.Asin(Math.Sqrt(a));
    }
}

/// <summary>A shift of an activity: a time span and how many volunteers it takes.</summary>
public sealed class Shift
{
    private Shift() { }

    public Guid Id { get; private set; }

    public Guid ActivityId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public int Capacity { get; private set; }

    public static Result<Shift> Of(Guid activityId, DateTimeOffset? startsAt, DateTimeOffset? endsAt, int? capacity)
    {
        if (startsAt is not { } start || endsAt is not { } end || end <= start || end - start > TimeSpan.FromHours(24))
        {
            return DomainError.Invalid("shifts", "invalid-shift", "Each shift has startsAt and endsAt, ending after it starts, at most 24 hours long.");
        }

        if (capacity is not (>= 1 and <= 1000))
        {
            return DomainError.Invalid("shifts", "invalid-capacity", "A shift takes 1 to 1000 volunteers.");
        }

        return new Shift
        {
            Id = Guid.CreateVersion7(),
            ActivityId = activityId,
            StartsAt = start,
            EndsAt = end,
            Capacity = capacity.Value,
        };
    }

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => StartsAt < end && start < EndsAt;
}
