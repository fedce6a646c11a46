using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.Workflow.Data;

namespace Platform.Workflow.Grids;

/// <summary>A grid as Workflow knows it; a retired one still answers (its cases point to it) and says so.</summary>
public sealed record KnownGridResponse(
    Guid Id,
    Guid CommunityId,
    string Code,
    string Name,
    string Type,
    [property: OneOf<KnownGridStatus>] string Status,
    long Version,
    DateTimeOffset UpdatedAt
)
{
    public static KnownGridResponse From(KnownGrid g) => new(g.Id, g.CommunityId, g.Code, g.Name, g.Type, g.Status, g.Version, g.UpdatedAt);
}

/// <summary>The grids Workflow knows of (for routing), as learned from the Grid service's events.</summary>
public static class KnownGridsApi
{
    public static RouteGroupBuilder MapKnownGridsApi(this RouteGroupBuilder api)
    {
        var grids = api.MapGroup("/grids").WithTags("Known grids");
        grids.MapGet("/", ListKnownGrids).WithName("ListKnownGrids").Allow(Roles.Staff).Refuses(400, "invalid-page", "invalid-page-size", "invalid-status");
        grids.MapGet("/{id:guid}", GetKnownGrid).WithName("GetKnownGrid").Allow(Roles.Staff).Refuses(404, "grid-not-found");
        return api;
    }

    public static async Task<Results<Ok<Page<KnownGridResponse>>, ProblemHttpResult>> ListKnownGrids(
        WorkflowDbContext db,
        Guid? communityId,
        [OneOf<KnownGridStatus>] string? status,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var wanted = EnumInput.ParseOptional<KnownGridStatus>(status, "status");
        if ((paging.Error ?? wanted.Error) is { } error)
        {
            return Problems.From(error);
        }

        var query = db.KnownGrids.AsNoTracking();
        if (wanted.Value is { } only)
        {
            var name = only.ToString();
            query = query.Where(g => g.Status == name);
        }

        if (communityId is { } community)
        {
            query = query.Where(g => g.CommunityId == community);
        }

        return TypedResults.Ok(await query.OrderBy(g => g.Code).ToPageAsync(paging.Value, KnownGridResponse.From, ct));
    }

    public static async Task<Results<Ok<KnownGridResponse>, ProblemHttpResult>> GetKnownGrid(Guid id, WorkflowDbContext db, CancellationToken ct)
    {
        var grid = await db.KnownGrids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
        return grid is null ? Problems.NotFound("grid", id) : TypedResults.Ok(KnownGridResponse.From(grid));
    }
}
