using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Organization.Data;
using Platform.Organization.MemberUnits;

namespace Platform.Organization.Deliberations;

public sealed record PartyInput([property: OneOf<PartyKind>] string? Kind, [property: Required] string? Name);

public sealed record ResolutionInput([property: Required] string? Text, string? FollowUpBy, DateOnly? Due);

public sealed record HoldDeliberationRequest(
    [property: Required] Guid CommunityId,
    [property: Required] string? Topic,
    [property: Required] DateTimeOffset HeldAt,
    IReadOnlyCollection<PartyInput>? Parties,
    string? Record,
    IReadOnlyCollection<ResolutionInput>? Resolutions
);

public sealed record DeliberationResponse(
    Guid Id,
    Guid CommunityId,
    string Topic,
    DateTimeOffset HeldAt,
    IReadOnlyList<DeliberationParty> Parties,
    string Record,
    IReadOnlyList<Resolution> Resolutions,
    bool Settled
)
{
    public static DeliberationResponse From(Deliberation d) => new(d.Id, d.CommunityId, d.Topic, d.HeldAt, d.Parties, d.Record, d.Resolutions, d.IsSettled);
}

public static class DeliberationsApi
{
    public static RouteGroupBuilder MapDeliberationsApi(this RouteGroupBuilder api)
    {
        var deliberations = api.MapGroup("/deliberations").WithTags("Community deliberation");
        deliberations
            .MapPost("/", Hold)
            .WithName("HoldDeliberation")
            .Idempotent()
            .Allow(Roles.Organizers)
            .Refuses(400, "parties-required", "unknown-community")
            .Refuses(403, "out-of-scope")
            .Refuses(400, "invalid-resolution", "record-required");
        deliberations.MapGet("/", List).WithName("ListDeliberations").Allow(Roles.Staff).Refuses(400, "invalid-page", "invalid-page-size");
        deliberations.MapGet("/{id:guid}", Get).WithName("GetDeliberation").Allow(Roles.Staff).Refuses(404, "deliberation-not-found");
        deliberations
            .MapPost("/{id:guid}/resolutions/{resolutionId:guid}/done", CompleteResolution)
            .WithName("CompleteResolution")
            .Allow(Roles.Organizers)
            .Refuses(404, "deliberation-not-found")
            .Refuses(400, "outcome-required")
            .Refuses(404, "resolution-not-found")
            .Refuses(409, "resolution-done");
        return api;
    }

    public static async Task<Results<Created<DeliberationResponse>, ProblemHttpResult>> Hold(
        HoldDeliberationRequest request,
        Caller caller,
        OrganizationDbContext db,
        CancellationToken ct
    )
    {
        if (!caller.CoversCommunity(request.CommunityId))
        {
            return Problems.OutOfScope("community");
        }

        if (!await db.Communities.AnyAsync(c => c.Id == request.CommunityId, ct))
        {
            return Problems.From(DomainError.Invalid("communityId", "unknown-community", $"No community with id {request.CommunityId}."));
        }

        var parties = new List<DeliberationParty>();
        foreach (var p in request.Parties ?? [])
        {
            if (!EnumInput.Parse<PartyKind>(p.Kind, "parties.kind").TryGet(out var kind, out var kindError))
            {
                return Problems.From(kindError);
            }

            parties.Add(new DeliberationParty(kind, p.Name ?? ""));
        }

        var outcome = Deliberation.Hold(
            request.CommunityId,
            request.Topic,
            request.HeldAt,
            parties,
            request.Record,
            [.. (request.Resolutions ?? []).Select(r => (r.Text ?? "", r.FollowUpBy ?? "", r.Due))]
        );
        if (!outcome.TryGet(out var held, out var error))
        {
            return Problems.From(error);
        }

        db.Deliberations.Add(held);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/deliberations/{held.Id}", DeliberationResponse.From(held));
    }

    public static async Task<Results<Ok<Page<DeliberationResponse>>, ProblemHttpResult>> List(
        Caller caller,
        OrganizationDbContext db,
        Guid? communityId,
        bool? settled,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var query = db.Deliberations.AsNoTracking().VisibleTo(caller, Deliberation.Scope);
        query = communityId is { } c ? query.Where(d => d.CommunityId == c) : query;
        var all = await query.OrderByDescending(d => d.HeldAt).ToListAsync(ct);
        var filtered = settled is { } s ? all.Where(d => d.IsSettled == s).ToList() : all;
        return TypedResults.Ok(filtered.ToPage(paging, DeliberationResponse.From));
    }

    public static async Task<Results<Ok<DeliberationResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, OrganizationDbContext db, CancellationToken ct)
    {
        var deliberation = await db.Deliberations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return deliberation is null || !Deliberation.Scope.Covers(caller, deliberation)
            ? Problems.NotFound("deliberation", id)
            : TypedResults.Ok(DeliberationResponse.From(deliberation));
    }

    public static async Task<Results<Ok<DeliberationResponse>, ProblemHttpResult>> CompleteResolution(
        Guid id,
        Guid resolutionId,
        CompleteRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var deliberation = await db.Deliberations.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deliberation is null || !Deliberation.Scope.Covers(caller, deliberation))
        {
            return Problems.NotFound("deliberation", id);
        }

        if (deliberation.CompleteResolution(resolutionId, request.Outcome, clock.GetUtcNow()) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DeliberationResponse.From(deliberation));
    }
}
