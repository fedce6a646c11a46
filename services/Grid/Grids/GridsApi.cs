using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.Time;
using Platform.Grid.Data;

namespace Platform.Grid.Grids;

public sealed record GridRequest(
    string? Code,
    [property: Required] string? Name,
    [property: OneOf<GridType>] string? Type,
    [property: Required] Guid CommunityId,
    JsonElement? Boundary,
    int? Households,
    int? Population,
    int? Complexity
);

public sealed record GridResponse(
    Guid Id,
    string Code,
    string Name,
    [property: OneOf<GridType>] string Type,
    Guid CommunityId,
    [property: OneOf<GridStatus>] string Status,
    int Households,
    int Population,
    int Complexity,
    bool HasBoundary,
    JsonElement? Boundary,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
)
{
    public static GridResponse From(Grid g, bool withBoundary = true) =>
        new(
            g.Id,
            g.Code,
            g.Name,
            g.Type.ToString(),
            g.CommunityId,
            g.Status.ToString(),
            g.Households,
            g.Population,
            g.Complexity,
            g.Boundary is not null,
            withBoundary && g.Boundary is { } b ? Geo.ToGeoJson(b) : null,
            g.Version,
            g.CreatedAt,
            g.UpdatedAt
        );
}

public sealed record OverlapResponse(Guid GridId, string GridCode, Guid OtherGridId, string OtherGridCode, Guid CommunityId, bool Allowed);

public sealed class GridOptions
{
    /// <summary>The layout of grid codes (see <see cref="GridCodeLayout"/>).</summary>
    public string CodeLayout { get; set; } = GridCodeLayout.DefaultText;

    /// <summary>The parts every code of this subdistrict shares, by segment name (division, subdistrict).</summary>
    public Dictionary<string, string> CodeParts { get; set; } = [];

    public GridCodeLayout Layout() => GridCodeLayout.Parse(CodeLayout).WithFixed(CodeParts);
}

public static class GridsApi
{
    public static RouteGroupBuilder MapGridsApi(this RouteGroupBuilder api)
    {
        var grids = api.MapGroup("/grids").WithTags("Grids");
        grids
            .MapPost("/", CreateGrid)
            .WithName("CreateGrid")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription(
                "A grid with its code (in the configured layout; the community part must be the community's code), GeoJSON "
                    + "boundary, households, population and complexity. Overlaps with grids of the same community are refused unless "
                    + "one of them is Specialized."
            )
            .Refuses(
                400,
                "boundary-out-of-range",
                "grid-code-community-mismatch",
                "grid-code-division-mismatch",
                "grid-code-subdistrict-mismatch",
                "invalid-boundary",
                "invalid-complexity",
                "invalid-count",
                "invalid-grid-code",
                "unknown-community"
            )
            .Refuses(409, "duplicate-grid-code", "grid-overlap")
            .Refuses(400, "invalid-grid-name", "missing-community");
        grids
            .MapGet("/", ListGrids)
            .WithName("ListGrids")
            .AllowSignedIn()
            .WithDescription(
                "Grids, filterable by community, type, status, a layer's responsible department, and whether a boundary is "
                    + "drawn. Boundaries are in GET /grids/{id}."
            )
            .Refuses(400, "invalid-grid-type", "invalid-page", "invalid-page-size", "invalid-status");
        grids.MapGet("/{id:guid}", GetGrid).WithName("GetGrid").AllowSignedIn().Refuses(404, "grid-not-found");
        grids
            .MapPut("/{id:guid}", UpdateGrid)
            .WithName("UpdateGrid")
            .Allow(Roles.SubdistrictAdmin, Roles.CommunityStaff)
            .WithDescription("Community staff edit the grids of their community; the code and community do not change.")
            .Refuses(403, "out-of-scope")
            .Refuses(404, "grid-not-found")
            .Refuses(409, "grid-retired")
            .Refuses(400, "invalid-grid-name");
        grids
            .MapPost("/{id:guid}/retire", RetireGrid)
            .WithName("RetireGrid")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("A grid is never deleted (cases point to it): it is retired, and no longer found by lookups.")
            .Refuses(404, "grid-not-found")
            .Refuses(409, "grid-retired");
        grids
            .MapGet("/overlaps", ListOverlaps)
            .WithName("ListGridOverlaps")
            .Allow(Roles.Staff)
            .WithDescription("Pairs of active grids of one community whose areas overlap; allowed only where one is Specialized.");
        return api;
    }

