using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.Time;
using Platform.Volunteer.Data;
using Platform.Volunteer.Hours;
using Platform.Volunteer.Projects;
using Platform.Volunteer.Volunteers;

namespace Platform.Volunteer.Activities;

public sealed record ShiftRequest([property: Required] DateTimeOffset? StartsAt, [property: Required] DateTimeOffset? EndsAt, int? Capacity);

public sealed record ActivityRequest(
    Guid? ProjectId,
    Guid? CommunityId,
    [property: Required] string? Title,
    string? Place,
    double? Latitude,
    double? Longitude,
    int? RadiusMeters,
    IReadOnlyCollection<string>? RequiredSkills,
    bool AllowWaitlist,
    bool AutoApproveHours,
    [property: Required] IReadOnlyList<ShiftRequest>? Shifts
);

public sealed record ShiftResponse(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int Confirmed, int Waitlisted);

/// <summary>An activity; the check-in code only for those who run it.</summary>
public sealed record ActivityResponse(
    Guid Id,
    Guid? ProjectId,
    Guid? CommunityId,
    string Title,
    string Place,
    double? Latitude,
    double? Longitude,
    int RadiusMeters,
    IReadOnlyList<string> RequiredSkills,
    bool AllowWaitlist,
    bool AutoApproveHours,
    [property: OneOf<ActivityStatus>] string Status,
    string? CheckInCode,
    IReadOnlyList<ShiftResponse> Shifts
);

public sealed record CheckRequest(string? Code, double? Latitude, double? Longitude);

public sealed record SignUpResponse(
    Guid Id,
    Guid ShiftId,
    Guid ActivityId,
    Guid VolunteerId,
    [property: OneOf<SignUpStatus>] string Status,
    DateTimeOffset ShiftStartsAt,
    DateTimeOffset ShiftEndsAt,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? CheckedOutAt
)
{
    public static SignUpResponse From(SignUp s) =>
        new(s.Id, s.ShiftId, s.ActivityId, s.VolunteerId, s.Status.ToString(), s.ShiftStartsAt, s.ShiftEndsAt, s.CheckedInAt, s.CheckedOutAt);
}

