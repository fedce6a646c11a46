using Microsoft.EntityFrameworkCore;
using Platform.Organization.Communities;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Organization.Data;

/// <summary>
/// The demo subdistrict (河西街道, Delingha) and its communities. Ids are fixed so the other services' demo
/// data can point at them across runs; seeding adds only what is missing.
/// </summary>
public static class DemoData
{
    public static readonly IReadOnlyList<(Guid Id, string Code, string Name)> Communities =
    [
        (Guid.Parse("0195a000-0000-7000-8000-000000000001"), "001", "长江路社区"),
        (Guid.Parse("0195a000-0000-7000-8000-000000000002"), "002", "祁连路社区"),
        (Guid.Parse("0195a000-0000-7000-8000-000000000003"), "003", "巴音河社区"),
        (Guid.Parse("0195a000-0000-7000-8000-000000000004"), "004", "滨河路社区"),
    ];

    public static async Task SeedAsync(OrganizationDbContext db, CancellationToken ct)
    {
        var existing = await db.Communities.Select(c => c.Id).ToListAsync(ct);
        foreach (var (id, code, name) in Communities.Where(c => !existing.Contains(c.Id)))
        {
            var community = Community.Create(id, code, name, DateTimeOffset.UtcNow).Value!;
            db.Communities.Add(community);
            db.AddEvent(community.ToEvent());
        }

        await db.SaveChangesAsync(ct);
    }
}
