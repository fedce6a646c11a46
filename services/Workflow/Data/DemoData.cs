using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.PersonalData;
using Platform.Workflow.Cases;
using Platform.Workflow.Deadlines;
using Platform.Workflow.Mediation;
using Platform.Workflow.Open311;
using Platform.Workflow.Routing;

namespace Platform.Workflow.Data;

/// <summary>
/// The demo's dispatch rules and 300 cases over the 35 demo grids of the Grid service (their ids are fixed
/// there), reported over the last 60 days and walked through the loop with the domain's own steps, so every
/// state appears, with returns, extensions, deferrals, rework and ratings; cases left with a handler long
/// ago are found overdue and escalated by the deadline timer after start. Seeding adds only what is
/// missing (each demo case has its own source). All data is synthetic.
/// </summary>
public static class DemoData
{
    private const int CaseCount = 300;

    /// <summary>The Grid demo's grids by community: ids 0195a001-…-{n} as the Grid service's DemoData numbers them.</summary>
    private static readonly (int Community, int[] Grids)[] GridsByCommunity =
    [
        (1, [1, 2, 5, 6, 7, 8, 9, 10, 11]),
        (2, [3, 4, 12, 13, 14, 15, 16, 17, 18]),
        (3, [19, 20, 21, 22, 23, 24, 25, 26, 27]),
        (4, [28, 29, 30, 31, 32, 33, 34, 35]),
    ];

    /// <summary>The overlaid networks' departments in the demo (Grid's DemoData assigns them to every grid).</summary>
    private static readonly Dictionary<string, string> Departments = new()
    {
        ["public-security"] = "police-hexi",
        ["urban-management"] = "urban-management",
        ["environment"] = "environment",
        ["work-safety"] = "work-safety",
    };

    private static readonly (string Category, string Text)[] Problems =
    [
        ("garbage", "小区垃圾桶满溢，两天未清运"),
        ("road-damage", "人行道地砖松动破损，老人易绊倒"),
        ("noise", "夜间施工噪音扰民"),
        ("pollution", "餐馆油烟直排，居民窗户熏黑"),
        ("fire-hazard", "楼道堆放杂物堵塞消防通道"),
        ("public-order", "小区门禁损坏，外来人员随意进出"),
        ("consultation", "咨询老年人高龄补贴申领办法"),
        ("help-request", "独居老人家中水管漏水求助"),
        ("complaint", "物业服务不到位，电梯经常停运"),
        ("neighbour-dispute", "楼上漏水渗到楼下，邻里协商不成"),
        ("property-management", "小区停车位划分引发矛盾"),
        ("other", "路灯不亮，夜间出行不便"),
    ];

    private static readonly Actor Admin = Person("admin", "管理员", null);
    private static readonly Actor Operator = Person("staff.wang", "王丽", "王丽");
    private static readonly Actor GridStaff = Person("grid.sun", "孙强", "孙强");
    private static readonly Actor Handler = Person("handler.urban", "城管执法队员", null);
    private static readonly Actor Resident = Person("resident.zhou", "周女士", null);

    /// <summary>The demo's documented Open311 api_key (docs/services.md, Open311): demo data only.</summary>
    public const string Open311DemoKey = "demo-open311-hexi-2026";