public static class ActivitiesApi
{
    public static RouteGroupBuilder MapActivitiesApi(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags("Activities and shifts").OnAnyRecord(VolunteerWork.CadresRunEverything, Roles.SubdistrictCadre);
        activities
            .MapPost("/", Plan)
            .WithName("PlanActivity")
            .Idempotent()
            .Allow(Roles.Organizers)
            .WithDescription(
                "An activity under a project (or alone) with its shifts, as a Draft that only those who run it see; a full "
                    + "shift takes a waitlist when allowWaitlist is set."
            )
            .Refuses(400, "invalid-activity", "invalid-radius", "project-not-running")
            .Refuses(403, "out-of-scope")
            .Refuses(400, "invalid-capacity", "invalid-location", "invalid-shift");
        activities
            .MapPost("/{id:guid}/publish", Publish)
            .WithName("PublishActivity")
            .Allow(Roles.Organizers)
            .WithDescription("Opens a drafted activity to sign-ups.")
            .Refuses(404, "activity-not-found")
            .Refuses(409, "activity-not-draft");
        activities
            .MapGet("/", List)
            .WithName("ListActivities")
            .AllowSignedIn()
            .Refuses(400, "invalid-kind", "invalid-page", "invalid-page-size", "invalid-status");
        activities.MapGet("/{id:guid}", Get).WithName("GetActivity").AllowSignedIn().Refuses(404, "activity-not-found");
        activities.MapGet("/{id:guid}/sign-ups", Roster).WithName("ActivityRoster").Allow(Roles.Organizers).Refuses(404, "activity-not-found");
        activities
            .MapPost("/{id:guid}/complete", Complete)
            .WithName("CompleteActivity")
            .Allow(Roles.Organizers)
            .WithDescription("Closes the activity: confirmed volunteers who never checked in are recorded as no-shows; ActivityCompleted is published.")
            .Refuses(404, "activity-not-found")
            .Refuses(409, "activity-closed");
        activities
            .MapPost("/{id:guid}/shifts/{shiftId:guid}/sign-ups", SignUpFor)
            .WithName("SignUpForShift")
            .Idempotent()
            .AllowSignedIn()
            .OnAnyRecord("a registered volunteer signs up for any activity, wherever it is")
            .WithDescription("The caller (a registered volunteer) takes a seat, or a place on the waitlist; never two overlapping shifts.")
            .Refuses(409, "activity-not-published", "already-signed-up", "double-booked", "not-a-volunteer", "shift-full", "skills-missing")
            .Refuses(404, "shift-not-found")
            .Refuses(409, "shift-closed");

        var signUps = api.MapGroup("/sign-ups").WithTags("Activities and shifts").OnAnyRecord(VolunteerWork.CadresRunEverything, Roles.SubdistrictCadre);
        signUps.MapGet("/mine", Mine).WithName("MySignUps").AllowSignedIn();
        signUps
            .MapPost("/{id:guid}/cancel", Cancel)
            .WithName("CancelSignUp")
            .Idempotent()
            .AllowSignedIn()
            .WithDescription("A freed seat goes to the first on the waitlist.")
            .Refuses(404, "sign-up-not-found")
            .Refuses(409, "cannot-cancel");
        signUps
            .MapPost("/{id:guid}/check-in", CheckIn)
            .WithName("CheckIn")
            .Idempotent()
            .AllowSignedIn()
            .WithDescription(
                "With the code shown at the venue, or latitude and longitude within the activity's radius; from 30 minutes before the shift until it ends."
            )
            .Refuses(400, "outside-check-in-window", "outside-radius", "wrong-check-in-code")
            .Refuses(404, "sign-up-not-found")
            .Refuses(409, "already-checked-in")
            .Refuses(400, "check-in-proof-required", "no-venue-location")
            .Refuses(409, "not-confirmed");
        signUps
            .MapPost("/{id:guid}/check-out", CheckOut)
            .WithName("CheckOut")
            .Idempotent()
            .AllowSignedIn()
            .WithDescription(
                "Records the hours served inside the shift (quarter hours), pending the organizer's approval unless the activity approves them itself."
            )
            .Refuses(404, "sign-up-not-found")
            .Refuses(409, "already-checked-out", "shift-not-started")
            .Refuses(400, "check-in-proof-required", "no-venue-location", "outside-check-out-window");
        return api;
    }

    private static bool Runs(Caller caller, Guid? communityId) => caller.Manages(communityId);

    public static async Task<Results<Created<ActivityResponse>, ProblemHttpResult>> Plan(
        ActivityRequest request,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var communityId = request.CommunityId;
        if (request.ProjectId is { } projectId)
        {
            var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct);
            if (project is null || project.Status is ProjectStatus.Draft or ProjectStatus.Completed or ProjectStatus.Evaluated)
            {
                return Problems.From(DomainError.Invalid("projectId", "project-not-running", "Activities belong to a published, claimed or running project."));
            }

            communityId = project.CommunityId;
        }

        if (!Runs(caller, communityId))
        {
            return Problems.OutOfScope("community");
        }

        var now = clock.GetUtcNow();
        var outcome = Activity.Plan(
            request.ProjectId,
            communityId,
            request.Title,
            request.Place,
            request.Latitude,
            request.Longitude,
            request.RadiusMeters,
            request.RequiredSkills,
            request.AllowWaitlist,
            request.AutoApproveHours,
            now
        );
        if (!outcome.TryGet(out var planned, out var error))
        {
            return Problems.From(error);
        }

        var activity = planned;
        if (request.Shifts is not { Count: > 0 and <= Activity.MaxShifts } shiftRequests)
        {
            return Problems.From(DomainError.Invalid("shifts", "shifts-required", $"An activity has 1 to {Activity.MaxShifts} shifts."));
        }

        var shifts = new List<Shift>();
        foreach (var s in shiftRequests)
        {
            if (!Shift.Of(activity.Id, s.StartsAt, s.EndsAt, s.Capacity).TryGet(out var shift, out var shiftError))
            {
                return Problems.From(shiftError);
            }

            shifts.Add(shift);
        }