    public static async Task<Results<Created<GridResponse>, ProblemHttpResult>> CreateGrid(
        GridRequest request,
        GridDbContext db,
        IOptions<GridOptions> options,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CommunityId, ct);
        if (request.CommunityId != Guid.Empty && community is null)
        {
            return Problems.From(
                DomainError.Invalid(
                    "communityId",
                    "unknown-community",
                    $"No community with id {request.CommunityId} is known (communities come from the Organization service)."
                )
            );
        }

        if (!ParseBoundary(request.Boundary).TryGet(out var boundary, out var boundaryError))
        {
            return Problems.From(boundaryError);
        }

        if (
            !Grid.Create(
                    Guid.CreateVersion7(),
                    request.Code,
                    options.Value.Layout(),
                    request.CommunityId,
                    community?.Code,
                    Details(request, boundary),
                    clock.GetUtcNow()
                )
                .TryGet(out var created, out var error)
        )
        {
            return Problems.From(error);
        }

        var grid = created;
        if (await db.Grids.AnyAsync(g => g.Code == grid.Code, ct))
        {
            return Problems.From(DomainError.Conflict("duplicate-grid-code", $"A grid with code {grid.Code} already exists."));
        }

        if (await OverlapErrorAsync(db, grid, ct) is { } overlap)
        {
            return Problems.From(overlap);
        }

