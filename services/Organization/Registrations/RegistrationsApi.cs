using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.Organization.Data;
using Platform.Organization.Indices;

namespace Platform.Organization.Registrations;

public sealed record SubmitRegistrationRequest(
    [property: Required] Guid PersonId,
    [property: Required] Guid CommunityId,
    [property: Required] Guid PlacementOrganizationId,
    Guid? GridId,
    IReadOnlyCollection<string>? Pledges
);

public sealed record DecisionRequest(string? Note);

/// <summary>A registration as the community's staff confirm it: who (the name masked, as in every list) and from which unit.</summary>
public sealed record RegistrationResponse(
    Guid Id,
    Guid PersonId,
    string MemberName,
    Guid CommunityId,
    Guid UnitOrganizationId,
    string UnitName,
    Guid PlacementOrganizationId,
    Guid? GridId,
    IReadOnlyList<string> Pledges,
    [property: OneOf<RegistrationStatus>] string Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt,
    string? DecisionNote
)
{
    public static RegistrationResponse From(InServiceRegistration r, IReadOnlyDictionary<Guid, string> names) =>
        new(
            r.Id,
            r.PersonId,
            Mask.Name(names.GetValueOrDefault(r.PersonId, "?")),
            r.CommunityId,
            r.UnitOrganizationId,
            names.GetValueOrDefault(r.UnitOrganizationId, "?"),
            r.PlacementOrganizationId,
            r.GridId,
            r.Pledges,
            r.Status.ToString(),
            r.SubmittedAt,
            r.DecidedAt,
            r.DecisionNote
        );

    /// <summary>The answers for some registrations, with their members' and units' names read in two queries.</summary>
    public static async Task<List<RegistrationResponse>> ManyAsync(
        OrganizationDbContext db,
        IReadOnlyCollection<InServiceRegistration> registrations,
        CancellationToken ct
    )
    {
        var people = registrations.Select(r => r.PersonId).Distinct().ToList();
        var units = registrations.Select(r => r.UnitOrganizationId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        foreach (var (id, name) in await db.PartyOrganizations.AsNoTracking().Where(o => units.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct))
        {
            names[id] = name;
        }

        return [.. registrations.Select(r => From(r, names))];
    }

    public static async Task<RegistrationResponse> OneAsync(OrganizationDbContext db, InServiceRegistration registration, CancellationToken ct) =>
        (await ManyAsync(db, [registration], ct))[0];
}

/// <summary>A report row: how many in-service members registered (confirmed) and how many of them are active.</summary>
public sealed record RegistrationReportRow(Guid Id, string Name, int Registered, int Active);

public static class RegistrationsApi
{
    /// <summary>A registered member counts as active with at least one attended activity in this many days.</summary>
    public const int ActiveWindowDays = 90;

    public static RouteGroupBuilder MapRegistrationsApi(this RouteGroupBuilder api)
    {
        var registrations = api.MapGroup("/registrations").WithTags("In-service registration");
        registrations
            .MapPost("/", Submit)
            .WithName("SubmitRegistration")
            .Idempotent()
            .Allow([.. Roles.Organizers, Roles.PartyMember])
            .WithDescription("A party member registers themself with their home community; organizers register members for their community.")
            .Refuses(400, "invalid-placement", "unknown-person")
            .Refuses(403, "out-of-scope")
            .Refuses(409, "not-in-service-member", "registration-open")
            .Refuses(400, "invalid-pledges")
            .Refuses(409, "not-organized-in-a-unit");
        registrations
            .MapGet("/", List)
            .WithName("ListRegistrations")
            .Allow([.. Roles.Organizers, Roles.PartyMember])
            .Refuses(400, "invalid-page", "invalid-page-size", "invalid-status");
        registrations.MapPost("/{id:guid}/confirm", Confirm).WithName("ConfirmRegistration").Allow(Roles.Organizers).Refuses(404, "registration-not-found");
        registrations
            .MapPost("/{id:guid}/decline", Decline)
            .WithName("DeclineRegistration")
            .Allow(Roles.Organizers)
            .Refuses(404, "registration-not-found")
            .Refuses(409, "registration-decided")
            .Refuses(400, "decline-reason-required");
        registrations
            .MapGet("/report", Report)
            .WithName("RegistrationReport")
            .Allow(Roles.Organizers)
            .WithDescription(
                "Per community or per unit (by=community|unit): confirmed registrations and how many of those members attended "
                    + $"an activity in the last {ActiveWindowDays} days."
            )
            .Refuses(400, "invalid-report-grouping");
        return api;
    }

    public static async Task<Results<Created<RegistrationResponse>, ProblemHttpResult>> Submit(
        SubmitRegistrationRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!caller.IsPerson(request.PersonId) && !(caller.IsIn([.. Roles.Organizers]) && caller.CoversCommunity(request.CommunityId)))
        {
            return Problems.OutOfScope("registration (yourself, or a community you work for)");
        }

        var member = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PersonId, ct);
        if (member is null)
        {
            return Problems.From(DomainError.Invalid("personId", "unknown-person", $"No person with id {request.PersonId}."));
        }

        if (!await db.Communities.AnyAsync(c => c.Id == request.CommunityId, ct))
        {
            return Problems.From(DomainError.Invalid("communityId", "unknown-community", $"No community with id {request.CommunityId}."));
        }

        var placement = await db.PartyOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.PlacementOrganizationId, ct);
        if (placement is null)
        {
            return Problems.From(
                DomainError.Invalid("placementOrganizationId", "unknown-organization", $"No organization with id {request.PlacementOrganizationId}.")
            );
        }

        var unit = member.Membership is { } m ? await db.PartyOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == m.OrganizationId, ct) : null;
        var open = await db.Registrations.AnyAsync(
            r => r.PersonId == member.Id && (r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.Confirmed),
            ct
        );
        if (
            !InServiceRegistration
                .Submit(member, unit, placement, request.CommunityId, request.GridId, request.Pledges, open, clock.GetUtcNow())
                .TryGet(out var submitted, out var error)
        )
        {
            return Problems.From(error);
        }

        db.Registrations.Add(submitted);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/registrations/{submitted.Id}", await RegistrationResponse.OneAsync(db, submitted, ct));
    }

    public static async Task<Results<Ok<Page<RegistrationResponse>>, ProblemHttpResult>> List(
        Caller caller,
        OrganizationDbContext db,
        Guid? communityId,
        Guid? unitOrganizationId,
        Guid? personId,
        [OneOf<RegistrationStatus>] string? status,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var statusFilter = EnumInput.ParseOptional<RegistrationStatus>(status, "status");
        if ((paging.Error ?? statusFilter.Error) is { } error)
        {
            return Problems.From(error);
        }

        var query = db.Registrations.AsNoTracking().VisibleTo(caller, InServiceRegistration.Scope);
        query = communityId is { } c ? query.Where(r => r.CommunityId == c) : query;
        query = unitOrganizationId is { } u ? query.Where(r => r.UnitOrganizationId == u) : query;
        query = personId is { } p ? query.Where(r => r.PersonId == p) : query;
        query = statusFilter.Value is { } s ? query.Where(r => r.Status == s) : query;
        var found = await query.OrderByDescending(r => r.SubmittedAt).ToPageAsync(paging.Value, r => r, ct);
        return TypedResults.Ok(
            new Page<RegistrationResponse>(await RegistrationResponse.ManyAsync(db, found.Items, ct), found.PageNumber, found.PageSize, found.TotalCount)
        );
    }

    public static Task<Results<Ok<RegistrationResponse>, ProblemHttpResult>> Confirm(
        Guid id,
        DecisionRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => DecideAsync(id, caller, db, ct, r => r.Confirm(clock.GetUtcNow(), request.Note), publish: true);

    public static Task<Results<Ok<RegistrationResponse>, ProblemHttpResult>> Decline(
        Guid id,
        DecisionRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => DecideAsync(id, caller, db, ct, r => r.Decline(clock.GetUtcNow(), request.Note), publish: false);

    public static async Task<Results<Ok<IReadOnlyList<RegistrationReportRow>>, ProblemHttpResult>> Report(
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        string? by,
        CancellationToken ct
    )
    {
        if (by is not ("community" or "unit" or null))
        {
            return Problems.From(DomainError.Invalid("by", "invalid-report-grouping", "by must be community or unit."));
        }

        var now = clock.GetUtcNow();
        var since = now.AddDays(-ActiveWindowDays);
        var recent = await db.Activities.AsNoTracking().Where(a => a.HeldAt >= since && a.HeldAt <= now).ToListAsync(ct);
        var active = recent.SelectMany(a => a.Attendance).Where(x => x.Attended).Select(x => x.PersonId).ToHashSet();
        var confirmed = await db
            .Registrations.VisibleTo(caller, InServiceRegistration.Scope)
            .Where(r => r.Status == RegistrationStatus.Confirmed)
            .Select(r => new
            {
                r.CommunityId,
                r.UnitOrganizationId,
                r.PersonId,
            })
            .ToListAsync(ct);
        var counts = confirmed
            .GroupBy(r => by == "unit" ? r.UnitOrganizationId : r.CommunityId)
            .Select(g => new
            {
                g.Key,
                Registered = g.Count(),
                Active = g.Count(x => active.Contains(x.PersonId)),
            })
            .ToList();
        var keys = counts.Select(c => c.Key).ToList();
        var names =
            by == "unit"
                ? await db.PartyOrganizations.Where(o => keys.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct)
                : await db.Communities.Where(c => keys.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        IReadOnlyList<RegistrationReportRow> rows =
        [
            .. counts.Select(c => new RegistrationReportRow(c.Key, names.GetValueOrDefault(c.Key, "?"), c.Registered, c.Active)).OrderBy(r => r.Name),
        ];
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult>> DecideAsync(
        Guid id,
        Caller caller,
        OrganizationDbContext db,
        CancellationToken ct,
        Func<InServiceRegistration, DomainError?> decide,
        bool publish
    )
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (registration is null || !caller.CoversCommunity(registration.CommunityId))
        {
            return Problems.NotFound("registration", id);
        }

        if (decide(registration) is { } error)
        {
            return Problems.From(error);
        }

        if (publish)
        {
            await OwnInputs.RegistrationConfirmedAsync(db, registration, ct);
            var member = await db.People.FirstAsync(p => p.Id == registration.PersonId, ct);
            member.RegisterWith(registration.CommunityId, registration.DecidedAt!.Value);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await RegistrationResponse.OneAsync(db, registration, ct));
    }
}
