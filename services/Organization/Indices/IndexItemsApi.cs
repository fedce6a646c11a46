using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Organization.Data;

namespace Platform.Organization.Indices;

public sealed record ManualItemRequest(
    [property: Required] string? Kind,
    Guid? PersonId,
    Guid? OrganizationId,
    decimal? Quantity,
    DateTimeOffset? At,
    [property: Required] string? Reason,
    string? Evidence
);

public sealed record WithdrawItemRequest([property: Required] string? Reason);

public sealed record ManualItemResponse(
    Guid Id,
    string Kind,
    Guid? PersonId,
    Guid? OrganizationId,
    decimal Quantity,
    DateTimeOffset At,
    string? Reason,
    string? Evidence,
    string? EnteredBy,
    bool Withdrawn
)
{
    public static ManualItemResponse Of(IndexInputRecord i) =>
        new(i.Id, i.Kind, i.PersonId, i.OrganizationId, i.Quantity, i.At, i.Reason, i.Evidence, i.EnteredBy, i.Withdrawn);
}

/// <summary>
/// Items the committee enters by hand (commendations, penalties, sanctions; for organizations the reviews of
/// their leadership team and guarantees, and lagging findings), each with a reason and evidence, listed and
/// withdrawn (with a reason, kept on record). They go into the same ledger as the events and score the same way.
/// </summary>
public static class IndexItemsApi
{
    public const int MaxTextLength = 500;

    public static RouteGroupBuilder MapIndexItemsApi(this RouteGroupBuilder indices)
    {
        indices
            .MapPost("/items", Enter)
            .WithName("EnterIndexItem")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription(
                $"Enters an item by hand: kind ({string.Join(", ", InputKinds.Manual)}), for a member (personId) or an "
                    + "organization (organizationId), with a reason and evidence. A review's quantity is the points it awards."
            )
            .Refuses(400, "item-for-organizations", "item-in-future", "one-subject", "reason-required", "unknown-item-kind")
            .Refuses(404, "person-not-found")
            .Refuses(400, "invalid-quantity", "item-for-members", "item-too-old");
        indices
            .MapGet("/items", List)
            .WithName("IndexItems")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("Items entered by hand, newest first, optionally for one member or organization.")
            .Refuses(400, "invalid-page", "invalid-page-size");
        indices
            .MapPost("/items/{id:guid}/withdraw", Withdraw)
            .WithName("WithdrawIndexItem")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("Withdraws an item entered by hand, with a reason: it stays on record and counts nowhere.")
            .Refuses(400, "reason-required")
            .Refuses(404, "item-not-found");
        return indices;
    }

    public static async Task<Results<Created<ManualItemResponse>, ProblemHttpResult>> Enter(
        ManualItemRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var now = clock.GetUtcNow();
        if (Validate(request, now) is { } invalid)
        {
            return Problems.From(invalid);
        }

        var fact = new IndexFact(request.Kind!, "", request.Quantity ?? 1, request.At ?? now);
        if (request.PersonId is { } personId)
        {
            var person = await db
                .People.AsNoTracking()
                .Where(p => p.Id == personId)
                .Select(p => new { p.CommunityId, Organization = p.Membership == null ? (Guid?)null : p.Membership.OrganizationId })
                .FirstOrDefaultAsync(ct);
            if (person is null)
            {
                return Problems.NotFound("person", personId);
            }

            fact = fact with { Person = personId, Organization = person.Organization, Community = person.CommunityId };
        }
        else
        {
            var organization = await db
                .PartyOrganizations.AsNoTracking()
                .Where(o => o.Id == request.OrganizationId)
                .Select(o => new { o.CommunityId })
                .FirstOrDefaultAsync(ct);
            if (organization is null)
            {
                return Problems.NotFound("organization", request.OrganizationId!);
            }

            fact = fact with { Organization = request.OrganizationId, Community = organization.CommunityId };
        }

        var id = Guid.CreateVersion7(now);
        var item = IndexInputRecord.Manual(fact with { Source = $"manual:{id}" }, caller.Name, request.Reason!.Trim(), request.Evidence?.Trim(), now);
        db.IndexInputs.Add(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/indices/items/{item.Id}", ManualItemResponse.Of(item));
    }

    public static async Task<Results<Ok<Page<ManualItemResponse>>, ProblemHttpResult>> List(
        Guid? personId,
        Guid? organizationId,
        int? page,
        int? pageSize,
        OrganizationDbContext db,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var items = db.IndexInputs.AsNoTracking().Where(i => i.EnteredBy != null);
        items = personId is { } person ? items.Where(i => i.PersonId == person) : items;
        items = organizationId is { } organization ? items.Where(i => i.OrganizationId == organization) : items;
        return TypedResults.Ok(await items.OrderByDescending(i => i.Id).ToPageAsync(paging, ManualItemResponse.Of, ct));
    }

    public static async Task<Results<Ok<ManualItemResponse>, ProblemHttpResult>> Withdraw(
        Guid id,
        WithdrawItemRequest request,
        OrganizationDbContext db,
        CancellationToken ct
    )
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxTextLength)
        {
            return Problems.From(DomainError.Invalid("reason", "reason-required", $"Say why the item is withdrawn (at most {MaxTextLength} characters)."));
        }

        var item = await db.IndexInputs.FirstOrDefaultAsync(i => i.Id == id && i.EnteredBy != null, ct);
        if (item is null)
        {
            return Problems.NotFound("item", id);
        }

        IndexLedger.Withdraw(db, item, request.Reason.Trim());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ManualItemResponse.Of(item));
    }

    private static DomainError? Validate(ManualItemRequest request, DateTimeOffset now)
    {
        if (request.Kind is null || !InputKinds.Manual.Contains(request.Kind))
        {
            return DomainError.Invalid(
                "kind",
                "unknown-item-kind",
                $"'{request.Kind}' is not an item entered by hand: {string.Join(", ", InputKinds.Manual)}."
            );
        }

        if (request.PersonId is null == request.OrganizationId is null)
        {
            return DomainError.Invalid("personId", "one-subject", "Name either a member (personId) or an organization (organizationId).");
        }

        if (request.PersonId is not null && InputKinds.ForOrganizations.Contains(request.Kind))
        {
            return DomainError.Invalid("kind", "item-for-organizations", $"{request.Kind} is about an organization: give organizationId.");
        }

        if (request.OrganizationId is not null && request.Kind == InputKinds.SeriousDisciplinarySanction)
        {
            return DomainError.Invalid("kind", "item-for-members", $"{request.Kind} is about a member: give personId.");
        }

        if (request.Quantity is <= 0 or > 100)
        {
            return DomainError.Invalid("quantity", "invalid-quantity", "The quantity (a review's points) is above 0 and at most 100.");
        }

        if (request.At > now)
        {
            return DomainError.Invalid("at", "item-in-future", "An item is dated today or earlier.");
        }

        if (request.At < IndexPeriod.Earliest)
        {
            return DomainError.Invalid("at", "item-too-old", $"An item is dated from {IndexPeriod.Earliest:yyyy-MM-dd} on, when periods begin.");
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxTextLength || request.Evidence?.Length > MaxTextLength)
        {
            return DomainError.Invalid("reason", "reason-required", $"Every item has a reason; reason and evidence are at most {MaxTextLength} characters.");
        }

        return null;
    }
}
