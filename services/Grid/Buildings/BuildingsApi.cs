using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Grid.Data;
using Platform.Grid.Grids;

namespace Platform.Grid.Buildings;

public sealed record CompoundRequest(
    [property: Required] Guid CommunityId,
    [property: Required] string? Name,
    string? Address,
    double? Latitude,
    double? Longitude
);

public sealed record CompoundResponse(Guid Id, Guid CommunityId, string Name, string? Address, double? Latitude, double? Longitude);

public sealed record BuildingRequest(Guid? CompoundId, Guid? GridId, string? Name, string? Address, double? Latitude, double? Longitude);

public sealed record BuildingResponse(Guid Id, Guid? CompoundId, Guid GridId, Guid CommunityId, string Name, string Address, double Latitude, double Longitude)
{
    public static BuildingResponse From(Building b) => new(b.Id, b.CompoundId, b.GridId, b.CommunityId, b.Name, b.Address, b.Location.Y, b.Location.X);
}

public static class BuildingsApi
{
    public static RouteGroupBuilder MapBuildingsApi(this RouteGroupBuilder api)
    {
        var compounds = api.MapGroup("/compounds").WithTags("Compounds and buildings");
        compounds
            .MapPost("/", CreateCompound)
            .WithName("CreateCompound")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin, Roles.CommunityStaff)
            .Refuses(400, "unknown-community")
            .Refuses(400, "invalid-address", "invalid-compound-name");
        compounds.MapGet("/", ListCompounds).WithName("ListCompounds").Allow(Roles.Staff).Refuses(400, "invalid-page", "invalid-page-size");

