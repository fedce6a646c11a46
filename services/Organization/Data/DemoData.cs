using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.PersonalData;
using Platform.Organization.Accounts;
using Platform.Organization.Communities;
using Platform.Organization.MemberUnits;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Organization.Posts;
using Platform.Organization.Registrations;

namespace Platform.Organization.Data;

/// <summary>
/// The demo subdistrict (河西街道, Delingha): its communities, the party tree down to building groups, member
/// units, people and posts. Ids are fixed (communities) or derived from names, so the other services' demo
/// data can point at them and a restart adds nothing twice. All personal data is synthetic.
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

    /// <summary>The Grid service's demo grids (fixed ids there), for the cadres' area assignments.</summary>
    private static readonly Guid[] DemoGrids =
    [
        Guid.Parse("0195a001-0000-7000-8000-000000000001"),
        Guid.Parse("0195a001-0000-7000-8000-000000000002"),
        Guid.Parse("0195a001-0000-7000-8000-000000000003"),
        Guid.Parse("0195a001-0000-7000-8000-000000000004"),
    ];

    public static readonly Guid Committee = Id("org:河西街道工委");

    /// <summary>The password of every demo account (docs/security.md, "Signing in"). Demo data only.</summary>
    public const string DemoPassword = "Demo-Platform-2026";

    /// <summary>A stable id from a name, so reseeding finds what it made before.</summary>
    public static Guid Id(string key) => DemoIds.From(key);

    public static async Task SeedAsync(OrganizationDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var now = DateTimeOffset.UtcNow;
        if (!await db.Subdistricts.AnyAsync(ct))
        {
            db.Subdistricts.Add(Subdistrict.Define("632802", "001", "河西街道", now).OrThrow());
        }

        var existing = await db.Communities.Select(c => c.Id).ToListAsync(ct);
        foreach (var (id, code, name) in Communities.Where(c => !existing.Contains(c.Id)))
        {
            var community = Community.Create(id, code, name, now, $"{name}居民委员会", $"{name}公共服务站").OrThrow();
            db.Communities.Add(community);
        }

        await db.SaveChangesAsync(ct);
        if (await db.PartyOrganizations.AnyAsync(o => o.Id == Committee, ct))
        {
            return;
        }

        var organizations = new Dictionary<string, PartyOrganization>();
        PartyOrganization Found(string name, OrganizationKind kind, string? parent, Guid? community = null, MassOrganizationType? mass = null)
        {
            var result = PartyOrganization.Found(
                Id("org:" + name),
                name,
                kind,
                mass,
                parent is null ? null : organizations[parent],
                community,
                rootExists: false,
                now
            );
            var organization = result.Value ?? throw new InvalidOperationException($"Demo organization {name}: {result.Error!.Message}");
            organizations[name] = organization;
            db.PartyOrganizations.Add(organization);
            return organization;
        }

        Found("河西街道工委", OrganizationKind.SubdistrictCommittee, null);
        foreach (var (id, _, name) in Communities)
        {
            var generalBranch = id == Communities[0].Id || id == Communities[1].Id;
            var top = Found(
                $"{name}党{(generalBranch ? "总支" : "支部")}",
                generalBranch ? OrganizationKind.CommunityGeneralBranch : OrganizationKind.CommunityBranch,
                "河西街道工委",
                id
            );
            foreach (var compound in new[] { "阳光", "幸福" })
            {
                var branch = Found($"{name}{compound}小区党支部", OrganizationKind.CompoundBranch, top.Name);
                Found($"{branch.Name}1号楼党小组", OrganizationKind.BuildingGroup, branch.Name);
                Found($"{branch.Name}2号楼党小组", OrganizationKind.BuildingGroup, branch.Name);
            }
        }

        Found("德令哈供电公司党委", OrganizationKind.MemberUnitOrganization, "河西街道工委");
        Found("河西中学党支部", OrganizationKind.MemberUnitOrganization, "河西街道工委");
        Found("河西商贸城党支部", OrganizationKind.NewEconomicSocialOrganization, "祁连路社区党总支");
        Found("河西街道总工会", OrganizationKind.MassOrganization, "河西街道工委", mass: MassOrganizationType.TradeUnion);
        Found("河西街道团工委", OrganizationKind.MassOrganization, "河西街道工委", mass: MassOrganizationType.YouthLeague);
        Found("河西街道妇联", OrganizationKind.MassOrganization, "河西街道工委", mass: MassOrganizationType.WomensFederation);

        var serial = 0;
        Person Person(string name, string? organization, MemberType type = MemberType.Resident, bool cadre = false, Guid? staffOf = null)
        {
            serial++;
            var person = People.Person.Register(Id("person:" + name), name, now).OrThrow();
            var phone = $"1380977{serial:0000}";
            person.SetContact(
                protector.Protect(phone, Mask.Phone),
                null,
                null,
                protector.Protect($"德令哈市河西街道{Communities[serial % 4].Name[..3]}{serial}号", Mask.Address),
                now
            );
            if (organization is not null)
            {
                person.SetMembership(
                    new PartyMembership(organizations[organization].Id, type, new DateOnly(1990 + serial % 30, 7, 1)),
                    organizations[organization].CommunityId,
                    now
                );
            }

            person.SetRoles(cadre, staffOf, now);
            db.People.Add(person);
            return person;
        }

        void Appoint(Person person, string organization, PostTitle title, string? line = null, string? duty = null) =>
            db.Posts.Add(Post.Appoint(person.Id, organizations[organization].Id, title, line, duty, new DateOnly(2024, 1, 1), false).OrThrow());

        var secretary = Person("马建国", "河西街道工委", cadre: true);
        Appoint(secretary, "河西街道工委", PostTitle.Secretary);
        string[] cadres = ["李文华", "韩雪梅", "赵永明", "周海燕"];
        string[] lines = ["综治维稳", "城市管理", "民政社保", "安全生产"];
        for (var i = 0; i < cadres.Length; i++)
        {
            var cadre = Person(cadres[i], "河西街道工委", cadre: true);
            Appoint(cadre, "河西街道工委", PostTitle.CommitteeMember, lines[i], $"联系{Communities[i].Name}党建工作");
            var assignment = AreaAssignment.Assign(cadre.Id, true, Communities[i].Id, [DemoGrids[i]], new DateOnly(2026, 1, 1), null, now).OrThrow();
            db.AreaAssignments.Add(assignment);
        }

        string[][] staff =
        [
            ["王丽", "孙强"],
            ["刘敏", "陈刚"],
            ["杨帆", "朱琳"],
            ["何平", "郭静"],
        ];
        for (var i = 0; i < Communities.Count; i++)
        {
            var top = organizations.Values.First(o =>
                o.CommunityId == Communities[i].Id && o.Kind is OrganizationKind.CommunityGeneralBranch or OrganizationKind.CommunityBranch
            );
            var leader = Person(staff[i][0], top.Name, staffOf: Communities[i].Id);
            Appoint(leader, top.Name, PostTitle.Secretary);
            Person(staff[i][1], null, staffOf: Communities[i].Id);
            Person($"{Communities[i].Name[..2]}退休党员", $"{Communities[i].Name}阳光小区党支部", MemberType.Retired);
            Person($"{Communities[i].Name[..2]}居民党员", $"{Communities[i].Name}幸福小区党支部", MemberType.Resident);
        }

        var engineer = Person("谢志远", "德令哈供电公司党委", MemberType.InService);
        var teacher = Person("林晓燕", "河西中学党支部", MemberType.InService);
        await db.SaveChangesAsync(ct);

        var power = MemberUnit
            .Join(
                "德令哈供电公司",
                UnitKind.StateEnterprise,
                organizations["德令哈供电公司党委"].Id,
                "谢志远",
                protector.Protect("13809770101", Mask.Phone),
                [new SharedResource(ResourceKind.Venue, "职工活动中心，可容纳100人"), new SharedResource(ResourceKind.Skill, "电工维修")],
                ["便民服务", "安全用电"],
                new DateOnly(2024, 3, 1),
                now,
                DemoIds.Unit("德令哈供电公司")
            )
            .OrThrow();
        var school = MemberUnit
            .Join(
                "河西中学",
                UnitKind.School,
                organizations["河西中学党支部"].Id,
                "林晓燕",
                protector.Protect("13809770102", Mask.Phone),
                [new SharedResource(ResourceKind.Venue, "操场与图书室（周末开放）")],
                ["青少年教育", "文化活动"],
                new DateOnly(2024, 3, 1),
                now,
                DemoIds.Unit("河西中学")
            )
            .OrThrow();
        foreach (var unit in new[] { power, school })
        {
            db.MemberUnits.Add(unit);
        }

        var hasher = services.GetRequiredService<IPasswordHasher<UserAccount>>();
        void Account(string userName, Person? person, params string[] roles)
        {
            var department = roles.Contains(Roles.DepartmentHandler) ? "urban-management" : null;
            var account = UserAccount.Create(userName, "", roles, person?.Id, department, DemoIds.Account(userName));
            account.Rehash(hasher.HashPassword(account, DemoPassword));
            db.UserAccounts.Add(account);
        }

        var people = db.People.Local;
        Account("admin", secretary, Roles.SubdistrictAdmin, Roles.PartyMember);
        Account("cadre.li", people.First(p => p.Name == "李文华"), Roles.SubdistrictCadre, Roles.PartyMember);
        Account("handler.urban", null, Roles.DepartmentHandler);
        Account("staff.wang", people.First(p => p.Name == "王丽"), Roles.CommunityStaff, Roles.GridStaff, Roles.PartyMember);
        Account("grid.sun", people.First(p => p.Name == "孙强"), Roles.GridStaff);
        Account("member.xie", engineer, Roles.PartyMember);
        Account("unit.lin", teacher, Roles.UnitLiaison, Roles.PartyMember);
        Account("resident.zhou", null, Roles.Resident);

        var registration = InServiceRegistration
            .Submit(
                engineer,
                organizations["德令哈供电公司党委"],
                organizations["长江路社区阳光小区党支部"],
                Communities[0].Id,
                DemoGrids[0],
                ["每月参加一次志愿服务", "义务检修楼道线路"],
                false,
                now
            )
            .OrThrow();
        registration.Confirm(now, "欢迎报到");
        db.Registrations.Add(registration);
        db.Registrations.Add(
            InServiceRegistration
                .Submit(
                    teacher,
                    organizations["河西中学党支部"],
                    organizations["祁连路社区阳光小区党支部"],
                    Communities[1].Id,
                    null,
                    ["周末辅导社区学生功课"],
                    false,
                    now
                )
                .OrThrow()
        );
        await db.SaveChangesAsync(ct);
    }
}
