using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.BuildingBlocks.Time;
using Platform.Organization.Data;
using Platform.Organization.PartyOrganizations;

namespace Platform.Organization.MemberUnits;

public sealed record SharedResourceInput([property: OneOf<ResourceKind>] [property: Required] string? Kind, string? Description);

public sealed record JoinAllianceRequest(
    [property: Required] string? Name,
    [property: OneOf<UnitKind>] [property: Required] string? Kind,
    Guid? PartyOrganizationId,
    string? ContactName,
    string? ContactPhone,
    IReadOnlyCollection<SharedResourceInput>? SharedResources,
    IReadOnlyCollection<string>? ServiceFields,
    DateOnly? JoinedOn
);

public sealed record MemberUnitResponse(
    Guid Id,
    string Name,
    [property: OneOf<UnitKind>] string Kind,
    Guid? PartyOrganizationId,
    string ContactName,
    string? ContactPhone,
    IReadOnlyList<SharedResource> SharedResources,
    IReadOnlyList<string> ServiceFields,
    DateOnly JoinedOn
)
{
    public static MemberUnitResponse From(MemberUnit u) =>
        new(u.Id, u.Name, u.Kind.ToString(), u.PartyOrganizationId, u.ContactName, u.ContactPhone?.Masked, u.SharedResources, u.ServiceFields, u.JoinedOn);
}

public sealed record AgreedTaskInput([property: Required] string? Description, [property: Required] Guid ResponsibleUnitId, DateOnly? Due);

public sealed record RecordMeetingRequest(
    [property: Required] DateOnly HeldOn,
    [property: Required] string? Topic,
    [property: Required] IReadOnlyCollection<Guid>? AttendingUnitIds,
    IReadOnlyCollection<AgreedTaskInput>? Tasks
);

public sealed record CompleteRequest(string? Outcome);

public sealed record MeetingResponse(Guid Id, DateOnly HeldOn, string Topic, IReadOnlyList<Guid> AttendingUnitIds, IReadOnlyList<AgreedTask> Tasks)
{
    public static MeetingResponse From(AllianceMeeting m) => new(m.Id, m.HeldOn, m.Topic, m.AttendingUnitIds, m.Tasks);
}

