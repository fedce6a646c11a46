using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Grid.Data;
using Platform.Grid.Grids;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Visits;

public sealed record ContactDayRequest([property: Required] DateOnly? Date, [property: Required] string? Title, IReadOnlyCollection<Guid>? CommunityIds);

public sealed record ContactDayResponse(Guid Id, DateOnly Date, string Title, IReadOnlyList<Guid> CommunityIds);

public sealed record VisitRequest(
    [property: Required] Guid GridId,
    Guid? BuildingId,
    string? Household,
    Guid? ContactDayId,
    DateTimeOffset? VisitedAt,
    [property: Required] string? Findings,
    string? FollowUp,
    bool RaisesCase,
    string? CaseCategory,
    double? Latitude,
    double? Longitude
);

public sealed record VisitResponse(
    Guid Id,
    Guid GridId,
    Guid CommunityId,
    Guid? BuildingId,
    string? Household,
    Guid VisitorPersonId,
    Guid? ContactDayId,
    DateTimeOffset VisitedAt,
    string Findings,
    string? FollowUp,
    bool RaisesCase,
    string? CaseCategory
)
{
    public static VisitResponse From(Visit v) =>
        new(
            v.Id,
            v.GridId,
            v.CommunityId,
            v.BuildingId,
            v.Household,
            v.VisitorPersonId,
            v.ContactDayId,
            v.VisitedAt,
            v.Findings,
            v.FollowUp,
            v.RaisesCase,
            v.CaseCategory
        );
}

public sealed record CoverageRow(Guid GridId, string Code, string Name, Guid CommunityId, int Visits, DateTimeOffset? LastVisitAt);

/// <summary>Which grids were visited in a period and which were not.</summary>
public sealed record CoverageResponse(
    DateOnly From,
    DateOnly To,
    int Grids,
    int Visited,
    double Share,
    IReadOnlyList<CoverageRow> Rows,
    IReadOnlyList<string> NotVisited
);

public static class VisitsApi
{
    public static RouteGroupBuilder MapVisitsApi(this RouteGroupBuilder api)
    {
        var days = api.MapGroup("/contact-days").WithTags("Contact days and visits");
        days.MapPost("/", Schedule)
            .WithName("ScheduleContactDay")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin, Roles.SubdistrictCadre)
            .Refuses(400, "date-required", "invalid-title", "unknown-community");
        days.MapGet("/", ListDays).WithName("ListContactDays").Allow(Roles.Staff).Refuses(400, "invalid-page", "invalid-page-size");

