using Platform.Workflow.Cases;
using Platform.Workflow.Deadlines;

namespace Platform.Workflow.Tests;

/// <summary>The case state machine and the working-day calendar, without a server.</summary>
public class CaseRulesTests
{
    /// <summary>The loop as docs/architecture.md describes it, written out independently of the machine's own table.</summary>
    internal static readonly HashSet<(CaseState, CaseAction, CaseState)> Expected =
    [
        (CaseState.Reported, CaseAction.Register, CaseState.Registered),
        (CaseState.Reported, CaseAction.Void, CaseState.Voided),
        (CaseState.Registered, CaseAction.Void, CaseState.Voided),
        (CaseState.Registered, CaseAction.Dispatch, CaseState.Dispatched),
        (CaseState.Dispatched, CaseAction.Return, CaseState.Registered),
        (CaseState.Dispatched, CaseAction.Accept, CaseState.Accepted),
        (CaseState.Dispatched, CaseAction.Escalate, CaseState.Dispatched),
        (CaseState.Accepted, CaseAction.Return, CaseState.Registered),
        (CaseState.Accepted, CaseAction.Defer, CaseState.Deferred),
        (CaseState.Accepted, CaseAction.Extend, CaseState.Accepted),
        (CaseState.Accepted, CaseAction.Escalate, CaseState.Accepted),
        (CaseState.Accepted, CaseAction.Resolve, CaseState.Resolved),
        (CaseState.Deferred, CaseAction.Resume, CaseState.Accepted),
        (CaseState.Deferred, CaseAction.Extend, CaseState.Deferred),
        (CaseState.Deferred, CaseAction.Escalate, CaseState.Deferred),
        (CaseState.Resolved, CaseAction.Reply, CaseState.Resolved),
        (CaseState.Resolved, CaseAction.Reopen, CaseState.Accepted),
        (CaseState.Resolved, CaseAction.Verify, CaseState.Verified),
        (CaseState.Verified, CaseAction.Reopen, CaseState.Accepted),
        (CaseState.Verified, CaseAction.Close, CaseState.Closed),
    ];

    public static TheoryData<CaseState, CaseAction> EveryPair()
    {
        var data = new TheoryData<CaseState, CaseAction>();
        foreach (var state in Enum.GetValues<CaseState>())
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_action_pair_is_allowed_or_refused_as_the_loop_says(CaseState state, CaseAction action)
    {
        var next = CaseStateMachine.Next(state, action);
        var expected = Expected.FirstOrDefault(t => t.Item1 == state && t.Item2 == action);

        if (expected != default)
        {
            Assert.Equal(expected.Item3, next.Value);
        }
        else
        {
            Assert.Equal("invalid-case-transition", next.Error!.Code);
            Assert.Contains(state.ToString(), next.Error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Voided_and_closed_cases_are_final_and_say_so()
    {
        Assert.All(Enum.GetValues<CaseAction>(), action =>
            Assert.Contains("is final", CaseStateMachine.Next(CaseState.Closed, action).Error!.Message, StringComparison.Ordinal)
        );
        Assert.True(CaseStateMachine.IsFinal(CaseState.Voided));
        Assert.False(CaseStateMachine.ClockRuns(CaseState.Deferred));
    }

    [Fact]
    public void Working_days_skip_weekends_and_holidays_and_count_exchanged_weekend_days()
    {
        // National Day 2026: 1–7 October off, Saturday 10 October worked in exchange.
        var calendar = new WorkingCalendar([.. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))], [new DateOnly(2026, 10, 10)]);

        Assert.Equal(new DateOnly(2026, 10, 9), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 2));
        Assert.Equal(new DateOnly(2026, 10, 10), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 3));
        Assert.Equal(new DateOnly(2026, 11, 30), calendar.AddWorkingDays(new DateOnly(2026, 11, 27), 1));
        Assert.Equal(new DateOnly(2026, 11, 27), calendar.AddWorkingDays(new DateOnly(2026, 11, 27), 0));
    }
}

/// <summary>The special case types' own tables, checked on every state × action pair against tables written out here.</summary>
public class CaseTypeRulesTests
{
    /// <summary>The general loop without the handler's plain result and the on-site check: each type puts its own steps there.</summary>
    private static HashSet<(CaseState, CaseAction, CaseState)> General() =>
        [.. CaseRulesTests.Expected.Where(t => t is not (CaseState.Accepted, CaseAction.Resolve, _) and not (CaseState.Resolved, CaseAction.Verify, _))];

    /// <summary>Mediation: no plain Resolve or on-site Verify; mediation, sessions, agreement or referral, follow-up instead.</summary>
    private static readonly HashSet<(CaseState, CaseAction, CaseState)> Mediation =
    [
        .. General(),
        (CaseState.Accepted, CaseAction.StartMediation, CaseState.Mediating),
        (CaseState.Mediating, CaseAction.HoldSession, CaseState.Mediating),
        (CaseState.Mediating, CaseAction.Agree, CaseState.Resolved),
        (CaseState.Mediating, CaseAction.Refer, CaseState.Resolved),
        (CaseState.Mediating, CaseAction.Return, CaseState.Registered),
        (CaseState.Mediating, CaseAction.Extend, CaseState.Mediating),
        (CaseState.Mediating, CaseAction.Escalate, CaseState.Mediating),
        (CaseState.Resolved, CaseAction.FollowUp, CaseState.Verified),
    ];

    /// <summary>Tripartite: convened, meetings, an agreement; verified on site like a general case.</summary>
    private static readonly HashSet<(CaseState, CaseAction, CaseState)> Tripartite =
    [
        .. General(),
        (CaseState.Resolved, CaseAction.Verify, CaseState.Verified),
        (CaseState.Accepted, CaseAction.Convene, CaseState.Coordinating),
        (CaseState.Coordinating, CaseAction.HoldMeeting, CaseState.Coordinating),
        (CaseState.Coordinating, CaseAction.Agree, CaseState.Resolved),
        (CaseState.Coordinating, CaseAction.Return, CaseState.Registered),
        (CaseState.Coordinating, CaseAction.Extend, CaseState.Coordinating),
        (CaseState.Coordinating, CaseAction.Escalate, CaseState.Coordinating),
    ];

    public static TheoryData<CaseType, CaseState, CaseAction> EveryPair()
    {
        var data = new TheoryData<CaseType, CaseState, CaseAction>();
        foreach (var type in new[] { CaseType.Mediation, CaseType.Tripartite })
        {
            foreach (var state in Enum.GetValues<CaseState>())
            {
                foreach (var action in Enum.GetValues<CaseAction>())
                {
                    data.Add(type, state, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_action_pair_of_a_special_case_type_is_allowed_or_refused_as_its_steps_say(CaseType type, CaseState state, CaseAction action)
    {
        var expected = (type == CaseType.Mediation ? Mediation : Tripartite).FirstOrDefault(t => t.Item1 == state && t.Item2 == action);

        var next = CaseStateMachine.Next(type, state, action);

        if (expected != default)
        {
            Assert.Equal(expected.Item3, next.Value);
        }
        else
        {
            Assert.Equal("invalid-case-transition", next.Error!.Code);
            Assert.Contains(state.ToString(), next.Error.Message, StringComparison.Ordinal);
        }
    }
}
