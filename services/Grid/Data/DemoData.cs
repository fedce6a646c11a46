using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Messaging;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Data;

/// <summary>
/// Demo grids of 河西街道 (division 632802, subdistrict 001), on the Organization service's demo communities
/// (their ids are fixed there). Seeding adds only what is missing.
/// </summary>
public static class DemoData
{
    private static readonly Guid ChangjiangRoad = Guid.Parse("0195a000-0000-7000-8000-000000000001");
    private static readonly Guid QilianRoad = Guid.Parse("0195a000-0000-7000-8000-000000000002");

    public static readonly IReadOnlyList<(Guid Id, string Code, string Name, string Type, Guid CommunityId)> DemoGrids =
    [
        (Guid.Parse("0195a001-0000-7000-8000-000000000001"), "632802001001001", "长江路第一网格", "Urban", ChangjiangRoad),
        (Guid.Parse("0195a001-0000-7000-8000-000000000002"), "632802001001002", "长江路第二网格", "Urban", ChangjiangRoad),
        (Guid.Parse("0195a001-0000-7000-8000-000000000003"), "632802001002001", "祁连路第一网格", "Urban", QilianRoad),
        (Guid.Parse("0195a001-0000-7000-8000-000000000004"), "632802001002002", "祁连路农贸市场网格", "Specialized", QilianRoad),
    ];

    public static async Task SeedAsync(GridDbContext db, CancellationToken ct)
    {
        var existing = await db.Grids.Select(g => g.Id).ToListAsync(ct);
        foreach (var (id, code, name, type, communityId) in DemoGrids.Where(g => !existing.Contains(g.Id)))
        {
            var grid = GridEntity.Create(id, code, name, type, communityId, DateTimeOffset.UtcNow).Value!;
            db.Grids.Add(grid);
            db.AddEvent(grid.ToEvent());
        }

        await db.SaveChangesAsync(ct);
    }
}