        db.Activities.Add(activity);
        db.Shifts.AddRange(shifts);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(
            $"/api/volunteer/activities/{activity.Id}",
            Response(activity, [.. shifts.Select(s => new ShiftResponse(s.Id, s.StartsAt, s.EndsAt, s.Capacity, 0, 0))], showCode: true)
        );
    }

    public static async Task<Results<Ok<Page<ActivityResponse>>, ProblemHttpResult>> List(
        Caller caller,
        VolunteerDbContext db,
        Guid? projectId,
        [OneOf<ActivityStatus>] string? status,
        DateTimeOffset? from,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var statusFilter = EnumInput.ParseOptional<ActivityStatus>(status, "status");
        if ((paging.Error ?? statusFilter.Error) is { } error)
        {
            return Problems.From(error);
        }

        var query = db.Activities.AsNoTracking();
        if (!caller.SeesWholeSubdistrict && !caller.IsIn(Roles.SubdistrictCadre))
        {
            // Drafts are seen by those who run them: community staff their community's.
            var mine = caller.Communities.Select(c => (Guid?)c).ToList();
            query = query.Where(a => a.Status != ActivityStatus.Draft || mine.Contains(a.CommunityId));
        }

        query = projectId is { } p ? query.Where(a => a.ProjectId == p) : query;
        query = statusFilter.Value is { } s ? query.Where(a => a.Status == s) : query;
        query = from is { } f ? query.Where(a => db.Shifts.Any(x => x.ActivityId == a.Id && x.EndsAt >= f)) : query;
        var activities = await query.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).ToPageAsync(paging.Value, a => a, ct);
        var shifts = await ShiftsAsync(db, [.. activities.Items.Select(a => a.Id)], ct);
        return TypedResults.Ok(
            new Page<ActivityResponse>(
                [.. activities.Items.Select(a => Response(a, shifts[a.Id].ToList(), Runs(caller, a.CommunityId)))],
                activities.PageNumber,
                activities.PageSize,
                activities.TotalCount
            )
        );
    }

    public static async Task<Results<Ok<ActivityResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, VolunteerDbContext db, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || (activity.Status == ActivityStatus.Draft && !Runs(caller, activity.CommunityId)))
        {
            return Problems.NotFound("activity", id);
        }

        var shifts = await ShiftsAsync(db, [id], ct);
        return TypedResults.Ok(Response(activity, shifts[id].ToList(), Runs(caller, activity.CommunityId)));
    }

    public static async Task<Results<Ok<IReadOnlyList<SignUpResponse>>, ProblemHttpResult>> Roster(
        Guid id,
        Caller caller,
        VolunteerDbContext db,
        CancellationToken ct
    )
    {
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !Runs(caller, activity.CommunityId))
        {
            return Problems.NotFound("activity", id);
        }

        var rows = await db.SignUps.AsNoTracking().Where(s => s.ActivityId == id).OrderBy(s => s.ShiftStartsAt).ThenBy(s => s.SignedUpAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<SignUpResponse>>([.. rows.Select(SignUpResponse.From)]);
    }

    public static async Task<Results<Created<SignUpResponse>, ProblemHttpResult>> SignUpFor(
        Guid id,
        Guid shiftId,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var volunteer = await VolunteersApi.OfCallerAsync(db, caller, ct);
        if (volunteer is null)
        {
            return Problems.From(DomainError.Conflict("not-a-volunteer", "Register as a volunteer first: POST /api/volunteer/volunteers."));
        }

        await using var transaction = await db.BeginUnlessOpenAsync(ct);
        // The shift's row lock makes sign-ups for one shift take turns: the last seat goes to exactly one.
        var shift = await db.Shifts.FromSql($"SELECT * FROM shifts WHERE id = {shiftId} AND activity_id = {id} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (shift is null)
        {
            return Problems.NotFound("shift", shiftId);
        }

        // And the volunteer's row lock keeps one volunteer's sign-ups in order: no double booking by racing.
        await db.Volunteers.FromSql($"SELECT * FROM volunteers WHERE id = {volunteer.Id} FOR UPDATE").SingleAsync(ct);
        var activity = await db.Activities.AsNoTracking().FirstAsync(a => a.Id == id, ct);
        var confirmed = await db.SignUps.CountAsync(s => s.ShiftId == shift.Id && s.Status == SignUpStatus.Confirmed, ct);
        var active = await db
            .SignUps.AsNoTracking()
            .Where(s => s.VolunteerId == volunteer.Id && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted))
            .ToListAsync(ct);
        if (
            !SignUp
                .Take(shift, activity, volunteer.Id, confirmed, active, volunteer.HasSkills(activity.RequiredSkills), clock.GetUtcNow())
                .TryGet(out var taken, out var error)
        )
        {
            return Problems.From(error);
        }

        db.SignUps.Add(taken);
        await db.SaveChangesAsync(ct);
        await transaction.CommitIfOwnAsync(ct);
        return TypedResults.Created($"/api/volunteer/sign-ups/{taken.Id}", SignUpResponse.From(taken));
    }

    public static async Task<Ok<IReadOnlyList<SignUpResponse>>> Mine(Caller caller, VolunteerDbContext db, CancellationToken ct)
    {
        var rows = await (
            from s in db.SignUps.AsNoTracking()
            join v in db.Volunteers.AsNoTracking() on s.VolunteerId equals v.Id
            where v.AccountSubject == caller.Subject
            orderby s.ShiftStartsAt descending
            select s
        ).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<SignUpResponse>>([.. rows.Select(SignUpResponse.From)]);
    }

    public static async Task<Results<Ok<SignUpResponse>, ProblemHttpResult>> Cancel(Guid id, Caller caller, VolunteerDbContext db, CancellationToken ct)
    {
        await using var transaction = await db.BeginUnlessOpenAsync(ct);
        var signUp = await db.SignUps.FirstOrDefaultAsync(s => s.Id == id, ct);
        var activity = signUp is null ? null : await db.Activities.AsNoTracking().FirstAsync(a => a.Id == signUp.ActivityId, ct);
        if (signUp is null || !(await IsOwnAsync(db, caller, signUp, ct) || Runs(caller, activity!.CommunityId)))
        {
            return Problems.NotFound("sign-up", id);
        }

        await db.Shifts.FromSql($"SELECT * FROM shifts WHERE id = {signUp.ShiftId} FOR UPDATE").SingleAsync(ct);
        if (!signUp.Cancel().TryGet(out var cancelled, out var error))
        {
            return Problems.From(error);
        }

        if (
            cancelled
            && await db
                .SignUps.Where(s => s.ShiftId == signUp.ShiftId && s.Status == SignUpStatus.Waitlisted)
                .OrderBy(s => s.SignedUpAt)
                .ThenBy(s => s.Id)
                .FirstOrDefaultAsync(ct)
                is { } next
        )
        {
            next.Promote();
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitIfOwnAsync(ct);
        return TypedResults.Ok(SignUpResponse.From(signUp));
    }

    public static async Task<Results<Ok<SignUpResponse>, ProblemHttpResult>> CheckIn(
        Guid id,
        CheckRequest request,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var signUp = await db.SignUps.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (signUp is null || !await IsOwnAsync(db, caller, signUp, ct))
        {
            return Problems.NotFound("sign-up", id);
        }

        var activity = await db.Activities.AsNoTracking().FirstAsync(a => a.Id == signUp.ActivityId, ct);
        if (signUp.CheckIn(activity, request.Code, request.Latitude, request.Longitude, clock.GetUtcNow()) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SignUpResponse.From(signUp));
    }

    public static async Task<Results<Ok<SignUpResponse>, ProblemHttpResult>> CheckOut(
        Guid id,
        CheckRequest request,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var signUp = await db.SignUps.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (signUp is null || !await IsOwnAsync(db, caller, signUp, ct))
        {
            return Problems.NotFound("sign-up", id);
        }

        var now = clock.GetUtcNow();
        var activity = await db.Activities.AsNoTracking().FirstAsync(a => a.Id == signUp.ActivityId, ct);
        if (!signUp.CheckOut(activity, request.Code, request.Latitude, request.Longitude, now).TryGet(out var served, out var error))
        {
            return Problems.From(error);
        }

        var volunteer = await db.Volunteers.AsNoTracking().FirstAsync(v => v.Id == signUp.VolunteerId, ct);
        var record = ServiceHoursRecord.Record(
            signUp.Id,
            volunteer.Id,
            volunteer.AccountSubject,
            volunteer.PersonId,
            activity.Id,
            activity.Title,
            clock.DateOf(signUp.ShiftStartsAt),
            served
        );
        if (activity.AutoApproveHours)
        {
            record.Approve("auto-approved", now);
        }

        db.Hours.Add(record);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SignUpResponse.From(signUp));
    }

    public static async Task<Results<Ok<ActivityResponse>, ProblemHttpResult>> Publish(Guid id, Caller caller, VolunteerDbContext db, CancellationToken ct)
    {
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !Runs(caller, activity.CommunityId))
        {
            return Problems.NotFound("activity", id);
        }

        if (activity.Publish() is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        var shifts = await ShiftsAsync(db, [id], ct);
        return TypedResults.Ok(Response(activity, shifts[id].ToList(), showCode: true));
    }

    public static async Task<Results<Ok<ActivityResponse>, ProblemHttpResult>> Complete(
        Guid id,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !Runs(caller, activity.CommunityId))
        {
            return Problems.NotFound("activity", id);
        }

        var signUps = await db.SignUps.Where(s => s.ActivityId == id && s.Status == SignUpStatus.Confirmed).ToListAsync(ct);
        var attendedVolunteers = signUps.Where(s => s.CheckedInAt is not null).Select(s => s.VolunteerId).Distinct().ToList();
        var people = await db.Volunteers.Where(v => attendedVolunteers.Contains(v.Id) && v.PersonId != null).Select(v => v.PersonId!.Value).ToListAsync(ct);
        var units = activity.ProjectId is { } projectId
            ? (await db.Projects.AsNoTracking().FirstAsync(p => p.Id == projectId, ct)).ConfirmedClaims.Select(c => c.UnitId).ToList()
            : [];
        var absent = signUps.Where(s => s.CheckedInAt is null).ToList();
        if (activity.Complete(new ActivityAttendance(units, people, attendedVolunteers.Count, absent.Count), clock.GetUtcNow()) is { } error)
        {
            return Problems.From(error);
        }

        foreach (var signUp in absent)
        {
            signUp.MarkNoShow();
        }

        await db.SaveChangesAsync(ct);
        var shifts = await ShiftsAsync(db, [id], ct);
        return TypedResults.Ok(Response(activity, shifts[id].ToList(), showCode: true));
    }

    private static Task<bool> IsOwnAsync(VolunteerDbContext db, Caller caller, SignUp signUp, CancellationToken ct) =>
        db.Volunteers.AnyAsync(v => v.Id == signUp.VolunteerId && v.AccountSubject == caller.Subject, ct);

    private static async Task<ILookup<Guid, ShiftResponse>> ShiftsAsync(VolunteerDbContext db, List<Guid> activityIds, CancellationToken ct)
    {
        var rows = await db
            .Shifts.AsNoTracking()
            .Where(s => activityIds.Contains(s.ActivityId))
            .OrderBy(s => s.StartsAt)
            .Select(s => new
            {
                s.ActivityId,
                Shift = new ShiftResponse(
                    s.Id,
                    s.StartsAt,
                    s.EndsAt,
                    s.Capacity,
                    db.SignUps.Count(x => x.ShiftId == s.Id && x.Status == SignUpStatus.Confirmed),
                    db.SignUps.Count(x => x.ShiftId == s.Id && x.Status == SignUpStatus.Waitlisted)
                ),
            })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.ActivityId, r => r.Shift);
    }

    private static ActivityResponse Response(Activity a, IReadOnlyList<ShiftResponse> shifts, bool showCode) =>
        new(
            a.Id,
            a.ProjectId,
            a.CommunityId,
            a.Title,
            a.Place,
            a.Latitude,
            a.Longitude,
            a.RadiusMeters,
            a.RequiredSkills,
            a.AllowWaitlist,
            a.AutoApproveHours,
            a.Status.ToString(),
            showCode ? a.CheckInCode : null,
            shifts
        );
}
