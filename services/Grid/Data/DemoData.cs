using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.PersonalData;
using Platform.Contracts.Organization;
using Platform.Grid.Buildings;
using Platform.Grid.Communities;
using Platform.Grid.Grids;
using Platform.Grid.Layers;
using Platform.Grid.People;
using Platform.Grid.Staffing;
using Platform.Grid.Visits;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Data;

/// <summary>
/// The demo subdistrict's grids (河西街道, division 632802, subdistrict 001): 35 grids over the Organization
/// service's four demo communities — 33 in blocks that touch but never overlap, numbered west to east and
/// north to south, plus a market and a school drawn over them as Specialized grids — with buildings, the
/// four overlaid networks' departments, leaders, an assistant, instructors, and a Contact Day's visits.
/// Ids are fixed (the first four are the ones the Organization demo assigns cadres to) or derived from names;
/// seeding adds only what is missing. All data is synthetic.
/// </summary>
public static class DemoData
{
    private const double West = 97.340,
        North = 37.390,
        Width = 0.004,
        Height = 0.003;

    private static readonly (Guid Id, string Code, string Name, GridType Type, int Rows, int Columns, string[] Staff)[] Communities =
    [
        (Guid.Parse("0195a000-0000-7000-8000-000000000001"), "001", "长江路社区", GridType.Urban, 3, 3, ["王丽", "孙强"]),
        (Guid.Parse("0195a000-0000-7000-8000-000000000002"), "002", "祁连路社区", GridType.Urban, 2, 4, ["刘敏", "陈刚"]),
        (Guid.Parse("0195a000-0000-7000-8000-000000000003"), "003", "巴音河社区", GridType.Suburban, 2, 4, ["杨帆", "朱琳"]),
        (Guid.Parse("0195a000-0000-7000-8000-000000000004"), "004", "滨河路社区", GridType.Rural, 2, 4, ["何平", "郭静"]),
    ];

    private static readonly string[] Cadres = ["李文华", "韩雪梅", "赵永明", "周海燕"];

    public sealed record DemoGrid(
        Guid Id,
        string Code,
        string Name,
        GridType Type,
        Guid CommunityId,
        Polygon Boundary,
        int Households,
        int Population,
        int Complexity
    );

    /// <summary>Every demo grid with its boundary, in code order within each community.</summary>
    public static IReadOnlyList<DemoGrid> Grids { get; } = Build();

    public static Guid GridId(int n) => Guid.Parse($"0195a001-0000-7000-8000-{n:x12}");

    private static List<DemoGrid> Build()
    {
        var grids = new List<DemoGrid>();
        var left = West;
        var next = 5;
        for (var c = 0; c < Communities.Length; c++)
        {
            var (communityId, code, name, type, rows, columns, _) = Communities[c];
            var sequence = 0;
            for (var row = 0; row < rows; row++)
            {
                for (var column = 0; column < columns; column++)
                {
                    sequence++;
                    // The market of 祁连路 kept number 002 from the first demo: its neighbours skip it.
                    if (c == 1 && sequence == 2)
                    {
                        sequence++;
                    }

                    var x = left + column * Width;
                    var y = North - row * Height;
                    var id = (c, sequence) switch
                    {
                        (0, 1) => GridId(1),
                        (0, 2) => GridId(2),
                        (1, 1) => GridId(3),
                        _ => GridId(next++),
                    };
                    var size = 300 + (sequence * 37 + c * 91) % 400;
                    grids.Add(
                        new DemoGrid(
                            id,
                            $"632802001{code}{sequence:000}",
                            $"{name[..3]}第{sequence}网格",
                            type,
                            communityId,
                            Rectangle(x, y, x + Width, y - Height),
                            size,
                            size * 27 / 10,
                            20 + (sequence * 13 + c * 17) % 75
                        )
                    );
                }
            }

            if (c == 1)
            {
                grids.Add(
                    new DemoGrid(
                        GridId(4),
                        "632802001002002",
                        "祁连路农贸市场网格",
                        GridType.Specialized,
                        communityId,
                        Rectangle(left + 0.6 * Width, North - 0.3 * Height, left + 1.4 * Width, North - 1.2 * Height),
                        0,
                        0,
                        80
                    )
                );
            }

            if (c == 2)
            {
                grids.Add(
                    new DemoGrid(
                        GridId(next++),
                        "632802001003099",
                        "河西中学校园网格",
                        GridType.Specialized,
                        communityId,
                        Rectangle(left + 1.5 * Width, North - 0.5 * Height, left + 2.5 * Width, North - 1.5 * Height),
                        0,
                        1200,
                        60
                    )
                );
            }

            left += columns * Width;
        }

        return grids;
    }

