using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Platform.BuildingBlocks.Api;
using Platform.Grid.Buildings;
using Platform.Grid.Data;

namespace Platform.Grid.Grids;

/// <summary>A grid found at a point: the base grid, and any Specialized grids laid over it there.</summary>
public sealed record GridAt(GridSummary Grid, IReadOnlyList<GridSummary> Specialized);

public sealed record GridSummary(Guid Id, string Code, string Name, [property: OneOf<GridType>] string Type, Guid CommunityId);

/// <summary>
/// Point → grid, on the hot path of case intake: one PostGIS <c>ST_Covers</c> query that the GiST index on
/// boundaries answers (see bench/ for the figures). A point on a boundary is covered by every grid that shares it;
/// the rule, the same as Workflow's placement: a base grid before a Specialized one, then the lowest grid code.
/// Address → building → grid by the building's normalized address.
/// </summary>
public static class GridLocator
{
    public static async Task<GridAt?> AtAsync(GridDbContext db, Point point, CancellationToken ct)
    {
        var found = await db
            .Grids.AsNoTracking()
            .Where(g => g.Status == GridStatus.Active && g.Boundary != null && g.Boundary.Covers(point))
            .OrderBy(g => g.Type == GridType.Specialized)
            .ThenBy(g => g.Code)
            .Select(g => new GridSummary(g.Id, g.Code, g.Name, g.Type.ToString(), g.CommunityId))
            .Take(10)
            .ToListAsync(ct);
        var baseGrid = found.FirstOrDefault(g => g.Type != nameof(GridType.Specialized)) ?? found.FirstOrDefault();
        return baseGrid is null ? null : new GridAt(baseGrid, [.. found.Where(g => g != baseGrid)]);
    }

    public static async Task<(Building Building, GridSummary Grid)?> AtAddressAsync(GridDbContext db, string address, CancellationToken ct)
    {
        var key = Building.NormalizeAddress(address);
        var hit = await (
            from b in db.Buildings.AsNoTracking()
            join g in db.Grids.AsNoTracking() on b.GridId equals g.Id
            where b.AddressKey == key
            select new { Building = b, Grid = new GridSummary(g.Id, g.Code, g.Name, g.Type.ToString(), g.CommunityId) }
        ).FirstOrDefaultAsync(ct);
        return hit is null ? null : (hit.Building, hit.Grid);
    }
}
