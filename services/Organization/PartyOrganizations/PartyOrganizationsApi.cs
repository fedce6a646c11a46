using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Organization.Data;

namespace Platform.Organization.PartyOrganizations;

public sealed record FoundOrganizationRequest(
    [property: Required] string? Name,
    [property: OneOf<OrganizationKind>] [property: Required] string? Kind,
    [property: OneOf<MassOrganizationType>] string? MassOrganizationType,
    Guid? ParentId,
    Guid? CommunityId
);

public sealed record RenameOrganizationRequest([property: Required] string? Name);

public sealed record MoveOrganizationRequest([property: Required] Guid? ParentId);

public sealed record OrganizationResponse(
    Guid Id,
    string Name,
    [property: OneOf<OrganizationKind>] string Kind,
    [property: OneOf<MassOrganizationType>] string? MassOrganizationType,
    Guid? ParentId,
    Guid? CommunityId,
    [property: OneOf<OrganizationStatus>] string Status,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
)
{
    public static OrganizationResponse From(PartyOrganization o) =>
        new(
            o.Id,
            o.Name,
            o.Kind.ToString(),
            o.MassOrganizationType?.ToString(),
            o.ParentId,
            o.CommunityId,
            o.Status.ToString(),
            o.Version,
            o.CreatedAt,
            o.UpdatedAt
        );
}

public sealed record OrganizationDetailResponse(OrganizationResponse Organization, IReadOnlyList<ParentPeriod> ParentHistory, int ActiveChildren, int Members);

public sealed record TreeNode(
    Guid Id,
    string Name,
    [property: OneOf<OrganizationKind>] string Kind,
    [property: OneOf<OrganizationStatus>] string Status,
    int Members,
    IReadOnlyList<TreeNode> Children
);

public static class PartyOrganizationsApi
{
    private const int MaxDepth = 32;

    public static RouteGroupBuilder MapPartyOrganizationsApi(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Party organizations");
        organizations
            .MapPost("/", Found)
            .WithName("FoundOrganization")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(400, "invalid-kind", "invalid-mass-organization-type", "kind-not-allowed-under-parent", "unknown-community", "unknown-organization")
            .Refuses(409, "second-subdistrict-committee")
            .Refuses(
                400,
                "community-mismatch",
                "community-required",
                "invalid-organization-name",
                "mass-type-not-allowed",
                "mass-type-required",
                "parent-required",
                "root-has-no-parent"
            )
            .Refuses(409, "parent-dissolved");
        organizations
            .MapGet("/", List)
            .WithName("ListOrganizations")
            .AllowSignedIn()
            .Refuses(400, "invalid-kind", "invalid-page", "invalid-page-size", "invalid-status");
        organizations.MapGet("/tree", Tree).WithName("GetOrganizationTree").AllowSignedIn().Refuses(404, "no-subdistrict-committee");
        organizations.MapGet("/{id:guid}", Get).WithName("GetOrganization").AllowSignedIn().Refuses(404, "organization-not-found");
        organizations
            .MapPut("/{id:guid}/name", Rename)
            .WithName("RenameOrganization")
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(404, "organization-not-found")
            .Refuses(400, "invalid-organization-name");
        organizations
            .MapPost("/{id:guid}/move", Move)
            .WithName("MoveOrganization")
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(400, "cycle")
            .Refuses(404, "organization-not-found")
            .Refuses(400, "community-mismatch", "community-required", "parent-required", "root-has-no-parent")
            .Refuses(409, "organization-dissolved", "parent-dissolved");
        organizations
            .MapPost("/{id:guid}/dissolve", Dissolve)
            .WithName("DissolveOrganization")
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(404, "organization-not-found")
            .Refuses(409, "organization-not-empty")
            .Refuses(409, "organization-dissolved", "root-cannot-be-dissolved");
        return api;
    }