public static class MemberUnitsApi
{
    public static RouteGroupBuilder MapMemberUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/member-units").WithTags("Member units and the alliance");
        units
            .MapPost("/", Join)
            .WithName("JoinAlliance")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin, Roles.SubdistrictCadre)
            .Refuses(400, "invalid-kind", "invalid-phone", "invalid-shared-resources-kind", "unknown-unit-organization")
            .Refuses(409, "duplicate-unit")
            .Refuses(400, "contact-required", "invalid-resources", "invalid-service-fields", "invalid-unit-name");
        units
            .MapGet("/", List)
            .WithName("ListMemberUnits")
            .Allow([.. Roles.Staff, Roles.UnitLiaison])
            .WithDescription("Every member unit for staff; a unit liaison sees their own unit.")
            .Refuses(400, "invalid-kind", "invalid-page", "invalid-page-size");
        units.MapGet("/{id:guid}", Get).WithName("GetMemberUnit").Allow([.. Roles.Staff, Roles.UnitLiaison]).Refuses(404, "member-unit-not-found");

        var meetings = api.MapGroup("/alliance/meetings").WithTags("Member units and the alliance");
        meetings
            .MapPost("/", RecordMeeting)
            .WithName("RecordAllianceMeeting")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin, Roles.SubdistrictCadre)
            .Refuses(400, "invalid-topic", "unknown-unit")
            .Refuses(400, "invalid-task", "no-attendees");
        meetings
            .MapGet("/", ListMeetings)
            .WithName("ListAllianceMeetings")
            .Allow([.. Roles.Staff, Roles.UnitLiaison])
            .Refuses(400, "invalid-page", "invalid-page-size");
        meetings
            .MapPost("/{id:guid}/tasks/{taskId:guid}/done", CompleteTask)
            .WithName("CompleteAllianceTask")
            .Allow(Roles.SubdistrictAdmin, Roles.SubdistrictCadre, Roles.UnitLiaison)
            .OnAnyRecord(
                "the alliance (共驻共建) is the subdistrict's: its cadres follow up every meeting's tasks; a liaison only their unit's",
                Roles.SubdistrictCadre
            )
            .WithDescription("The responsible unit's liaison, or the subdistrict, marks an agreed task done.")
            .Refuses(403, "out-of-scope")
            .Refuses(404, "meeting-not-found")
            .Refuses(409, "task-done")
            .Refuses(400, "outcome-required")
            .Refuses(404, "task-not-found");
        return api;
    }

    public static async Task<Results<Created<MemberUnitResponse>, ProblemHttpResult>> Join(
        JoinAllianceRequest request,
        OrganizationDbContext db,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!EnumInput.Parse<UnitKind>(request.Kind, "kind").TryGet(out var kind, out var kindError))
        {
            return Problems.From(kindError);
        }

        var resources = new List<SharedResource>();
        foreach (var r in request.SharedResources ?? [])
        {
            if (!EnumInput.Parse<ResourceKind>(r.Kind, "sharedResources.kind").TryGet(out var resourceKind, out var resourceError))
            {
                return Problems.From(resourceError);
            }

            resources.Add(new SharedResource(resourceKind, r.Description ?? ""));
        }

        if (
            request.PartyOrganizationId is { } orgId
            && !await db.PartyOrganizations.AnyAsync(
                o =>
                    o.Id == orgId
                    && o.Status == OrganizationStatus.Active
                    && (o.Kind == OrganizationKind.MemberUnitOrganization || o.Kind == OrganizationKind.NewEconomicSocialOrganization),
                ct
            )
        )
        {
            return Problems.From(
                DomainError.Invalid("partyOrganizationId", "unknown-unit-organization", $"No active unit party organization with id {orgId}.")
            );
        }

        ProtectedValue? phone = null;
        if (!string.IsNullOrWhiteSpace(request.ContactPhone))
        {
            if (!PhoneNumber.Parse(request.ContactPhone, "contactPhone").TryGet(out var parsed, out var phoneError))
            {
                return Problems.From(phoneError);
            }

            phone = protector.Protect(parsed.Value, Mask.Phone);
        }

        if (!string.IsNullOrWhiteSpace(request.Name) && await db.MemberUnits.AnyAsync(u => u.Name == request.Name.Trim(), ct))
        {
            return Problems.From(DomainError.Conflict("duplicate-unit", $"{request.Name.Trim()} is already in the alliance."));
        }

        var now = clock.GetUtcNow();
        var outcome = MemberUnit.Join(
            request.Name,
            kind,
            request.PartyOrganizationId,
            request.ContactName,
            phone,
            resources,
            request.ServiceFields,
            request.JoinedOn ?? clock.DateOf(now),
            now
        );
        if (!outcome.TryGet(out var joined, out var error))
        {
            return Problems.From(error);
        }

        db.MemberUnits.Add(joined);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/member-units/{joined.Id}", MemberUnitResponse.From(joined));
    }

    public static async Task<Results<Ok<Page<MemberUnitResponse>>, ProblemHttpResult>> List(
        Caller caller,
        OrganizationDbContext db,
        string? serviceField,
        [OneOf<UnitKind>] string? kind,
        string? search,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var kindFilter = EnumInput.ParseOptional<UnitKind>(kind, "kind");
        if ((paging.Error ?? kindFilter.Error) is { } error)
        {
            return Problems.From(error);
        }

        var query = db.MemberUnits.AsNoTracking().VisibleTo(caller, MemberUnit.Scope);
        query = string.IsNullOrWhiteSpace(serviceField) ? query : query.Where(u => u.ServiceFields.Contains(serviceField.Trim()));
        query = kindFilter.Value is { } k ? query.Where(u => u.Kind == k) : query;
        query = string.IsNullOrWhiteSpace(search) ? query : query.Where(u => EF.Functions.ILike(u.Name, $"%{search.Trim()}%"));
        return TypedResults.Ok(await query.OrderBy(u => u.Name).ToPageAsync(paging.Value, MemberUnitResponse.From, ct));
    }

    public static async Task<Results<Ok<MemberUnitResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, OrganizationDbContext db, CancellationToken ct)
    {
        var unit = await db.MemberUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        return unit is null || !MemberUnit.Scope.Covers(caller, unit) ? Problems.NotFound("member-unit", id) : TypedResults.Ok(MemberUnitResponse.From(unit));
    }

    public static async Task<Results<Created<MeetingResponse>, ProblemHttpResult>> RecordMeeting(
        RecordMeetingRequest request,
        OrganizationDbContext db,
        CancellationToken ct
    )
    {
        var attending = request.AttendingUnitIds ?? [];
        var tasks = request.Tasks ?? [];
        var named = attending.Concat(tasks.Select(t => t.ResponsibleUnitId)).Distinct().ToList();
        var known = await db.MemberUnits.Where(u => named.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (named.Except(known).ToList() is [var unknown, ..])
        {
            return Problems.From(DomainError.Invalid("attendingUnitIds", "unknown-unit", $"No member unit with id {unknown}."));
        }

        if (
            !AllianceMeeting
                .Record(request.HeldOn, request.Topic, attending, [.. tasks.Select(t => (t.Description ?? "", t.ResponsibleUnitId, t.Due))])
                .TryGet(out var recorded, out var error)
        )
        {
            return Problems.From(error);
        }

        db.AllianceMeetings.Add(recorded);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/alliance/meetings/{recorded.Id}", MeetingResponse.From(recorded));
    }

    public static async Task<Results<Ok<Page<MeetingResponse>>, ProblemHttpResult>> ListMeetings(
        OrganizationDbContext db,
        bool? openTasks,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var all = await db.AllianceMeetings.AsNoTracking().OrderByDescending(m => m.HeldOn).ToListAsync(ct);
        var filtered = openTasks == true ? all.Where(m => m.Tasks.Any(t => t.Status == TaskStatus.Open)).ToList() : all;
        return TypedResults.Ok(filtered.ToPage(paging, MeetingResponse.From));
    }

    public static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> CompleteTask(
        Guid id,
        Guid taskId,
        CompleteRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var meeting = await db.AllianceMeetings.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return Problems.NotFound("meeting", id);
        }

        if (
            !caller.IsIn(Roles.SubdistrictAdmin, Roles.SubdistrictCadre)
            && !caller.CoversUnit(meeting.Tasks.FirstOrDefault(t => t.Id == taskId)?.ResponsibleUnitId)
        )
        {
            return Problems.OutOfScope("task (it is another unit's)");
        }

        if (meeting.CompleteTask(taskId, request.Outcome, clock.GetUtcNow()) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MeetingResponse.From(meeting));
    }
}