        db.Grids.Add(grid);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/grid/grids/{grid.Id}", GridResponse.From(grid));
    }

    public static async Task<Results<Ok<Page<GridResponse>>, ProblemHttpResult>> ListGrids(
        GridDbContext db,
        Guid? communityId,
        [OneOf<GridType>] string? type,
        [OneOf<GridStatus>] string? status,
        string? layer,
        string? department,
        bool? hasBoundary,
        string? search,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var statusFilter = EnumInput.ParseOptional<GridStatus>(status, "status");
        if ((paging.Error ?? statusFilter.Error) is { } error)
        {
            return Problems.From(error);
        }

        var query = db.Grids.AsNoTracking();
        query = communityId is { } community ? query.Where(g => g.CommunityId == community) : query;
        query = statusFilter.Value is { } s ? query.Where(g => g.Status == s) : query;
        query = hasBoundary is { } drawn ? query.Where(g => (g.Boundary != null) == drawn) : query;
        query = string.IsNullOrWhiteSpace(search)
            ? query
            : query.Where(g => EF.Functions.ILike(g.Name, $"%{search.Trim()}%") || g.Code.StartsWith(search.Trim()));
        if (type is not null)
        {
            if (!Grid.ParseType(type).TryGet(out var gridType, out var typeError))
            {
                return Problems.From(typeError);
            }

            var wanted = gridType;
            query = query.Where(g => g.Type == wanted);
        }

        if (!string.IsNullOrWhiteSpace(layer) || !string.IsNullOrWhiteSpace(department))
        {
            var responsibilities = db.Responsibilities.AsQueryable();
            responsibilities = string.IsNullOrWhiteSpace(layer) ? responsibilities : responsibilities.Where(r => r.LayerCode == layer.Trim());
            responsibilities = string.IsNullOrWhiteSpace(department) ? responsibilities : responsibilities.Where(r => r.DepartmentCode == department.Trim());
            query = query.Where(g => responsibilities.Any(r => r.GridId == g.Id));
        }

        return TypedResults.Ok(await query.OrderBy(g => g.Code).ToPageAsync(paging.Value, g => GridResponse.From(g, withBoundary: false), ct));
    }

    public static async Task<Results<Ok<GridResponse>, ProblemHttpResult>> GetGrid(Guid id, GridDbContext db, CancellationToken ct)
    {
        var grid = await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
        return grid is null ? Problems.NotFound("grid", id) : TypedResults.Ok(GridResponse.From(grid));
    }

    public static async Task<Results<Ok<GridResponse>, ProblemHttpResult>> UpdateGrid(
        Guid id,
        GridRequest request,
        Caller caller,
        GridDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var grid = await db.Grids.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grid is null)
        {
            return Problems.NotFound("grid", id);
        }

        if (!caller.CoversCommunity(grid.CommunityId))
        {
            return Problems.OutOfScope("grid's community");
        }

        var boundary = ParseBoundary(request.Boundary);
        if ((boundary.Error ?? grid.Update(Details(request, boundary.Value), clock.GetUtcNow())) is { } error)
        {
            return Problems.From(error);
        }

        if (await OverlapErrorAsync(db, grid, ct) is { } overlap)
        {
            return Problems.From(overlap);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(GridResponse.From(grid));
    }

    public static async Task<Results<Ok<GridResponse>, ProblemHttpResult>> RetireGrid(Guid id, GridDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var grid = await db.Grids.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grid is null)
        {
            return Problems.NotFound("grid", id);
        }

        var now = clock.GetUtcNow();
        if (grid.Retire(now) is { } error)
        {
            return Problems.From(error);
        }

        // A retired grid has no staff: their posts end with it.
        foreach (var post in await db.Posts.Where(p => p.GridId == id && p.To == null).ToListAsync(ct))
        {
            post.End(clock.DateOf(now), now);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(GridResponse.From(grid));
    }

    public static async Task<Ok<IReadOnlyList<OverlapResponse>>> ListOverlaps(Caller caller, GridDbContext db, Guid? communityId, CancellationToken ct)
    {
        var grids = db.Grids.AsNoTracking().Where(g => g.Status == GridStatus.Active && g.Boundary != null).VisibleTo(caller, Grid.Scope);
        grids = communityId is { } community ? grids.Where(g => g.CommunityId == community) : grids;
        var pairs = await (
            from a in grids
            from b in db.Grids
            where
                b.Status == GridStatus.Active
                && b.CommunityId == a.CommunityId
                && a.Code.CompareTo(b.Code) < 0
                && a.Boundary!.Intersects(b.Boundary)
                && !a.Boundary.Touches(b.Boundary)
            orderby a.Code, b.Code
            select new OverlapResponse(a.Id, a.Code, b.Id, b.Code, a.CommunityId, a.Type == GridType.Specialized || b.Type == GridType.Specialized)
        )
            .Take(1000)
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<OverlapResponse>>(pairs);
    }

    private static Result<Geometry?> ParseBoundary(JsonElement? boundary)
    {
        if (boundary is null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
        {
            return (Geometry?)null;
        }

        var parsed = Geo.Parse(boundary);
        return parsed.Error is { } error ? error : parsed.Value;
    }

    private static GridDetails Details(GridRequest request, Geometry? boundary) =>
        new(request.Name, request.Type, boundary, request.Households, request.Population, request.Complexity);

    /// <summary>Grids of one community may not overlap, unless one of the two is Specialized (a market, a school).</summary>
    internal static async Task<DomainError?> OverlapErrorAsync(GridDbContext db, Grid grid, CancellationToken ct)
    {
        if (grid.Boundary is not { } boundary || grid.MayOverlap)
        {
            return null;
        }

        var overlapping = await db
            .Grids.AsNoTracking()
            .Where(g =>
                g.Id != grid.Id
                && g.CommunityId == grid.CommunityId
                && g.Status == GridStatus.Active
                && g.Type != GridType.Specialized
                && g.Boundary != null
                && g.Boundary.Intersects(boundary)
                && !g.Boundary.Touches(boundary)
            )
            .OrderBy(g => g.Code)
            .Select(g => g.Code)
            .Take(10)
            .ToListAsync(ct);
        return overlapping.Count == 0
            ? null
            : DomainError.Conflict(
                "grid-overlap",
                $"The boundary overlaps grid(s) {string.Join(", ", overlapping)} of the same community; only Specialized grids may overlap others."
            );
    }
}