    /// <summary>Corners rounded to 1e-9 degrees, so neighbours share their edge exactly: they touch, never overlap.</summary>
    private static Polygon Rectangle(double west, double north, double east, double south)
    {
        (west, north, east, south) = (Math.Round(west, 9), Math.Round(north, 9), Math.Round(east, 9), Math.Round(south, 9));
        return Geo.Factory.CreatePolygon([new(west, north), new(east, north), new(east, south), new(west, south), new(west, north)]);
    }

    public static async Task SeedAsync(GridDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var protector = services.GetRequiredService<PersonalDataProtector>();
        await KnowCommunitiesAndPeopleAsync(db, ct);

        var existing = await db.Grids.ToDictionaryAsync(g => g.Id, ct);
        var added = new List<GridEntity>();
        foreach (var demo in Grids)
        {
            var details = new GridDetails(demo.Name, demo.Type.ToString(), demo.Boundary, demo.Households, demo.Population, demo.Complexity);
            if (existing.TryGetValue(demo.Id, out var grid))
            {
                // Grids of an earlier demo had no boundary yet.
                if (grid.Boundary is null && grid.IsActive)
                {
                    _ = grid.Update(details with { Name = grid.Name }, now);
                }

                continue;
            }

            grid = GridEntity
                .Create(demo.Id, demo.Code, GridCodeLayout.Default, demo.CommunityId, Communities.First(c => c.Id == demo.CommunityId).Code, details, now)
                .OrThrow();
            db.Grids.Add(grid);
            added.Add(grid);
        }

        await db.SaveChangesAsync(ct);
        if (added.Count == 0 || await db.Buildings.AnyAsync(ct))
        {
            return;
        }

        AddBuildingsAndNetworks(db, protector, now);
        await AddStaffAsync(db, now, ct);
        AddVisits(db, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The communities and people the demo grids need, as the Organization demo will announce them (its events update these).</summary>
    private static async Task KnowCommunitiesAndPeopleAsync(GridDbContext db, CancellationToken ct)
    {
        var communities = await db.Communities.Select(c => c.Id).ToListAsync(ct);
        foreach (var (id, code, name, _, _, _, _) in Communities.Where(c => !communities.Contains(c.Id)))
        {
            db.Communities.Add(
                KnownCommunity.From(
                    new CommunityChanged
                    {
                        CommunityId = id,
                        Code = code,
                        Name = name,
                        Version = 0,
                        OccurredAt = DateTimeOffset.UnixEpoch,
                    }
                )
            );
        }

        var people = await db.People.Select(p => p.Id).ToListAsync(ct);
        var demoPeople = Communities
            .SelectMany(c => c.Staff.Select(name => (name, cadre: false, community: (Guid?)c.Id)))
            .Concat(Cadres.Select(name => (name, cadre: true, community: (Guid?)null)));
        foreach (var (name, cadre, community) in demoPeople.Where(p => !people.Contains(DemoIds.Person(p.name))))
        {
            db.People.Add(
                KnownPerson.From(
                    new PersonChanged
                    {
                        PersonId = DemoIds.Person(name),
                        Name = name,
                        IsCadre = cadre,
                        StaffCommunityId = community,
                        Version = 0,
                        OccurredAt = DateTimeOffset.UnixEpoch,
                    }
                )
            );
        }

        await db.SaveChangesAsync(ct);
    }

    private static void AddBuildingsAndNetworks(GridDbContext db, PersonalDataProtector protector, DateTimeOffset now)
    {
        (string Layer, string Code, string Name, string Contact, string Phone)[] networks =
        [
            ("public-security", "police-hexi", "德令哈市公安局河西派出所", "值班民警", "09778221110"),
            ("urban-management", "urban-management", "德令哈市城市管理局河西中队", "中队值班室", "09778221120"),
            ("environment", "environment", "德令哈市生态环境局", "环境监察室", "09778221130"),
            ("work-safety", "work-safety", "德令哈市应急管理局", "安全监管科", "09778221140"),
        ];
        foreach (var (communityId, _, name, _, _, _, _) in Communities)
        {
            foreach (var compound in new[] { "阳光小区", "幸福小区" })
            {
                db.Compounds.Add(Compound.Create(communityId, $"{name[..3]}{compound}", $"德令哈市河西街道{name}{compound}", null).OrThrow());
            }
        }

        foreach (var grid in Grids.Where(g => g.Type != GridType.Specialized))
        {
            var centre = grid.Boundary.Centroid;
            for (var k = 1; k <= 3; k++)
            {
                var at = Geo.Factory.CreatePoint(new Coordinate(centre.X + (k - 2) * Width / 4, centre.Y + (k % 2 == 0 ? 1 : -1) * Height / 5));
                var building = Building.Create(null, grid.Id, grid.CommunityId, $"{k}号楼", $"德令哈市河西街道{grid.Name}{k}号楼", at, now).OrThrow();
                db.Buildings.Add(building);
            }

            foreach (var (layer, code, department, contact, phone) in networks)
            {
                var responsibility = LayerResponsibility.Assign(grid.Id, grid.CommunityId, layer, now).OrThrow();
                responsibility.Set(code, department, contact, protector.Protect(phone, Mask.Phone), now);
                db.Responsibilities.Add(responsibility);
            }
        }
    }

    private static async Task AddStaffAsync(GridDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var from = new DateOnly(2026, 1, 1);
        var team = TeamMember.Enrol(DemoIds.Person("孙强"), fullTime: true, now);
        db.Team.Add(team);
        for (var c = 0; c < Communities.Length; c++)
        {
            var grids = Grids.Where(g => g.CommunityId == Communities[c].Id && g.Type != GridType.Specialized).ToList();
            var posts = new List<(DemoGrid Grid, string Person, GridPostKind Kind, string? Duties)>
            {
                (grids[0], Communities[c].Staff[0], GridPostKind.Leader, "社区党组织书记"),
                (grids[1], Communities[c].Staff[1], GridPostKind.Leader, "社区综治专干"),
                (grids[0], Cadres[c], GridPostKind.Instructor, null),
            };
            if (c == 0)
            {
                posts.Add((grids[0], "孙强", GridPostKind.Assistant, null));
            }

            foreach (var (grid, person, kind, duties) in posts)
            {
                var entity = await db.Grids.FirstAsync(g => g.Id == grid.Id, ct);
                var post = GridPost.TakeUp(
                    entity,
                    people[DemoIds.Person(person)],
                    kind,
                    null,
                    duties,
                    [],
                    kind == GridPostKind.Assistant ? team : null,
                    from,
                    now
                );
                if (post.Value is { } taken)
                {
                    db.Posts.Add(taken);
                }
            }
        }
    }

    private static void AddVisits(GridDbContext db, DateTimeOffset now)
    {
        var day = ContactDay.Schedule(DateOnly.FromDateTime(now.UtcDateTime.AddDays(-7)), "联系服务群众日（十一月）", []).OrThrow();
        db.ContactDays.Add(day);
        var visitedAt = new DateTimeOffset(day.Date.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
        foreach (var (grid, index) in Grids.Where(g => g.Type != GridType.Specialized).Take(12).Select((g, i) => (g, i)))
        {
            var visitor = DemoIds.Person(Cadres[Array.FindIndex(Communities, c => c.Id == grid.CommunityId)]);
            var raisesCase = index == 3;
            var visit = Visit
                .Log(
                    grid.Id,
                    grid.CommunityId,
                    null,
                    $"{index % 3 + 1}单元{index + 1}01",
                    visitor,
                    day.Id,
                    visitedAt.AddMinutes(index * 20),
                    raisesCase ? "楼道堆放杂物，堵塞消防通道" : "走访独居老人，身体状况良好",
                    raisesCase ? "转城管中队清理" : null,
                    raisesCase,
                    raisesCase ? "消防通道堵塞" : null,
                    null,
                    now
                )
                .OrThrow();
            db.Visits.Add(visit);
        }
    }
}
