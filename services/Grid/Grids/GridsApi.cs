using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Grid.Data;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Grid.Grids;

public sealed record CreateGridRequest(string? Code, string? Name, string? Type, Guid CommunityId);

public sealed record GridResponse(Guid Id, string Code, string Name, string Type, Guid CommunityId, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static GridResponse From(Grid g) => new(g.Id, g.Code.Value, g.Name, g.Type.ToString(), g.CommunityId, g.Version, g.CreatedAt, g.UpdatedAt);
}

public static class GridsApi
{
    public static RouteGroupBuilder MapGridsApi(this RouteGroupBuilder api)
    {
        var grids = api.MapGroup("/grids").WithTags("Grids");
        grids.MapPost("/", CreateGrid).WithName("CreateGrid").Allow(Roles.SubdistrictAdmin);
        grids.MapGet("/", ListGrids).WithName("ListGrids").AllowSignedIn();
        grids.MapGet("/{id:guid}", GetGrid).WithName("GetGrid").AllowSignedIn();
        return api;
    }

    public static async Task<Results<Created<GridResponse>, ProblemHttpResult>> CreateGrid(
        CreateGridRequest request, GridDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var created = Grid.Create(Guid.CreateVersion7(), request.Code, request.Name, request.Type, request.CommunityId, clock.GetUtcNow());
        if (created.Error is { } error)
        {
            return Problems.From(error);
        }

        var grid = created.Value!;
        if (await db.Grids.AnyAsync(g => g.Code == grid.Code, ct))
        {
            return Problems.From(DomainError.Conflict("duplicate-grid-code", $"A grid with code {grid.Code} already exists."));
        }

        db.Grids.Add(grid);
        db.AddEvent(grid.ToEvent());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/grid/grids/{grid.Id}", GridResponse.From(grid));
    }

    public static async Task<Results<Ok<Page<GridResponse>>, ProblemHttpResult>> ListGrids(
        GridDbContext db, Guid? communityId, string? type, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.Validate(page, pageSize);
        if (paging.Error is { } error)
        {
            return Problems.From(error);
        }

        var query = db.Grids.AsNoTracking();
        if (communityId is { } community)
        {
            query = query.Where(g => g.CommunityId == community);
        }

        if (type is not null)
        {
            var gridType = Grid.ParseType(type);
            if (gridType.Error is { } typeError)
            {
                return Problems.From(typeError);
            }

            var wanted = gridType.Value;
            query = query.Where(g => g.Type == wanted);
        }

        return TypedResults.Ok(await query.OrderBy(g => g.Code).ToPageAsync(paging.Value, GridResponse.From, ct));
    }

    public static async Task<Results<Ok<GridResponse>, ProblemHttpResult>> GetGrid(Guid id, GridDbContext db, CancellationToken ct)
    {
        var grid = await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
        return grid is null ? Problems.NotFound("grid", id) : TypedResults.Ok(GridResponse.From(grid));
    }
}
