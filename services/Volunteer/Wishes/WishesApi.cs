using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Volunteer.Data;

namespace Platform.Volunteer.Wishes;

public sealed record WishRequest(Guid? CommunityId, [property: Required] string? Title, string? Description);

public sealed record ClaimWishRequest([property: RequiredWhen("a unit liaison claims (a party member claims for themselves)")] Guid? UnitId);

public sealed record FulfilRequest(string? Note);

/// <summary>A wish as others see it: never who posted it.</summary>
public sealed record WishResponse(
    Guid Id,
    Guid? CommunityId,
    string Title,
    string Description,
    [property: OneOf<WishStatus>] string Status,
    bool Mine,
    bool ClaimedByMe,
    Guid? ClaimerUnitId,
    string? FulfilmentNote,
    DateTimeOffset PostedAt
)
{
    public static WishResponse From(Wish w, Caller caller) =>
        new(
            w.Id,
            w.CommunityId,
            w.Title,
            w.Description,
            w.Status.ToString(),
            w.OwnerSubject == caller.Subject,
            w.ClaimerSubject == caller.Subject,
            w.ClaimerUnitId,
            w.FulfilmentNote,
            w.PostedAt
        );
}

public static class WishesApi
{
    public static RouteGroupBuilder MapWishesApi(this RouteGroupBuilder api)
    {
        var wishes = api.MapGroup("/wishes").WithTags("Small wishes");
        wishes
            .MapPost("/", Post)
            .WithName("PostWish")
            .Idempotent()
            .AllowSignedIn()
            .WithDescription("A resident in need posts a small wish (微心愿); who posted it is never shown.")
            .Refuses(400, "invalid-wish");
        wishes
            .MapGet("/", List)
            .WithName("ListWishes")
            .AllowSignedIn()
            .WithDescription("Open wishes for everyone to take up; mine=true for the caller's own and the ones they claimed.")
            .Refuses(400, "invalid-page", "invalid-page-size");
        wishes
            .MapPost("/{id:guid}/claim", Claim)
            .WithName("ClaimWish")
            .Allow(Roles.PartyMember, Roles.UnitLiaison)
            .OnAnyRecord("party members and member units claim any posted wish (微心愿认领)")
            .WithDescription("A party member claims it for themself; a unit liaison for their unit (unitId).")
            .Refuses(400, "unit-required")
            .Refuses(404, "wish-not-found")
            .Refuses(409, "wish-taken")
            .Refuses(409, "own-wish");
        wishes
            .MapPost("/{id:guid}/fulfil", Fulfil)
            .WithName("FulfilWish")
            .Allow(Roles.PartyMember, Roles.UnitLiaison)
            .Refuses(403, "out-of-scope")
            .Refuses(404, "wish-not-found")
            .Refuses(400, "invalid-note")
            .Refuses(409, "wish-not-claimed");
        wishes
            .MapPost("/{id:guid}/confirm", Confirm)
            .WithName("ConfirmWish")
            .AllowSignedIn()
            .WithDescription("The resident confirms the wish came true; WishFulfilled is published.")
            .Refuses(403, "out-of-scope")
            .Refuses(404, "wish-not-found")
            .Refuses(409, "wish-not-fulfilled");
        return api;
    }

    public static async Task<Results<Created<WishResponse>, ProblemHttpResult>> Post(
        WishRequest request,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!Wish.Post(caller.Subject, request.CommunityId, request.Title, request.Description, clock.GetUtcNow()).TryGet(out var posted, out var error))
        {
            return Problems.From(error);
        }

        db.Wishes.Add(posted);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/volunteer/wishes/{posted.Id}", WishResponse.From(posted, caller));
    }

    public static async Task<Results<Ok<Page<WishResponse>>, ProblemHttpResult>> List(
        Caller caller,
        VolunteerDbContext db,
        bool? mine,
        Guid? communityId,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var query = db.Wishes.AsNoTracking();
        query =
            mine == true
                ? query.Where(w => w.OwnerSubject == caller.Subject || w.ClaimerSubject == caller.Subject)
                : query.Where(w => w.Status == WishStatus.Posted || w.OwnerSubject == caller.Subject || w.ClaimerSubject == caller.Subject);
        query = communityId is { } c ? query.Where(w => w.CommunityId == c) : query;
        return TypedResults.Ok(await query.OrderByDescending(w => w.PostedAt).ToPageAsync(paging, w => WishResponse.From(w, caller), ct));
    }

    public static async Task<Results<Ok<WishResponse>, ProblemHttpResult>> Claim(
        Guid id,
        ClaimWishRequest request,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        Guid? unit = null;
        if (request.UnitId is { } requested)
        {
            if (!caller.IsIn(Roles.UnitLiaison) || !caller.CoversUnit(requested))
            {
                return Problems.OutOfScope("unit");
            }

            unit = requested;
        }
        else if (!caller.IsIn(Roles.PartyMember))
        {
            return Problems.From(DomainError.Invalid("unitId", "unit-required", "A unit liaison claims for their unit: give unitId."));
        }

        return await ChangeAsync(id, caller, db, ct, w => w.Claim(caller.Subject, unit is null ? caller.PersonId : null, unit, clock.GetUtcNow()));
    }

    public static Task<Results<Ok<WishResponse>, ProblemHttpResult>> Fulfil(
        Guid id,
        FulfilRequest request,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ChangeAsync(id, caller, db, ct, w => w.Fulfil(caller.Subject, request.Note, clock.GetUtcNow()));

    public static async Task<Results<Ok<WishResponse>, ProblemHttpResult>> Confirm(
        Guid id,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var wish = await db.Wishes.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (wish is null)
        {
            return Problems.NotFound("wish", id);
        }

        if (!wish.Confirm(caller.Subject, clock.GetUtcNow()).TryGet(out var confirmed, out var error))
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WishResponse.From(wish, caller));
    }

    private static async Task<Results<Ok<WishResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id,
        Caller caller,
        VolunteerDbContext db,
        CancellationToken ct,
        Func<Wish, DomainError?> change
    )
    {
        var wish = await db.Wishes.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (wish is null)
        {
            return Problems.NotFound("wish", id);
        }

        if (change(wish) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WishResponse.From(wish, caller));
    }
}
