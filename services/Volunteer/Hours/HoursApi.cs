using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.Time;
using Platform.Volunteer.Data;

namespace Platform.Volunteer.Hours;

public sealed record CorrectHoursRequest([property: Required] decimal? Hours, [property: Required] string? Reason);

/// <summary>Hours served without the app: whose, at which activity, on which day, how long, and why recorded by hand.</summary>
public sealed record RecordHoursRequest(
    [property: Required] Guid VolunteerId,
    [property: Required] Guid ActivityId,
    DateOnly? ServedOn,
    [property: Required] decimal? Hours,
    string? Note
);

public sealed record CertificateRequest(DateOnly? From, DateOnly? To);

public sealed record HoursResponse(
    Guid Id,
    Guid VolunteerId,
    Guid ActivityId,
    string Activity,
    DateOnly ServedOn,
    decimal Hours,
    [property: OneOf<HoursStatus>] string Status,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    IReadOnlyList<HoursCorrection> Corrections,
    string? RecordedBy,
    string? RecordNote
)
{
    public static HoursResponse From(ServiceHoursRecord r) =>
        new(
            r.Id,
            r.VolunteerId,
            r.ActivityId,
            r.ActivityTitle,
            r.ServedOn,
            r.Hours,
            r.Status.ToString(),
            r.ApprovedBy,
            r.ApprovedAt,
            r.Corrections,
            r.RecordedBy,
            r.RecordNote
        );
}

public sealed record CertificateResponse(
    string Number,
    Guid VolunteerId,
    string VolunteerName,
    string VolunteerNumber,
    DateOnly From,
    DateOnly To,
    decimal TotalHours,
    IReadOnlyList<CertificateLine> Lines,
    string IssuedBy,
    DateOnly IssuedOn
)
{
    public static CertificateResponse Of(Certificate c) =>
        new(c.Number, c.VolunteerId, c.VolunteerName, c.VolunteerNumber, c.From, c.To, c.TotalHours, c.Lines, c.IssuedBy, c.IssuedOn);
}

public sealed class VolunteerOptions
{
    /// <summary>Whoever records certifies (谁记录谁证明): the organization that records the hours and signs the certificates.</summary>
    public string IssuingOrganization { get; set; } = "河西街道新时代文明实践所";
}

public static class HoursApi
{
    public static RouteGroupBuilder MapHoursApi(this RouteGroupBuilder api)
    {
        var hours = api.MapGroup("/hours").WithTags("Service hours and certificates").OnAnyRecord(VolunteerWork.CadresRunEverything, Roles.SubdistrictCadre);
        hours
            .MapGet("/", List)
            .WithName("ListServiceHours")
            .AllowSignedIn()
            .WithDescription("Organizers see every record (filter by volunteer, activity, status); a volunteer their own.")
            .Refuses(400, "invalid-page", "invalid-page-size", "invalid-status");
        hours
            .MapPost("/", RecordByHand)
            .WithName("RecordServiceHours")
            .Idempotent()
            .Allow(Roles.Organizers)
            .WithDescription(
                "An organizer records hours for a volunteer who served without the app (who recorded them and why are kept); "
                    + "pending approval like any record. One record per volunteer, activity and day."
            )
            .Refuses(400, "invalid-hours", "note-required", "unknown-activity")
            .Refuses(409, "hours-already-recorded")
            .Refuses(400, "served-in-future", "unknown-volunteer");
        hours
            .MapPost("/{id:guid}/approve", Approve)
            .WithName("ApproveServiceHours")
            .Allow(Roles.Organizers)
            .Refuses(404, "hours-not-found")
            .Refuses(409, "hours-already-approved");
        hours
            .MapPost("/{id:guid}/correct", Correct)
            .WithName("CorrectServiceHours")
            .Allow(Roles.Organizers)
            .WithDescription("Changes the hours with a reason; the correction is kept with the record.")
            .Refuses(400, "reason-required")
            .Refuses(404, "hours-not-found");

        api.MapPost("/volunteers/{id:guid}/certificates", Issue)
            .WithTags("Service hours and certificates")
            .WithName("IssueCertificate")
            .Idempotent()
            .AllowSignedIn()
            .OnAnyRecord("organizers certify any volunteer's approved hours (whoever records certifies); a volunteer only their own", Roles.Organizers)
            .WithDescription(
                "A certificate of the volunteer's approved hours in a period: the volunteer (or an organizer) asks, the "
                    + "recording organization issues it with a number."
            )
            .Refuses(404, "volunteer-not-found")
            .Refuses(409, "no-approved-hours");
        api.MapGet("/certificates/{number}", Verify)
            .WithTags("Service hours and certificates")
            .WithName("VerifyCertificate")
            .AllowSignedIn()
            .WithDescription("Looks a certificate up by its number, to check it is genuine.")
            .Refuses(404, "certificate-not-found");
        return api;
    }