    public static async Task SeedAsync(WorkflowDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        await SeedRulesAsync(db, now, ct);
        if (!await db.Open311Clients.AnyAsync(c => c.KeyHash == Open311Client.Hash(Open311DemoKey), ct))
        {
            db.Open311Clients.Add(Open311Client.Issue("演示 Open311 客户端 (demo)", now, Open311DemoKey).Value.Client);
            await db.SaveChangesAsync(ct);
        }

        var existing = (
            await db.Cases.Where(c => c.SourceRef != null && c.SourceRef.StartsWith("demo:")).Select(c => c.SourceRef!).ToListAsync(ct)
        ).ToHashSet();
        if (existing.Count >= CaseCount)
        {
            return;
        }

        var deadlines = services.GetRequiredService<DeadlinePolicy>();
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => (c.WorkingDays, c.DefaultType), ct);
        var parties = (protector.Protect("王建国", Mask.Name), protector.Protect("赵小红", Mask.Name));
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
        var random = new Random(20261128);
        for (var i = 1; i <= CaseCount; i++)
        {
            // Drawn for every case, so a partial reseed makes the same cases as a full one.
            var (communityNumber, grids) = GridsByCommunity[random.Next(GridsByCommunity.Length)];
            var gridId = Guid.Parse($"0195a001-0000-7000-8000-{grids[random.Next(grids.Length)]:x12}");
            var communityId = Guid.Parse($"0195a000-0000-7000-8000-{communityNumber:x12}");
            var (category, text) = Problems[random.Next(Problems.Length)];
            var channel = (CaseChannel)random.Next(0, 5);
            var reportedAt = now.AddDays(-random.Next(1, 60)).AddMinutes(-random.Next(0, 600));
            var path = random.Next(100);
            if (existing.Contains($"demo:{i}"))
            {
                continue;
            }

            var reporter = channel switch
            {
                CaseChannel.Resident => CaseReporter.Create(protector.Protect("周女士", Mask.Name), null, Resident.Subject, null, channel, reportedAt),
                CaseChannel.Hotline => CaseReporter.Create(
                    protector.Protect($"市民{i}", Mask.Name),
                    protector.Protect($"1390977{i:0000}", Mask.Phone),
                    null,
                    null,
                    channel,
                    reportedAt
                ),
                CaseChannel.GridPatrol => CaseReporter.Create(null, null, GridStaff.Subject, GridStaff.PersonId, channel, reportedAt),
                _ => null,
            };
            var reportedBy =
                channel == CaseChannel.Resident ? Resident
                : channel == CaseChannel.GridPatrol ? GridStaff
                : Operator;
            var report = new ReportCase
            {
                Category = category,
                Description = text,
                Channel = channel,
                Priority = random.Next(10) == 0 ? CasePriority.Urgent : CasePriority.Normal,
                GridId = gridId,
                CommunityId = communityId,
                SourceRef = $"demo:{i}",
            };
            var found = new IntakeFindings
            {
                GridId = gridId,
                CommunityId = communityId,
                Location = null,
                Reporter = reporter,
            };
            var @case = Case.Report(report, found, $"{reportedAt.Year}-D{i:00000}", reportedBy, reportedAt).OrThrow();
            Walk(@case, path, rules, categories[category].WorkingDays, categories[category].DefaultType, parties, deadlines, reportedAt, now);
            db.Cases.Add(@case);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Takes a case as far along the loop as <paramref name="path"/> (0–99) says, at plausible times.</summary>
    private static void Walk(
        Case c,
        int path,
        List<RoutingRule> rules,
        int workingDays,
        CaseType type,
        (ProtectedValue Applicant, ProtectedValue Respondent) parties,
        DeadlinePolicy deadlines,
        DateTimeOffset at,
        DateTimeOffset now
    )
    {
        DateTimeOffset Later(double hours) => at = at.AddHours(hours) < now ? at.AddHours(hours) : at;
        if (path < 5)
        {
            return;
        }

        if (path < 10)
        {
            c.Void(Operator, "重复反映，已有同一问题在办", Later(2));
            return;
        }

        c.Register(Operator, Later(1), type: type);
        if (path < 15)
        {
            return;
        }

        var route = Router.Choose(rules, c.Category, c.GridId, c.CommunityId, layer => Departments.GetValueOrDefault(layer));
        if (path is >= 15 and < 20)
        {
            c.Dispatch(route, workingDays, deadlines, Operator, Later(1));
            c.Return(Handler, "不属于本部门职责范围", Later(3));
            return;
        }

        c.Dispatch(route, workingDays, deadlines, Operator, Later(1));
        if (path < 28)
        {
            return;
        }

        var handler =
            route.Level == HandlerLevel.Department ? Handler
            : route.Level == HandlerLevel.Grid ? GridStaff
            : Operator;
        c.Accept(handler, Later(2));
        if (path is >= 28 and < 33)
        {
            c.Extend(3, "需协调多个部门", deadlines, Admin, Later(4));
        }

        if (path < 40)
        {
            return;
        }

        if (path < 44)
        {
            c.Defer("等待汛期结束后施工", Admin, Later(5));
            return;
        }

        c.Progress(handler, "已到现场查看，正在处理", Later(6));
        switch (type)
        {
            case CaseType.Mediation:
                c.AddParty(PartyRole.Applicant, parties.Applicant, null, Later(1));
                c.AddParty(PartyRole.Respondent, parties.Respondent, null, at);
                c.StartMediation(handler, at);
                c.HoldSession(handler, Later(24), ["申请人", "被申请人", "人民调解员"], "双方陈述，初步达成一致", at);
                c.Agree(handler, "被申请人一周内修复渗漏并赔偿墙面修补费用", null, Later(1));
                break;
            case CaseType.Tripartite:
                c.Convene(handler, at);
                c.HoldMeeting(handler, Later(24), "社区书记", "业委会主任", "物业项目经理", "商定整改方案", at);
                c.Agree(
                    handler,
                    "按整改方案分工落实",
                    [
                        new(CoordinationParty.PropertyCompany, "完成整改", null),
                        new(CoordinationParty.HomeownersCommittee, "公示方案", null),
                        new(CoordinationParty.Community, "监督落实", null),
                    ],
                    Later(1)
                );
                break;
            default:
                c.Resolve(handler, "已处理完毕，现场恢复正常", Later(20));
                break;
        }

        if (path < 52)
        {
            return;
        }

        c.SendReply(handler, "您反映的问题已处理完毕，感谢您的监督。", Later(1));
        if (path is >= 52 and < 57)
        {
            c.Rate(Resident, CaseRating.Dissatisfied, "问题没有彻底解决", Later(10));
            return;
        }

        _ = type == CaseType.Mediation ? c.FollowUp(GridStaff, true, "回访：协议已履行", Later(8)) : c.Verify(GridStaff, true, "现场核查属实", Later(8));
        if (path < 62)
        {
            return;
        }

        c.Rate(Resident, path % 3 == 0 ? CaseRating.BasicallySatisfied : CaseRating.Satisfied, null, Later(2));
        c.Close(Operator, Later(1));
    }

    private static async Task SeedRulesAsync(WorkflowDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        (string Category, HandlerLevel Level, string? Layer, string Note)[] rules =
        [
            ("garbage", HandlerLevel.Grid, null, "垃圾清运由网格就地解决"),
            ("public-order", HandlerLevel.Department, "public-security", "治安隐患交派出所"),
            ("noise", HandlerLevel.Department, "public-security", "噪音扰民交派出所"),
            ("road-damage", HandlerLevel.Department, "urban-management", "道路设施交城管"),
            ("pollution", HandlerLevel.Department, "environment", "环境污染交生态环境局"),
            ("fire-hazard", HandlerLevel.Department, "work-safety", "消防隐患交应急管理局"),
            ("consultation", HandlerLevel.Community, null, "咨询由社区答复"),
            ("help-request", HandlerLevel.Grid, null, "求助由网格员上门"),
        ];
        var known = await db.RoutingRules.Where(r => r.GridId == null && r.CommunityId == null).Select(r => r.Category).ToListAsync(ct);
        foreach (var (category, level, layer, note) in rules.Where(r => !known.Contains(r.Category)))
        {
            db.RoutingRules.Add(RoutingRule.Create(category, null, null, level, layer, null, note, now.AddDays(-90)).OrThrow());
        }

        await db.SaveChangesAsync(ct);
    }

    private static Actor Person(string userName, string name, string? personName) =>
        new(DemoIds.Account(userName).ToString(), name, personName is null ? null : DemoIds.Person(personName));
}