        var buildings = api.MapGroup("/buildings").WithTags("Compounds and buildings");
        buildings
            .MapPost("/", CreateBuilding)
            .WithName("CreateBuilding")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin, Roles.CommunityStaff)
            .WithDescription("A building with its address and location; its grid is the grid containing the location unless gridId is given.")
            .Refuses(400, "building-outside-grid", "invalid-location", "no-grid-here", "unknown-grid")
            .Refuses(400, "invalid-address", "invalid-building-name", "unknown-compound")
            .Refuses(409, "duplicate-address");
        buildings.MapGet("/", ListBuildings).WithName("ListBuildings").Allow(Roles.Staff).Refuses(400, "invalid-page", "invalid-page-size");
        buildings.MapGet("/{id:guid}", GetBuilding).WithName("GetBuilding").Allow(Roles.Staff).Refuses(404, "building-not-found");
        return api;
    }

    public static async Task<Results<Created<CompoundResponse>, ProblemHttpResult>> CreateCompound(
        CompoundRequest request,
        Caller caller,
        GridDbContext db,
        CancellationToken ct
    )
    {
        if (!await db.Communities.AnyAsync(c => c.Id == request.CommunityId, ct))
        {
            return Problems.From(DomainError.Invalid("communityId", "unknown-community", $"No community with id {request.CommunityId} is known."));
        }

        if (!caller.CoversCommunity(request.CommunityId))
        {
            return Problems.OutOfScope("community");
        }

        if (!Geo.OptionalPointAt(request.Latitude, request.Longitude).TryGet(out var location, out var pointError))
        {
            return Problems.From(pointError);
        }

        if (!Compound.Create(request.CommunityId, request.Name, request.Address, location).TryGet(out var created, out var error))
        {
            return Problems.From(error);
        }

        db.Compounds.Add(created);
        await db.SaveChangesAsync(ct);
        var c = created;
        return TypedResults.Created($"/api/grid/compounds/{c.Id}", new CompoundResponse(c.Id, c.CommunityId, c.Name, c.Address, c.Location?.Y, c.Location?.X));
    }

    public static async Task<Results<Ok<Page<CompoundResponse>>, ProblemHttpResult>> ListCompounds(
        Caller caller,
        GridDbContext db,
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

        var query = db.Compounds.AsNoTracking().VisibleTo(caller, Compound.Scope);
        query = communityId is { } c ? query.Where(x => x.CommunityId == c) : query;
        return TypedResults.Ok(
            await query
                .OrderBy(x => x.Name)
                .ToPageAsync(
                    paging,
                    x => new CompoundResponse(
                        x.Id,
                        x.CommunityId,
                        x.Name,
                        x.Address,
                        x.Location == null ? null : x.Location.Y,
                        x.Location == null ? null : x.Location.X
                    ),
                    ct
                )
        );
    }

    public static async Task<Results<Created<BuildingResponse>, ProblemHttpResult>> CreateBuilding(
        BuildingRequest request,
        Caller caller,
        GridDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!(await PlaceAsync(db, request, clock.GetUtcNow(), ct)).TryGet(out var placed, out var error))
        {
            return Problems.From(error);
        }

        var building = placed;
        if (!caller.CoversCommunity(building.CommunityId))
        {
            return Problems.OutOfScope("building's community");
        }

        db.Buildings.Add(building);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/grid/buildings/{building.Id}", BuildingResponse.From(building));
    }

    /// <summary>Checks a building and finds its grid: the one named (which must contain it, when drawn) or the one its location falls in.</summary>
    internal static async Task<Result<Building>> PlaceAsync(
        GridDbContext db,
        BuildingRequest request,
        DateTimeOffset now,
        CancellationToken ct,
        string field = ""
    )
    {
        if (!Geo.PointAt(request.Latitude, request.Longitude, field + "location").TryGet(out var point, out var pointError))
        {
            return pointError;
        }

        Grids.Grid? grid;
        if (request.GridId is { } gridId)
        {
            grid = await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gridId && g.Status == GridStatus.Active, ct);
            if (grid is null)
            {
                return DomainError.Invalid(field + "gridId", "unknown-grid", $"No active grid with id {gridId}.");
            }

            if (grid.Boundary is { } boundary && !boundary.Covers(point))
            {
                return DomainError.Invalid(field + "location", "building-outside-grid", $"The location is outside grid {grid.Code}.");
            }
        }
        else
        {
            var at = await GridLocator.AtAsync(db, point, ct);
            if (at is null)
            {
                return DomainError.Invalid(field + "location", "no-grid-here", "No active grid contains the location; give gridId or draw the grid first.");
            }

            grid = await db.Grids.AsNoTracking().FirstAsync(g => g.Id == at.Grid.Id, ct);
        }

        if (request.CompoundId is { } compoundId && !await db.Compounds.AnyAsync(c => c.Id == compoundId && c.CommunityId == grid.CommunityId, ct))
        {
            return DomainError.Invalid(field + "compoundId", "unknown-compound", $"No compound {compoundId} in the grid's community.");
        }

        if (!Building.Create(request.CompoundId, grid.Id, grid.CommunityId, request.Name, request.Address, point, now).TryGet(out var created, out var error))
        {
            return error;
        }

        return await db.Buildings.AnyAsync(b => b.AddressKey == created.AddressKey, ct)
            ? DomainError.Conflict("duplicate-address", $"A building with the address {created.Address} exists.")
            : created;
    }

    public static async Task<Results<Ok<Page<BuildingResponse>>, ProblemHttpResult>> ListBuildings(
        Caller caller,
        GridDbContext db,
        Guid? gridId,
        Guid? communityId,
        Guid? compoundId,
        string? search,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var query = db.Buildings.AsNoTracking().VisibleTo(caller, Building.Scope);
        query = gridId is { } g ? query.Where(b => b.GridId == g) : query;
        query = communityId is { } c ? query.Where(b => b.CommunityId == c) : query;
        query = compoundId is { } p ? query.Where(b => b.CompoundId == p) : query;
        query = string.IsNullOrWhiteSpace(search) ? query : query.Where(b => b.AddressKey.Contains(Building.NormalizeAddress(search)));
        return TypedResults.Ok(await query.OrderBy(b => b.Address).ToPageAsync(paging, BuildingResponse.From, ct));
    }

    public static async Task<Results<Ok<BuildingResponse>, ProblemHttpResult>> GetBuilding(Guid id, Caller caller, GridDbContext db, CancellationToken ct) =>
        await db.Buildings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is { } building && Building.Scope.Covers(caller, building)
            ? TypedResults.Ok(BuildingResponse.From(building))
            : Problems.NotFound("building", id);
}
