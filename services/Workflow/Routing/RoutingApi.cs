using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Workflow.Cases;
using Platform.Workflow.Data;

namespace Platform.Workflow.Routing;

public sealed record RoutingRuleRequest(
    string? Category,
    Guid? GridId,
    Guid? CommunityId,
    [property: OneOf<HandlerLevel>] [property: Required] string? Level,
    string? Layer,
    string? Department,
    string? Note
);

public sealed record RoutingRuleResponse(
    Guid Id,
    string? Category,
    Guid? GridId,
    Guid? CommunityId,
    HandlerLevel Level,
    string? Layer,
    string? Department,
    string? Note,
    DateTimeOffset UpdatedAt
)
{
    public static RoutingRuleResponse From(RoutingRule r) =>
        new(r.Id, r.Category, r.GridId, r.CommunityId, r.Level, r.Layer, r.Department, r.Note, r.UpdatedAt);
}

public sealed record RouteResponse(HandlerLevel Level, string? Department, Guid? RuleId, string Explanation)
{
    public static RouteResponse From(CaseRoute r) => new(r.Level, r.Department, r.RuleId, r.Explanation);
}

public static class RoutingApi
{
    public static RouteGroupBuilder MapRoutingApi(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/routing-rules").WithTags("Dispatch rules");
        rules.MapGet("/", List).WithName("ListRoutingRules").Allow(Roles.Staff).Refuses(400, "invalid-page", "invalid-page-size");
        rules
            .MapPost("/", Create)
            .WithName("CreateRoutingRule")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("Empty category, gridId and communityId match any. The most specific matching rule wins (category, then grid, then community).")
            .Refuses(400, "invalid-level", "layer-without-department-level", "unknown-category")
            .Refuses(409, "routing-rule-exists")
            .Refuses(400, "department-rule-target", "grid-or-community", "invalid-note", "unknown-community");
        rules
            .MapPut("/{id:guid}", Update)
            .WithName("UpdateRoutingRule")
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(404, "routing-rule-not-found")
            .Refuses(400, "department-rule-target", "grid-or-community", "invalid-note", "unknown-community");
        rules.MapDelete("/{id:guid}", Delete).WithName("DeleteRoutingRule").Allow(Roles.SubdistrictAdmin).Refuses(404, "routing-rule-not-found");
        rules
            .MapGet("/preview", Preview)
            .WithName("PreviewRoute")
            .Allow(Roles.Staff)
            .WithDescription("Where a case of this category in this grid would be dispatched, and by which rule.")
            .Refuses(400, "category-required");
        return api;
    }

    public static async Task<Results<Ok<Page<RoutingRuleResponse>>, ProblemHttpResult>> List(
        WorkflowDbContext db,
        string? category,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var query = db.RoutingRules.AsNoTracking();
        query = category is null ? query : query.Where(r => r.Category == category);
        return TypedResults.Ok(await query.OrderBy(r => r.Category).ThenBy(r => r.CreatedAt).ToPageAsync(paging, RoutingRuleResponse.From, ct));
    }

    public static async Task<Results<Created<RoutingRuleResponse>, ProblemHttpResult>> Create(
        RoutingRuleRequest request,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!EnumInput.Parse<HandlerLevel>(request.Level, "level").TryGet(out var level, out var levelError))
        {
            return Problems.From(levelError);
        }

        if (
            !RoutingRule
                .Create(request.Category, request.GridId, request.CommunityId, level, request.Layer, request.Department, request.Note, clock.GetUtcNow())
                .TryGet(out var created, out var error)
        )
        {
            return Problems.From(error);
        }

        if (await CheckAsync(db, created, ct) is { } problem)
        {
            return Problems.From(problem);
        }