        var visits = api.MapGroup("/visits").WithTags("Contact days and visits");
        visits
            .MapPost("/", LogVisit)
            .WithName("LogVisit")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin, Roles.SubdistrictCadre, Roles.CommunityStaff, Roles.GridStaff)
            .WithDescription(
                "The caller logs a visit they made to a grid in their scope. raisesCase=true sends it to the Workflow service as a case from channel \"visit\"."
            )
            .Refuses(400, "case-category-required", "invalid-visit-time", "visitor-person-required")
            .Refuses(403, "out-of-scope")
            .Refuses(400, "invalid-household", "unknown-building", "unknown-contact-day");
        visits.MapGet("/", ListVisits).WithName("ListVisits").Allow(Roles.Staff).Refuses(400, "invalid-page", "invalid-page-size");
        visits
            .MapGet("/coverage", Coverage)
            .WithName("VisitCoverage")
            .Allow(Roles.Staff)
            .WithDescription("For a period (from, to inclusive): each active grid in the caller's scope, how often it was visited, and the grids not visited.")
            .Refuses(400, "invalid-period");
        return api;
    }

    public static async Task<Results<Created<ContactDayResponse>, ProblemHttpResult>> Schedule(
        ContactDayRequest request,
        GridDbContext db,
        CancellationToken ct
    )
    {
        if (!ContactDay.Schedule(request.Date, request.Title, request.CommunityIds).TryGet(out var scheduled, out var error))
        {
            return Problems.From(error);
        }

        var day = scheduled;
        var known = await db.Communities.Where(c => day.CommunityIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        if (day.CommunityIds.Except(known).ToList() is [var unknown, ..])
        {
            return Problems.From(DomainError.Invalid("communityIds", "unknown-community", $"No community with id {unknown} is known."));
        }

        db.ContactDays.Add(day);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/grid/contact-days/{day.Id}", new ContactDayResponse(day.Id, day.Date, day.Title, day.CommunityIds));
    }

    public static async Task<Results<Ok<Page<ContactDayResponse>>, ProblemHttpResult>> ListDays(
        GridDbContext db,
        DateOnly? from,
        DateOnly? to,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var query = db.ContactDays.AsNoTracking();
        query = from is { } f ? query.Where(d => d.Date >= f) : query;
        query = to is { } t ? query.Where(d => d.Date <= t) : query;
        return TypedResults.Ok(
            await query.OrderByDescending(d => d.Date).ToPageAsync(paging, d => new ContactDayResponse(d.Id, d.Date, d.Title, d.CommunityIds), ct)
        );
    }

    public static async Task<Results<Created<VisitResponse>, ProblemHttpResult>> LogVisit(
        VisitRequest request,
        Caller caller,
        GridDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (caller.PersonId is not { } visitor)
        {
            return Problems.From(
                DomainError.Invalid(
                    "visitor",
                    "visitor-person-required",
                    "Visits are logged by the person who made them: the caller's account has no person record."
                )
            );
        }

        var grid = await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == request.GridId, ct);
        if (grid is null || !grid.IsActive)
        {
            return Problems.From(DomainError.Invalid("gridId", "unknown-grid", $"No active grid with id {request.GridId}."));
        }

        if (!GridEntity.Scope.Covers(caller, grid))
        {
            return Problems.OutOfScope("grid");
        }

        if (request.BuildingId is { } building && !await db.Buildings.AnyAsync(b => b.Id == building && b.GridId == grid.Id, ct))
        {
            return Problems.From(DomainError.Invalid("buildingId", "unknown-building", $"No building {building} in grid {grid.Code}."));
        }

        if (request.ContactDayId is { } day && !await db.ContactDays.AnyAsync(d => d.Id == day, ct))
        {
            return Problems.From(DomainError.Invalid("contactDayId", "unknown-contact-day", $"No contact day {day}."));
        }

        if (!Geo.OptionalPointAt(request.Latitude, request.Longitude).TryGet(out var location, out var pointError))
        {
            return Problems.From(pointError);
        }

        var now = clock.GetUtcNow();
        var outcome = Visit.Log(
            grid.Id,
            grid.CommunityId,
            request.BuildingId,
            request.Household,
            visitor,
            request.ContactDayId,
            request.VisitedAt,
            request.Findings,
            request.FollowUp,
            request.RaisesCase,
            request.CaseCategory,
            location,
            now
        );
        if (!outcome.TryGet(out var logged, out var error))
        {
            return Problems.From(error);
        }

        db.Visits.Add(logged);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/grid/visits/{logged.Id}", VisitResponse.From(logged));
    }

    public static async Task<Results<Ok<Page<VisitResponse>>, ProblemHttpResult>> ListVisits(
        Caller caller,
        GridDbContext db,
        Guid? gridId,
        Guid? communityId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        bool? raisesCase,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var query = db.Visits.AsNoTracking().VisibleTo(caller, Visit.Scope);
        query = gridId is { } g ? query.Where(v => v.GridId == g) : query;
        query = communityId is { } c ? query.Where(v => v.CommunityId == c) : query;
        query = from is { } f ? query.Where(v => v.VisitedAt >= f) : query;
        query = to is { } t ? query.Where(v => v.VisitedAt < t) : query;
        query = raisesCase is { } r ? query.Where(v => v.RaisesCase == r) : query;
        return TypedResults.Ok(await query.OrderByDescending(v => v.VisitedAt).ToPageAsync(paging, VisitResponse.From, ct));
    }

    public static async Task<Results<Ok<CoverageResponse>, ProblemHttpResult>> Coverage(
        Caller caller,
        GridDbContext db,
        DateOnly? from,
        DateOnly? to,
        Guid? communityId,
        CancellationToken ct
    )
    {
        if (from is not { } start || to is not { } end || end < start || end.DayNumber - start.DayNumber > 366)
        {
            return Problems.From(
                DomainError.Invalid("from", "invalid-period", "from and to (dates, inclusive) are required, to not before from, at most a year apart.")
            );
        }

        var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var grids = db.Grids.AsNoTracking().Where(g => g.Status == GridStatus.Active).VisibleTo(caller, GridEntity.Scope);
        grids = communityId is { } c ? grids.Where(g => g.CommunityId == c) : grids;
        var rows = await grids
            .OrderBy(g => g.Code)
            .Select(g => new CoverageRow(
                g.Id,
                g.Code,
                g.Name,
                g.CommunityId,
                db.Visits.Count(v => v.GridId == g.Id && v.VisitedAt >= since && v.VisitedAt < until),
                db.Visits.Where(v => v.GridId == g.Id && v.VisitedAt >= since && v.VisitedAt < until).Max(v => (DateTimeOffset?)v.VisitedAt)
            ))
            .ToListAsync(ct);
        var visited = rows.Count(r => r.Visits > 0);
        return TypedResults.Ok(
            new CoverageResponse(
                start,
                end,
                rows.Count,
                visited,
                rows.Count == 0 ? 0 : Math.Round((double)visited / rows.Count, 4),
                rows,
                [.. rows.Where(r => r.Visits == 0).Select(r => r.Code)]
            )
        );
    }
}