    public static async Task<Results<Ok<Page<HoursResponse>>, ProblemHttpResult>> List(
        Caller caller,
        VolunteerDbContext db,
        Guid? volunteerId,
        Guid? activityId,
        [OneOf<HoursStatus>] string? status,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var statusFilter = EnumInput.ParseOptional<HoursStatus>(status, "status");
        if ((paging.Error ?? statusFilter.Error) is { } error)
        {
            return Problems.From(error);
        }

        var query = db.Hours.AsNoTracking().VisibleTo(caller, ServiceHoursRecord.Scope);
        query = volunteerId is { } v ? query.Where(h => h.VolunteerId == v) : query;
        query = activityId is { } a ? query.Where(h => h.ActivityId == a) : query;
        query = statusFilter.Value is { } s ? query.Where(h => h.Status == s) : query;
        return TypedResults.Ok(await query.OrderByDescending(h => h.ServedOn).ThenBy(h => h.Id).ToPageAsync(paging.Value, HoursResponse.From, ct));
    }

    public static async Task<Results<Created<HoursResponse>, ProblemHttpResult>> RecordByHand(
        RecordHoursRequest request,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.ActivityId, ct);
        if (activity is null || !caller.Manages(activity.CommunityId))
        {
            return Problems.From(DomainError.Invalid("activityId", "unknown-activity", $"No activity {request.ActivityId} that you run."));
        }

        var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == request.VolunteerId, ct);
        if (volunteer is null)
        {
            return Problems.From(DomainError.Invalid("volunteerId", "unknown-volunteer", $"No volunteer {request.VolunteerId}."));
        }

        var servedOn = request.ServedOn ?? clock.Today();
        if (await db.Hours.AnyAsync(h => h.VolunteerId == volunteer.Id && h.ActivityId == activity.Id && h.ServedOn == servedOn, ct))
        {
            return Problems.From(
                DomainError.Conflict(
                    "hours-already-recorded",
                    $"{volunteer.Name}'s hours at this activity on {servedOn:yyyy-MM-dd} are on record already: correct them instead."
                )
            );
        }

        var outcome = ServiceHoursRecord.RecordByHand(
            volunteer.Id,
            volunteer.AccountSubject,
            volunteer.PersonId,
            activity.Id,
            activity.Title,
            servedOn,
            request.Hours,
            request.Note,
            caller.Name,
            clock.Today()
        );
        if (!outcome.TryGet(out var recorded, out var error))
        {
            return Problems.From(error);
        }

        db.Hours.Add(recorded);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/volunteer/hours/{recorded.Id}", HoursResponse.From(recorded));
    }

    /// <summary>A record of hours is changed by whoever runs its activity's community (the admin anywhere).</summary>
    private static async Task<ServiceHoursRecord?> ManagedAsync(Guid id, Caller caller, VolunteerDbContext db, CancellationToken ct)
    {
        var found = await (
            from h in db.Hours
            join a in db.Activities on h.ActivityId equals a.Id
            where h.Id == id
            select new { Record = h, a.CommunityId }
        ).FirstOrDefaultAsync(ct);
        return found is not null && caller.Manages(found.CommunityId) ? found.Record : null;
    }

    public static async Task<Results<Ok<HoursResponse>, ProblemHttpResult>> Approve(
        Guid id,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var record = await ManagedAsync(id, caller, db, ct);
        if (record is null)
        {
            return Problems.NotFound("hours", id);
        }

        if (!record.Approve(caller.Name, clock.GetUtcNow()).TryGet(out var approved, out var error))
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(HoursResponse.From(record));
    }

    public static async Task<Results<Ok<HoursResponse>, ProblemHttpResult>> Correct(
        Guid id,
        CorrectHoursRequest request,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var record = await ManagedAsync(id, caller, db, ct);
        if (record is null)
        {
            return Problems.NotFound("hours", id);
        }

        if (!record.Correct(request.Hours, request.Reason, caller.Name, clock.GetUtcNow()).TryGet(out var corrected, out var error))
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(HoursResponse.From(record));
    }

    public static async Task<Results<Created<CertificateResponse>, ProblemHttpResult>> Issue(
        Guid id,
        CertificateRequest request,
        Caller caller,
        VolunteerDbContext db,
        IOptions<VolunteerOptions> options,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (volunteer is null || !Volunteers.Volunteer.Scope.Covers(caller, volunteer))
        {
            return Problems.NotFound("volunteer", id);
        }

        var approved = await db.Hours.AsNoTracking().Where(h => h.VolunteerId == id && h.Status == HoursStatus.Approved).ToListAsync(ct);
        if (
            !Certificate
                .Issue(volunteer, request.From, request.To, approved, options.Value.IssuingOrganization, clock.Today())
                .TryGet(out var issued, out var error)
        )
        {
            return Problems.From(error);
        }

        db.Certificates.Add(issued);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/volunteer/certificates/{issued.Number}", CertificateResponse.Of(issued));
    }

    public static async Task<Results<Ok<CertificateResponse>, ProblemHttpResult>> Verify(string number, VolunteerDbContext db, CancellationToken ct) =>
        await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, ct) is { } certificate
            ? TypedResults.Ok(CertificateResponse.Of(certificate))
            : Problems.From(DomainError.NotFound("certificate-not-found", $"No certificate numbered {number}."));
}
