using Platform.BuildingBlocks.Domain;

namespace Platform.Volunteer.Activities;

public enum SignUpStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,

    /// <summary>Confirmed, but never checked in by the time the activity closed.</summary>
    NoShow,
}

/// <summary>A volunteer's place in a shift: confirmed or waiting, then checked in and out at the venue.</summary>
public sealed class SignUp
{
    /// <summary>Check-in opens this long before the shift starts.</summary>
    public static readonly TimeSpan EarlyCheckIn = TimeSpan.FromMinutes(30);

    /// <summary>Check-out closes this long after the shift ends.</summary>
    public static readonly TimeSpan LateCheckOut = TimeSpan.FromHours(2);

    private SignUp() { }

    public Guid Id { get; private set; }

    public Guid ShiftId { get; private set; }

    public Guid ActivityId { get; private set; }

    public Guid VolunteerId { get; private set; }

    public SignUpStatus Status { get; private set; }

    public DateTimeOffset ShiftStartsAt { get; private set; }

    public DateTimeOffset ShiftEndsAt { get; private set; }

    public DateTimeOffset SignedUpAt { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    public bool IsActive => Status is SignUpStatus.Confirmed or SignUpStatus.Waitlisted;

    /// <summary>
    /// Takes a seat in a shift or a place on its waitlist. The caller holds the shift's row lock, so
    /// <paramref name="confirmed"/> is exact: of two simultaneous sign-ups for the last seat, one gets it.
    /// </summary>
    public static Result<SignUp> Take(
        Shift shift,
        Activity activity,
        Guid volunteerId,
        int confirmed,
        IReadOnlyCollection<SignUp> volunteersActive,
        bool hasSkills,
        DateTimeOffset now
    )
    {
        if (activity.Status == ActivityStatus.Draft)
        {
            return DomainError.Conflict("activity-not-published", "The activity is not published yet.");
        }

        if (activity.Status != ActivityStatus.Open || shift.EndsAt <= now)
        {
            return DomainError.Conflict("shift-closed", "The activity is closed or the shift is over.");
        }

        if (!hasSkills)
        {
            return DomainError.Conflict("skills-missing", $"The activity needs: {string.Join(", ", activity.RequiredSkills)}.");
        }

        if (volunteersActive.FirstOrDefault(s => s.ShiftStartsAt < shift.EndsAt && shift.StartsAt < s.ShiftEndsAt) is { } clash)
        {
            return DomainError.Conflict(
                clash.ShiftId == shift.Id ? "already-signed-up" : "double-booked",
                clash.ShiftId == shift.Id ? "You are already signed up for this shift." : "You are signed up for another shift at the same time."
            );
        }

        var status =
            confirmed < shift.Capacity ? SignUpStatus.Confirmed
            : activity.AllowWaitlist ? SignUpStatus.Waitlisted
            : (SignUpStatus?)null;
        if (status is null)
        {
            return DomainError.Conflict("shift-full", "The shift is full and the activity keeps no waitlist.");
        }

        return new SignUp
        {
            Id = Guid.CreateVersion7(),
            ShiftId = shift.Id,
            ActivityId = activity.Id,
            VolunteerId = volunteerId,
            Status = status.Value,
            ShiftStartsAt = shift.StartsAt,
            ShiftEndsAt = shift.EndsAt,
            SignedUpAt = now,
        };
    }

    /// <summary>Cancels; true when a confirmed seat was freed (the first on the waitlist then moves up).</summary>
    public Result<bool> Cancel()
    {
        if (!IsActive || CheckedInAt is not null)
        {
            return DomainError.Conflict("cannot-cancel", CheckedInAt is not null ? "You have checked in already." : $"The sign-up is {Status}.");
        }

        var freed = Status == SignUpStatus.Confirmed;
        Status = SignUpStatus.Cancelled;
        return freed;
    }

    public void Promote() => Status = SignUpStatus.Confirmed;

    public DomainError? CheckIn(Activity activity, string? code, double? latitude, double? longitude, DateTimeOffset now)
    {
        if (Status != SignUpStatus.Confirmed)
        {
            return DomainError.Conflict("not-confirmed", $"Only a confirmed sign-up checks in (this one is {Status}).");
        }

        if (CheckedInAt is not null)
        {
            return DomainError.Conflict("already-checked-in", "You have checked in already.");
        }

        if (now < ShiftStartsAt - EarlyCheckIn || now > ShiftEndsAt)
        {
            return DomainError.Invalid(
                "at",
                "outside-check-in-window",
                $"Check-in is open from {EarlyCheckIn.TotalMinutes:0} minutes before the shift until it ends."
            );
        }

        if (Verify(activity, code, latitude, longitude) is { } error)
        {
            return error;
        }

        CheckedInAt = now;
        return null;
    }

    public Result<decimal> CheckOut(Activity activity, string? code, double? latitude, double? longitude, DateTimeOffset now)
    {
        if (CheckedInAt is not { } checkedIn || CheckedOutAt is not null)
        {
            return DomainError.Conflict(
                CheckedInAt is null ? "not-checked-in" : "already-checked-out",
                CheckedInAt is null ? "Check in first." : "You have checked out already."
            );
        }

        if (now < ShiftStartsAt)
        {
            return DomainError.Conflict(
                "shift-not-started",
                $"The shift starts at {ShiftStartsAt:yyyy-MM-dd HH:mm} UTC: nothing has been served yet to check out from (cancel instead if you cannot stay)."
            );
        }

        if (now > ShiftEndsAt + LateCheckOut)
        {
            return DomainError.Invalid("at", "outside-check-out-window", $"Check-out closes {LateCheckOut.TotalHours:0} hours after the shift ends.");
        }

        if (Verify(activity, code, latitude, longitude) is { } error)
        {
            return error;
        }

        CheckedOutAt = now;
        return HoursServed(checkedIn, now);
    }

    public void MarkNoShow() => Status = SignUpStatus.NoShow;

    /// <summary>The time served inside the shift, in quarter hours (rounded down).</summary>
    public decimal HoursServed(DateTimeOffset checkedIn, DateTimeOffset checkedOut)
    {
        var from = checkedIn > ShiftStartsAt ? checkedIn : ShiftStartsAt;
        var to = checkedOut < ShiftEndsAt ? checkedOut : ShiftEndsAt;
        var quarters = Math.Max(0, (int)Math.Floor((to - from).TotalMinutes / 15));
        return quarters / 4m;
    }

    private static DomainError? Verify(Activity activity, string? code, double? latitude, double? longitude)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            return code.Trim() == activity.CheckInCode
                ? null
                : DomainError.Invalid("code", "wrong-check-in-code", "The code is not the one shown at the venue.");
        }

        if (latitude is { } lat && longitude is { } lng)
        {
            var distance = activity.DistanceTo(lat, lng);
            return distance is null
                    ? DomainError.Invalid("latitude", "no-venue-location", "This activity has no location; check in with the code shown at the venue.")
                : distance <= activity.RadiusMeters ? null
                : DomainError.Invalid("latitude", "outside-radius", $"You are {distance:0} m from the venue; check-in is within {activity.RadiusMeters} m.");
        }

        return DomainError.Invalid("code", "check-in-proof-required", "Give the code shown at the venue, or your latitude and longitude.");
    }
}
