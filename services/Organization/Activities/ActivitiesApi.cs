using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Organization.Data;
using Platform.Organization.Indices;
using Platform.Organization.PartyOrganizations;

namespace Platform.Organization.Activities;

public sealed record HoldActivityRequest(
    [property: Required] Guid OrganizationId,
    [property: OneOf<ActivityKind>] [property: Required] string? Kind,
    [property: Required] string? Title,
    [property: Required] DateTimeOffset HeldAt,
    string? Location
);

public sealed record AttendanceEntry([property: Required] Guid PersonId, bool Attended, string? Note);

public sealed record RecordAttendanceRequest([property: Required] IReadOnlyCollection<AttendanceEntry>? Attendance);

public sealed record ActivityResponse(
    Guid Id,
    Guid OrganizationId,
    [property: OneOf<ActivityKind>] string Kind,
    string Title,
    DateTimeOffset HeldAt,
    string? Location,
    int Attended,
    int Absent
)
{
    public static ActivityResponse From(PartyActivity a) =>
        new(
            a.Id,
            a.OrganizationId,
            a.Kind.ToString(),
            a.Title,
            a.HeldAt,
            a.Location,
            a.Attendance.Count(x => x.Attended),
            a.Attendance.Count(x => !x.Attended)
        );
}

public sealed record ServiceCentreItemRequest(bool Met, string? Evidence);

public sealed record ServiceCentreItemResponse([property: OneOf<ServiceCentreItem>] string Item, bool Met, string? Evidence, DateTimeOffset? UpdatedAt);

public sealed record ServiceCentreResponse(Guid CommunityId, int Met, int Of, IReadOnlyList<ServiceCentreItemResponse> Items);

public static class ActivitiesApi
{
    public static RouteGroupBuilder MapActivitiesApi(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags("Party activities");
        activities
            .MapPost("/", Hold)
            .WithName("HoldActivity")
            .Idempotent()
            .Allow(Roles.Organizers)
            .WithDescription("Organizers record an activity of an organization in a community they work for; the admin any.")
            .Refuses(400, "held-at-required", "invalid-kind", "unknown-organization");
        activities
            .MapGet("/", List)
            .WithName("ListActivities")
            .Allow([.. Roles.Organizers, Roles.PartyMember])
            .WithDescription("The party activity calendar, open to organizers and party members.")
            .Refuses(400, "invalid-kind", "invalid-page", "invalid-page-size", "invalid-status");
        activities.MapGet("/{id:guid}/attendance", GetAttendance).WithName("GetAttendance").Allow(Roles.Organizers).Refuses(404, "activity-not-found");
        activities
            .MapPut("/{id:guid}/attendance", RecordAttendance)
            .WithName("RecordAttendance")
            .Allow(Roles.Organizers)
            .Refuses(400, "unknown-person")
            .Refuses(404, "activity-not-found")
            .Refuses(400, "duplicate-attendee")
            .Refuses(409, "activity-not-held");

        var centre = api.MapGroup("/communities/{communityId:guid}/service-centre").WithTags("Service centre (four haves)");
        centre.MapGet("/", GetServiceCentre).WithName("GetServiceCentre").Allow(Roles.Staff).Refuses(404, "community-not-found");
        centre
            .MapPut("/{item}", SetServiceCentreItem)
            .WithName("SetServiceCentreItem")
            .Allow(Roles.SubdistrictAdmin, Roles.CommunityStaff)
            .Refuses(400, "evidence-required", "invalid-item")
            .Refuses(403, "out-of-scope")
            .Refuses(400, "evidence-too-long");
        return api;
    }

    public static async Task<Results<Created<ActivityResponse>, ProblemHttpResult>> Hold(
        HoldActivityRequest request,
        Caller caller,
        OrganizationDbContext db,
        CancellationToken ct
    )
    {
        if (!EnumInput.Parse<ActivityKind>(request.Kind, "kind").TryGet(out var kind, out var kindError))
        {
            return Problems.From(kindError);
        }

        var organization = await db
            .PartyOrganizations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == request.OrganizationId && o.Status == OrganizationStatus.Active, ct);
        if (organization is null)
        {
            return Problems.From(DomainError.Invalid("organizationId", "unknown-organization", $"No active organization with id {request.OrganizationId}."));
        }

        if (!caller.CoversCommunity(organization.CommunityId))
        {
            return Problems.OutOfScope("organization's community");
        }

        if (!PartyActivity.Hold(request.OrganizationId, kind, request.Title, request.HeldAt, request.Location).TryGet(out var held, out var error))
        {
            return Problems.From(error);
        }