    public static async Task<Results<Created<OrganizationResponse>, ProblemHttpResult>> Found(
        FoundOrganizationRequest request,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!EnumInput.Parse<OrganizationKind>(request.Kind, "kind").TryGet(out var kind, out var kindError))
        {
            return Problems.From(kindError);
        }

        if (!EnumInput.ParseOptional<MassOrganizationType>(request.MassOrganizationType, "massOrganizationType").TryGet(out var massType, out var massError))
        {
            return Problems.From(massError);
        }

        PartyOrganization? parent = null;
        if (request.ParentId is { } parentId && (parent = await db.PartyOrganizations.FirstOrDefaultAsync(o => o.Id == parentId, ct)) is null)
        {
            return Problems.From(DomainError.Invalid("parentId", "unknown-organization", $"No organization with id {parentId}."));
        }

        if (request.CommunityId is { } communityId && !await db.Communities.AnyAsync(c => c.Id == communityId, ct))
        {
            return Problems.From(DomainError.Invalid("communityId", "unknown-community", $"No community with id {communityId}."));
        }

        var rootExists = await db.PartyOrganizations.AnyAsync(
            o => o.Kind == OrganizationKind.SubdistrictCommittee && o.Status == OrganizationStatus.Active,
            ct
        );
        if (
            !PartyOrganization
                .Found(Guid.CreateVersion7(), request.Name, kind, massType, parent, request.CommunityId, rootExists, clock.GetUtcNow())
                .TryGet(out var founded, out var error)
        )
        {
            return Problems.From(error);
        }

