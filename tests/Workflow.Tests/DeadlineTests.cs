using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Platform.Workflow.Cases;
using Platform.Workflow.Deadlines;
using Platform.Workflow.Routing;

namespace Platform.Workflow.Tests;

public class DeadlineTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DeadlinePolicy Policy(TimeSpan? warnBefore = null) =>
        new(
            Options.Create(
                new DeadlineOptions
                {
                    UtcOffset = Beijing,
                    // National Day 2026: 1–7 October off; Sunday 20 September and Saturday 10 October worked in exchange.
                    Holidays = [.. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))],
                    WorkingWeekendDays = [new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 10)],
                    WarnBefore = warnBefore ?? TimeSpan.FromDays(1),
                }
            )
        );

    [Fact]
    public void An_emergency_is_due_at_the_end_of_the_local_day_it_was_dispatched()
    {
        // 15:00 UTC is 23:00 in Beijing: still the same local day, due at local midnight.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero));

        var due = Policy().DueAt(CasePriority.Emergency, 13, clock.GetUtcNow());

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, Beijing), due);
    }

    [Fact]
    public void A_complaint_gets_thirteen_working_days_across_the_National_Day_holiday()
    {
        // Dispatched Wednesday 30 September (Beijing): 1–7 Oct off; Thu 8 and Fri 9 Oct are working days 1–2, Saturday 10 Oct
        // (exchanged) day 3, 12–16 Oct days 4–8, 19–23 Oct days 9–13: due at the end of Friday 23 October.
        var dispatched = new DateTimeOffset(2026, 9, 30, 10, 0, 0, Beijing);

        var due = Policy().DueAt(CasePriority.Normal, 13, dispatched);

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 0, 0, 0, Beijing), due);
    }

    [Fact]
    public void An_urgent_case_gets_one_working_day_and_a_consultation_three()
    {
        var friday = new DateTimeOffset(2026, 11, 27, 9, 0, 0, Beijing);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, Beijing), Policy().DueAt(CasePriority.Urgent, 13, friday));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 0, 0, Beijing), Policy().DueAt(CasePriority.Normal, 3, friday));
    }

    [Fact]
    public void An_extension_moves_the_deadline_by_working_days_and_the_warning_comes_before_it()
    {
        var policy = Policy();
        var due = new DateTimeOffset(2026, 12, 3, 0, 0, 0, Beijing);

        var extended = policy.Extend(due, 3);

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, Beijing), extended);
        Assert.Equal(extended.AddDays(-1), policy.WarnAt(due, extended));
        // A short deadline is warned at half its time, not a day before it.
        var dispatched = new DateTimeOffset(2026, 12, 2, 20, 0, 0, Beijing);
        Assert.Equal(dispatched.AddHours(2), policy.WarnAt(dispatched, due));
    }

    [Fact]
    public void The_timer_warns_once_then_marks_overdue_once_and_escalates_one_level_at_a_time()
    {
        var policy = Policy();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Beijing));
        var route = new CaseRoute(HandlerLevel.Grid, null, null, "test");
        var (gridId, communityId) = (Guid.NewGuid(), Guid.NewGuid());
        var @case = Case.Report(
            new ReportCase
            {
                Category = "garbage",
                Description = "垃圾满溢",
                Channel = CaseChannel.GridPatrol,
                Priority = CasePriority.Normal,
                GridId = gridId,
                CommunityId = communityId,
            },
            new IntakeFindings
            {
                GridId = gridId,
                CommunityId = communityId,
                Location = null,
            },
            "2026-000001",
            Actor.DeadlineTimer,
            clock.GetUtcNow()
        ).Value!;
        Assert.Null(@case.Register(Actor.DeadlineTimer, clock.GetUtcNow()));
        Assert.Null(@case.Dispatch(route, 3, policy, Actor.DeadlineTimer, clock.GetUtcNow()));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, Beijing), @case.Deadline.DueAt);
        Assert.Equal(@case.Deadline.DueAt!.Value.AddDays(-1), @case.Deadline.NextCheckAt);

        clock.SetUtcNow(@case.Deadline.NextCheckAt!.Value);
        Assert.True(@case.Tick(policy, clock.GetUtcNow()));
        Assert.False(@case.Tick(policy, clock.GetUtcNow()));
        Assert.NotNull(@case.Deadline.WarnedAt);
        Assert.Equal(@case.Deadline.DueAt, @case.Deadline.NextCheckAt);

        clock.SetUtcNow(@case.Deadline.DueAt.Value);
        Assert.True(@case.Tick(policy, clock.GetUtcNow()));
        Assert.False(@case.Tick(policy, clock.GetUtcNow()));
        Assert.Equal(HandlerLevel.Community, @case.SupervisingLevel);
        Assert.True(@case.IsOverdue);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(@case.Tick(policy, clock.GetUtcNow()));
        Assert.Equal(HandlerLevel.Subdistrict, @case.SupervisingLevel);
        Assert.Null(@case.Deadline.NextCheckAt);

        clock.Advance(TimeSpan.FromDays(10));
        Assert.False(@case.Tick(policy, clock.GetUtcNow()));
        Assert.Equal(
            ["Warned", "Overdue", "Escalate", "Escalate"],
            @case.Steps.Where(s => s.Action is "Warned" or "Overdue" or "Escalate").Select(s => s.Action)
        );
        Assert.Equal(2, @case.Escalations);
    }

    [Fact]
    public void A_deferred_case_stops_the_clock_and_resuming_moves_the_deadline_by_the_pause()
    {
        var policy = Policy();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Beijing));
        var (gridId, communityId) = (Guid.NewGuid(), Guid.NewGuid());
        var @case = Case.Report(
            new ReportCase
            {
                Category = "garbage",
                Description = "垃圾满溢",
                Channel = CaseChannel.GridPatrol,
                Priority = CasePriority.Normal,
                GridId = gridId,
                CommunityId = communityId,
            },
            new IntakeFindings
            {
                GridId = gridId,
                CommunityId = communityId,
                Location = null,
            },
            "2026-000002",
            Actor.DeadlineTimer,
            clock.GetUtcNow()
        ).Value!;
        @case.Register(Actor.DeadlineTimer, clock.GetUtcNow());
        @case.Dispatch(new CaseRoute(HandlerLevel.Grid, null, null, "test"), 3, policy, Actor.DeadlineTimer, clock.GetUtcNow());
        @case.Accept(Actor.DeadlineTimer, clock.GetUtcNow());
        var due = @case.Deadline.DueAt!.Value;

        Assert.Null(@case.Defer("等待配件", Actor.DeadlineTimer, clock.GetUtcNow()));
        Assert.Null(@case.Deadline.NextCheckAt);
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Null(@case.Resume(Actor.DeadlineTimer, clock.GetUtcNow()));

        Assert.Equal(due.AddDays(2), @case.Deadline.DueAt);
        Assert.Equal(1, @case.Deferrals);
    }

    [Fact]
    public void A_deferral_or_extension_after_the_deadline_is_refused()
    {
        var policy = Policy();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Beijing));
        var (gridId, communityId) = (Guid.NewGuid(), Guid.NewGuid());
        var @case = Case.Report(
            new ReportCase
            {
                Category = "garbage",
                Description = "垃圾满溢",
                Channel = CaseChannel.GridPatrol,
                Priority = CasePriority.Emergency,
                GridId = gridId,
                CommunityId = communityId,
            },
            new IntakeFindings
            {
                GridId = gridId,
                CommunityId = communityId,
                Location = null,
            },
            "2026-000003",
            Actor.DeadlineTimer,
            clock.GetUtcNow()
        ).Value!;
        @case.Register(Actor.DeadlineTimer, clock.GetUtcNow());
        @case.Dispatch(new CaseRoute(HandlerLevel.Grid, null, null, "test"), 3, policy, Actor.DeadlineTimer, clock.GetUtcNow());
        @case.Accept(Actor.DeadlineTimer, clock.GetUtcNow());

        clock.SetUtcNow(@case.Deadline.DueAt!.Value);

        Assert.Equal("deadline-passed", @case.Extend(2, "more time", policy, Actor.DeadlineTimer, clock.GetUtcNow())!.Code);
        Assert.Equal("deadline-passed", @case.Defer("wait", Actor.DeadlineTimer, clock.GetUtcNow())!.Code);
        Assert.Equal(0, @case.Extensions);
    }
}