        db.RoutingRules.Add(created);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workflow/routing-rules/{created.Id}", RoutingRuleResponse.From(created));
    }

    public static async Task<Results<Ok<RoutingRuleResponse>, ProblemHttpResult>> Update(
        Guid id,
        RoutingRuleRequest request,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return Problems.NotFound("routing rule", id);
        }

        if (!EnumInput.Parse<HandlerLevel>(request.Level, "level").TryGet(out var level, out var levelError))
        {
            return Problems.From(levelError);
        }

        if (
            rule.Change(request.Category, request.GridId, request.CommunityId, level, request.Layer, request.Department, request.Note, clock.GetUtcNow()) is
            { } error
        )
        {
            return Problems.From(error);
        }

        if (await CheckAsync(db, rule, ct) is { } problem)
        {
            return Problems.From(problem);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RoutingRuleResponse.From(rule));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, WorkflowDbContext db, CancellationToken ct)
    {
        var deleted = await db.RoutingRules.Where(r => r.Id == id).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Problems.NotFound("routing rule", id) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<RouteResponse>, ProblemHttpResult>> Preview(WorkflowDbContext db, string? category, Guid? gridId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return Problems.From(DomainError.Invalid("category", "category-required", "Give the category to route."));
        }

        Guid? communityId = null;
        if (gridId is { } id)
        {
            var grid = await db.KnownGrids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
            if (grid is null)
            {
                return Problems.From(DomainError.Invalid("gridId", "unknown-grid", $"No grid {id} is known to the Workflow service."));
            }

            communityId = grid.CommunityId;
        }

        return TypedResults.Ok(RouteResponse.From(await Dispatcher.RouteAsync(db, category, gridId, communityId, ct)));
    }

    /// <summary>The category and place a rule names must exist, and no other rule may match exactly the same cases.</summary>
    private static async Task<DomainError?> CheckAsync(WorkflowDbContext db, RoutingRule rule, CancellationToken ct)
    {
        if (rule.Category is { } category && !await db.Categories.AnyAsync(c => c.Code == category, ct))
        {
            return DomainError.Invalid("category", "unknown-category", $"No case category '{category}'.");
        }

        if (rule.GridId is { } grid && !await db.KnownGrids.AnyAsync(g => g.Id == grid, ct))
        {
            return DomainError.Invalid("gridId", "unknown-grid", $"No grid {grid} is known to the Workflow service.");
        }

        if (
            rule.CommunityId is { } community
            && !await db.KnownGrids.AnyAsync(g => g.CommunityId == community, ct)
            && !await db.Communities.AnyAsync(c => c.Id == community, ct)
        )
        {
            return DomainError.Invalid("communityId", "unknown-community", $"No community {community} is known to the Workflow service.");
        }

        var same = await db.RoutingRules.AnyAsync(
            r => r.Id != rule.Id && r.Category == rule.Category && r.GridId == rule.GridId && r.CommunityId == rule.CommunityId,
            ct
        );
        return same ? DomainError.Conflict("routing-rule-exists", "Another rule matches exactly the same category and place; change that one instead.") : null;
    }
}

/// <summary>Applies the rules to a case: loads the candidate rules and the layer departments of its grid.</summary>
public static class Dispatcher
{
    public static async Task<CaseRoute> RouteAsync(WorkflowDbContext db, string category, Guid? gridId, Guid? communityId, CancellationToken ct)
    {
        var rules = await db
            .RoutingRules.AsNoTracking()
            .Where(r =>
                (r.Category == null || r.Category == category)
                && (r.GridId == null || r.GridId == gridId)
                && (r.CommunityId == null || r.CommunityId == communityId)
            )
            .ToListAsync(ct);
        var departments = gridId is { } grid
            ? await db
                .LayerResponsibilities.AsNoTracking()
                .Where(r => r.GridId == grid && r.DepartmentCode != null)
                .ToDictionaryAsync(r => r.Layer, r => r.DepartmentCode, ct)
            : [];
        return Router.Choose(rules, category, gridId, communityId, layer => departments.GetValueOrDefault(layer));
    }
}