        var organization = founded;
        db.PartyOrganizations.Add(organization);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/organizations/{organization.Id}", OrganizationResponse.From(organization));
    }

    public static async Task<Results<Ok<Page<OrganizationResponse>>, ProblemHttpResult>> List(
        OrganizationDbContext db,
        [OneOf<OrganizationKind>] string? kind,
        Guid? parentId,
        Guid? communityId,
        [OneOf<OrganizationStatus>] string? status,
        string? search,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var kindFilter = EnumInput.ParseOptional<OrganizationKind>(kind, "kind");
        var statusFilter = EnumInput.ParseOptional<OrganizationStatus>(status, "status");
        if ((paging.Error ?? kindFilter.Error ?? statusFilter.Error) is { } error)
        {
            return Problems.From(error);
        }

        var query = db.PartyOrganizations.AsNoTracking();
        if (kindFilter.Value is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        if (statusFilter.Value is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        if (parentId is { } p)
        {
            query = query.Where(o => o.ParentId == p);
        }

        if (communityId is { } c)
        {
            query = query.Where(o => o.CommunityId == c);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim()}%";
            query = query.Where(o => EF.Functions.ILike(o.Name, pattern));
        }

        return TypedResults.Ok(await query.OrderBy(o => o.Kind).ThenBy(o => o.Name).ToPageAsync(paging.Value, OrganizationResponse.From, ct));
    }

    public static async Task<Results<Ok<OrganizationDetailResponse>, ProblemHttpResult>> Get(Guid id, OrganizationDbContext db, CancellationToken ct)
    {
        var organization = await db.PartyOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return Problems.NotFound("organization", id);
        }

        var (children, members) = await CountContentsAsync(db, id, ct);
        return TypedResults.Ok(new OrganizationDetailResponse(OrganizationResponse.From(organization), organization.ParentHistory, children, members));
    }

    /// <summary>The tree, whole (from the subdistrict committee) or from any node; dissolved organizations only on request.</summary>
    public static async Task<Results<Ok<TreeNode>, ProblemHttpResult>> Tree(
        OrganizationDbContext db,
        Guid? rootId,
        bool? includeDissolved,
        CancellationToken ct
    )
    {
        var all = await db
            .PartyOrganizations.AsNoTracking()
            .Where(o => includeDissolved == true || o.Status == OrganizationStatus.Active)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Kind,
                o.Status,
                o.ParentId,
            })
            .ToListAsync(ct);
        var members = await db
            .People.Where(p => p.Membership != null)
            .GroupBy(p => p.Membership!.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var root = rootId is { } r
            ? all.FirstOrDefault(o => o.Id == r)
            : all.FirstOrDefault(o => o.Kind == OrganizationKind.SubdistrictCommittee && o.ParentId == null);
        if (root is null)
        {
            return rootId is null
                ? Problems.From(DomainError.NotFound("no-subdistrict-committee", "The tree has no subdistrict committee yet."))
                : Problems.NotFound("organization", rootId);
        }

        var byParent = all.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value);
        TreeNode Build(Guid id, string name, OrganizationKind kind, OrganizationStatus status, int depth) =>
            new(
                id,
                name,
                kind.ToString(),
                status.ToString(),
                members.GetValueOrDefault(id),
                depth >= MaxDepth
                    ? []
                    : [.. byParent[id].OrderBy(c => c.Kind).ThenBy(c => c.Name).Select(c => Build(c.Id, c.Name, c.Kind, c.Status, depth + 1))]
            );
        return TypedResults.Ok(Build(root.Id, root.Name, root.Kind, root.Status, 0));
    }

    public static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> Rename(
        Guid id,
        RenameOrganizationRequest request,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var organization = await db.PartyOrganizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return Problems.NotFound("organization", id);
        }

        if (organization.Rename(request.Name, clock.GetUtcNow()) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganizationResponse.From(organization));
    }

    public static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> Move(
        Guid id,
        MoveOrganizationRequest request,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var organization = await db.PartyOrganizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return Problems.NotFound("organization", id);
        }

        if (request.ParentId is not { } parentId)
        {
            return Problems.From(DomainError.Invalid("parentId", "parent-required", "parentId is required: the organization to move under."));
        }

        var parent = await db.PartyOrganizations.FirstOrDefaultAsync(o => o.Id == parentId, ct);
        if (parent is null)
        {
            return Problems.From(DomainError.Invalid("parentId", "unknown-organization", $"No organization with id {parentId}."));
        }

        var now = clock.GetUtcNow();
        if (organization.MoveUnder(parent, await AncestorsAsync(db, parent, ct), now) is { } error)
        {
            return Problems.From(error);
        }

        // Members follow their organization into its community: who may see them changes with it.
        foreach (var member in await db.People.Where(p => p.Membership != null && p.Membership.OrganizationId == organization.Id).ToListAsync(ct))
        {
            member.OrganizationMovedTo(organization.CommunityId, now);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganizationResponse.From(organization));
    }

    public static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> Dissolve(
        Guid id,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var organization = await db.PartyOrganizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return Problems.NotFound("organization", id);
        }

        var (children, members) = await CountContentsAsync(db, id, ct);
        if (organization.Dissolve(children, members, clock.GetUtcNow()) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganizationResponse.From(organization));
    }

    private static async Task<(int Children, int Members)> CountContentsAsync(OrganizationDbContext db, Guid id, CancellationToken ct) =>
        (
            await db.PartyOrganizations.CountAsync(o => o.ParentId == id && o.Status == OrganizationStatus.Active, ct),
            await db.People.CountAsync(p => p.Membership != null && p.Membership.OrganizationId == id, ct)
        );

    /// <summary>The ids above <paramref name="organization"/>, nearest first.</summary>
    private static async Task<List<Guid>> AncestorsAsync(OrganizationDbContext db, PartyOrganization organization, CancellationToken ct)
    {
        var ancestors = new List<Guid>();
        var next = organization.ParentId;
        while (next is { } id && ancestors.Count < MaxDepth && !ancestors.Contains(id))
        {
            ancestors.Add(id);
            next = await db.PartyOrganizations.Where(o => o.Id == id).Select(o => o.ParentId).FirstOrDefaultAsync(ct);
        }

        return ancestors;
    }
}