        db.Activities.Add(held);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/activities/{held.Id}", ActivityResponse.From(held));
    }

    public static async Task<Results<Ok<Page<ActivityResponse>>, ProblemHttpResult>> List(
        OrganizationDbContext db,
        Guid? organizationId,
        [OneOf<ActivityKind>] string? kind,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var kindFilter = EnumInput.ParseOptional<ActivityKind>(kind, "kind");
        if ((paging.Error ?? kindFilter.Error) is { } error)
        {
            return Problems.From(error);
        }

        var query = db.Activities.AsNoTracking();
        query = organizationId is { } o ? query.Where(a => a.OrganizationId == o) : query;
        query = kindFilter.Value is { } k ? query.Where(a => a.Kind == k) : query;
        query = from is { } f ? query.Where(a => a.HeldAt >= f) : query;
        query = to is { } t ? query.Where(a => a.HeldAt < t) : query;
        return TypedResults.Ok(await query.OrderByDescending(a => a.HeldAt).ToPageAsync(paging.Value, ActivityResponse.From, ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<AttendanceEntry>>, ProblemHttpResult>> GetAttendance(
        Guid id,
        Caller caller,
        OrganizationDbContext db,
        CancellationToken ct
    )
    {
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !caller.CoversCommunity(await CommunityOfAsync(db, activity, ct)))
        {
            return Problems.NotFound("activity", id);
        }

        IReadOnlyList<AttendanceEntry> entries = [.. activity.Attendance.Select(a => new AttendanceEntry(a.PersonId, a.Attended, a.Note))];
        return TypedResults.Ok(entries);
    }

    public static async Task<Results<Ok<ActivityResponse>, ProblemHttpResult>> RecordAttendance(
        Guid id,
        RecordAttendanceRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == id, ct);
        var community = activity is null ? null : await CommunityOfAsync(db, activity, ct);
        if (activity is null || !caller.CoversCommunity(community))
        {
            return Problems.NotFound("activity", id);
        }

        var entries = request.Attendance ?? [];
        var ids = entries.Select(e => e.PersonId).Distinct().ToList();
        var known = await db.People.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (ids.Except(known).ToList() is [var unknown, ..])
        {
            return Problems.From(DomainError.Invalid("attendance", "unknown-person", $"No person with id {unknown}."));
        }

        var now = clock.GetUtcNow();
        if (activity.Record([.. entries.Select(e => new Attendance(e.PersonId, e.Attended, e.Note?.Trim()))], now) is { } error)
        {
            return Problems.From(error);
        }

        await OwnInputs.PartyActivityAsync(db, activity, community, now, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ActivityResponse.From(activity));
    }

    public static async Task<Results<Ok<ServiceCentreResponse>, ProblemHttpResult>> GetServiceCentre(
        Guid communityId,
        OrganizationDbContext db,
        CancellationToken ct
    )
    {
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, ct))
        {
            return Problems.NotFound("community", communityId);
        }

        return TypedResults.Ok(await ReadServiceCentreAsync(communityId, db, ct));
    }

    private static async Task<ServiceCentreResponse> ReadServiceCentreAsync(Guid communityId, OrganizationDbContext db, CancellationToken ct)
    {
        var checks = await db.ServiceCentreChecks.AsNoTracking().Where(c => c.CommunityId == communityId).ToListAsync(ct);
        var items = Enum.GetValues<ServiceCentreItem>()
            .Select(item =>
                checks.FirstOrDefault(c => c.Item == item) is { } c
                    ? new ServiceCentreItemResponse(item.ToString(), c.Met, c.Evidence, c.UpdatedAt)
                    : new ServiceCentreItemResponse(item.ToString(), false, null, null)
            )
            .ToList();
        return new ServiceCentreResponse(communityId, items.Count(i => i.Met), items.Count, items);
    }

    public static async Task<Results<Ok<ServiceCentreResponse>, ProblemHttpResult>> SetServiceCentreItem(
        Guid communityId,
        [OneOf<ServiceCentreItem>] string item,
        ServiceCentreItemRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!caller.CoversCommunity(communityId))
        {
            return Problems.OutOfScope("community");
        }

        if (!EnumInput.Parse<ServiceCentreItem>(item, "item").TryGet(out var parsed, out var itemError))
        {
            return Problems.From(itemError);
        }

        if (!await db.Communities.AnyAsync(c => c.Id == communityId, ct))
        {
            return Problems.NotFound("community", communityId);
        }

        var check = await db.ServiceCentreChecks.FirstOrDefaultAsync(c => c.CommunityId == communityId && c.Item == parsed, ct);
        if (check is null)
        {
            check = ServiceCentreCheck.Start(communityId, parsed);
            db.ServiceCentreChecks.Add(check);
        }

        if (check.Set(request.Met, request.Evidence, clock.GetUtcNow()) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ReadServiceCentreAsync(communityId, db, ct));
    }

    /// <summary>The community of the organization that held the activity (none for subdistrict-level organizations).</summary>
    private static Task<Guid?> CommunityOfAsync(OrganizationDbContext db, PartyActivity activity, CancellationToken ct) =>
        db.PartyOrganizations.Where(o => o.Id == activity.OrganizationId).Select(o => o.CommunityId).FirstOrDefaultAsync(ct);
}
