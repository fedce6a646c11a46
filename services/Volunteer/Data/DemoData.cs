using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Data;
using Platform.Contracts.Organization;
using Platform.Volunteer.Activities;
using Platform.Volunteer.Directory;
using Platform.Volunteer.Hours;
using Platform.Volunteer.Projects;
using Platform.Volunteer.Wishes;
using VolunteerEntity = Platform.Volunteer.Volunteers.Volunteer;

namespace Platform.Volunteer.Data;

/// <summary>
/// The demo subdistrict's volunteer work: the two demo member units (their ids are derived from their names
/// in the Organization demo too), volunteers for the demo accounts, a project claimed by the power company with
/// a past activity whose hours are approved and an upcoming one with shifts, a published project with a
/// pending claim, a draft, and two small wishes. Seeded once; all data synthetic.
/// </summary>
public static class DemoData
{
    private static readonly Guid Changjiang = Guid.Parse("0195a000-0000-7000-8000-000000000001");
    private static readonly Guid Qilian = Guid.Parse("0195a000-0000-7000-8000-000000000002");

    public static async Task SeedAsync(VolunteerDbContext db, CancellationToken ct)
    {
        if (await db.Projects.AnyAsync(ct))
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var power = DemoIds.Unit("德令哈供电公司");
        var school = DemoIds.Unit("河西中学");
        foreach (var (id, name, organization) in new[] { (power, "德令哈供电公司", "org:德令哈供电公司党委"), (school, "河西中学", "org:河西中学党支部") })
        {
            if (!await db.Units.AnyAsync(u => u.Id == id, ct))
            {
                db.Units.Add(
                    KnownUnit.From(
                        new MemberUnitJoined
                        {
                            UnitId = id,
                            Name = name,
                            PartyOrganizationId = DemoIds.From(organization),
                            JoinedOn = new DateOnly(2024, 3, 1),
                            OccurredAt = now,
                        }
                    )
                );
            }
        }

        VolunteerEntity Volunteer(string name, string? account, string? person, params string[] skills)
        {
            var volunteer = VolunteerEntity
                .Register(
                    Guid.CreateVersion7(),
                    name,
                    skills,
                    account is null ? null : DemoIds.Account(account).ToString(),
                    now,
                    person is null ? null : DemoIds.Person(person),
                    "周末",
                    DemoGrid(1)
                )
                .OrThrow();
            db.Volunteers.Add(volunteer);
            return volunteer;
        }

        var xie = Volunteer("谢志远", "member.xie", "谢志远", "电工维修", "急救");
        Volunteer("周小红", "resident.zhou", null, "助老");
        Volunteer("林晓燕", "unit.lin", "林晓燕", "课业辅导");
        var residents = new[]
        {
            Volunteer("马秀兰", null, null, "助老"),
            Volunteer("陈建军", null, null, "环境整治"),
            Volunteer("李娜", null, null, "急救", "助老"),
        };
        await db.SaveChangesAsync(ct);

        var elders = Project
            .Draft(
                "关爱空巢老人",
                "助老",
                Changjiang,
                DemoGrid(1),
                "每月上门探访空巢老人，检修家中线路",
                new DateOnly(now.Year, 1, 1),
                new DateOnly(now.Year, 12, 31),
                1,
                now
            )
            .OrThrow();
        elders.Publish(now);
        elders.Claim(power, "德令哈供电公司", now);
        elders.Decide(power, true, DemoIds.From("org:德令哈供电公司党委"), now);
        elders.Start(now);
        var tutoring = Project
            .Draft("青少年课后辅导", "青少年教育", null, null, "周末为社区学生辅导功课", new DateOnly(now.Year, 3, 1), new DateOnly(now.Year, 12, 31), 1, now)
            .OrThrow();
        tutoring.Publish(now);
        tutoring.Claim(school, "河西中学", now);
        var cleanup = Project
            .Draft("社区环境整治", "环境整治", Qilian, null, "清理楼道杂物和小广告", new DateOnly(now.Year, 12, 1), new DateOnly(now.Year, 12, 31), 2, now)
            .OrThrow();
        db.Projects.AddRange(elders, tutoring, cleanup);

        // Last week's visit: everyone came but one; hours approved.
        var past = Activity
            .Plan(elders.Id, Changjiang, "空巢老人家中线路检修", "长江路社区阳光小区", 37.3885, 97.342, 200, [], false, false, now.AddDays(-8))
            .OrThrow();
        past.Publish();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var pastStart = today.AddDays(-7).AddHours(1);
        var pastShift = Shift.Of(past.Id, pastStart, pastStart.AddHours(3), 5).OrThrow();
        db.Activities.Add(past);
        db.Shifts.Add(pastShift);
        var attendees = new[] { xie, residents[0], residents[2] };
        foreach (var volunteer in attendees.Append(residents[1]))
        {
            var signUp = SignUp.Take(pastShift, past, volunteer.Id, 0, [], true, pastStart.AddDays(-1)).OrThrow();
            db.SignUps.Add(signUp);
            if (!attendees.Contains(volunteer))
            {
                continue;
            }

            signUp.CheckIn(past, past.CheckInCode, null, null, pastStart.AddMinutes(-5));
            var hours = signUp.CheckOut(past, past.CheckInCode, null, null, pastStart.AddHours(3).AddMinutes(10)).Value;
            var record = ServiceHoursRecord.Record(
                signUp.Id,
                volunteer.Id,
                volunteer.AccountSubject,
                volunteer.PersonId,
                past.Id,
                past.Title,
                DateOnly.FromDateTime(pastStart.UtcDateTime),
                hours
            );
            record.Approve("admin", now);
            db.Hours.Add(record);
        }

        past.Complete(new ActivityAttendance([power], [DemoIds.Person("谢志远")], attendees.Length, 1), now);
        await db.SaveChangesAsync(ct);
        foreach (var absent in db.SignUps.Local.Where(s => s.ActivityId == past.Id && s.CheckedInAt is null))
        {
            absent.MarkNoShow();
        }

        // Next week: two shifts, a waitlist when full.
        var next = Activity
            .Plan(elders.Id, Changjiang, "重阳敬老志愿服务", "长江路社区党群服务中心", 37.3885, 97.342, 200, ["助老"], true, false, now)
            .OrThrow();
        next.Publish();
        var nextStart = today.AddDays(3).AddHours(1);
        db.Activities.Add(next);
        db.Shifts.AddRange(
            Shift.Of(next.Id, nextStart, nextStart.AddHours(3), 4).OrThrow(),
            Shift.Of(next.Id, nextStart.AddHours(4), nextStart.AddHours(7), 4).OrThrow()
        );

        var radio = Wish.Post(DemoIds.Account("resident.zhou").ToString(), Changjiang, "想要一台收音机", "独居老人，想听戏曲", now.AddDays(-10)).OrThrow();
        radio.Claim(DemoIds.Account("member.xie").ToString(), DemoIds.Person("谢志远"), null, now.AddDays(-9));
        radio.Fulfil(DemoIds.Account("member.xie").ToString(), "已送到家中并调好频道", now.AddDays(-8));
        radio.Confirm(DemoIds.Account("resident.zhou").ToString(), now.AddDays(-8));
        db.Wishes.AddRange(radio, Wish.Post(DemoIds.Account("resident.zhou").ToString(), Changjiang, "希望有人陪孩子读书", "周末两小时", now).OrThrow());
        await db.SaveChangesAsync(ct);
    }

    private static Guid DemoGrid(int n) => Guid.Parse($"0195a001-0000-7000-8000-{n:x12}");
}
