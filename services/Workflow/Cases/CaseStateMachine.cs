using System.Text.Json.Serialization;
using Platform.ServiceDefaults.Domain;

namespace Platform.Workflow.Cases;

/// <summary>
/// Where a case stands in the closed loop (DESIGN.md, The case loop; the national standard's steps:
/// collection, filing, dispatch, handling, feedback, verification and closing).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseState>))]
public enum CaseState
{
    /// <summary>Taken in from a channel, not yet filed.</summary>
    Reported,

    /// <summary>立案: filed as a case, waiting for dispatch.</summary>
    Registered,

    /// <summary>作废: a duplicate or not a case; final.</summary>
    Voided,

    /// <summary>分流交办: sent to a handler; the clock runs from here.</summary>
    Dispatched,

    /// <summary>The handler took it on.</summary>
    Accepted,

    /// <summary>缓办: paused with approval.</summary>
    Deferred,

    /// <summary>The handler submitted the result; the reporter is replied to.</summary>
    Resolved,

    /// <summary>核查: grid staff checked the result on site.</summary>
    Verified,

    /// <summary>结案: final.</summary>
    Closed,
}

/// <summary>What can be done to a case.</summary>
public enum CaseAction
{
    Register,
    Void,
    Dispatch,

    /// <summary>回退: the handler says it is not theirs; back to dispatch.</summary>
    Return,
    Accept,

    /// <summary>缓办, approved before the deadline.</summary>
    Defer,
    Resume,

    /// <summary>延期, approved before the deadline: the deadline moves, the state stays.</summary>
    Extend,

    /// <summary>督办: overdue or beyond the level; the state stays, the case is marked.</summary>
    Escalate,
    Resolve,

    /// <summary>The reply to the reporter is sent; the state stays.</summary>
    Reply,

    /// <summary>返工: the reporter is dissatisfied or the on-site check failed; back to the handler.</summary>
    Reopen,
    Verify,
    Close,
}

/// <summary>
/// The case state machine, explicit: every allowed (state, action) pair and where it leads is listed here;
/// every other pair is refused with a 409 naming the state and the action.
/// </summary>
public static class CaseStateMachine
{
    public static readonly IReadOnlyDictionary<(CaseState From, CaseAction Action), CaseState> Transitions = new Dictionary<(CaseState, CaseAction), CaseState>
    {
        [(CaseState.Reported, CaseAction.Register)] = CaseState.Registered,
        [(CaseState.Reported, CaseAction.Void)] = CaseState.Voided,
        [(CaseState.Registered, CaseAction.Void)] = CaseState.Voided,
        [(CaseState.Registered, CaseAction.Dispatch)] = CaseState.Dispatched,
        [(CaseState.Dispatched, CaseAction.Return)] = CaseState.Registered,
        [(CaseState.Dispatched, CaseAction.Accept)] = CaseState.Accepted,
        [(CaseState.Dispatched, CaseAction.Escalate)] = CaseState.Dispatched,
        [(CaseState.Accepted, CaseAction.Return)] = CaseState.Registered,
        [(CaseState.Accepted, CaseAction.Defer)] = CaseState.Deferred,
        [(CaseState.Accepted, CaseAction.Extend)] = CaseState.Accepted,
        [(CaseState.Accepted, CaseAction.Escalate)] = CaseState.Accepted,
        [(CaseState.Accepted, CaseAction.Resolve)] = CaseState.Resolved,
        [(CaseState.Deferred, CaseAction.Resume)] = CaseState.Accepted,
        [(CaseState.Deferred, CaseAction.Extend)] = CaseState.Deferred,
        [(CaseState.Deferred, CaseAction.Escalate)] = CaseState.Deferred,
        [(CaseState.Resolved, CaseAction.Reply)] = CaseState.Resolved,
        [(CaseState.Resolved, CaseAction.Reopen)] = CaseState.Accepted,
        [(CaseState.Resolved, CaseAction.Verify)] = CaseState.Verified,
        [(CaseState.Verified, CaseAction.Reopen)] = CaseState.Accepted,
        [(CaseState.Verified, CaseAction.Close)] = CaseState.Closed,
    };

    public static bool IsFinal(CaseState state) => state is CaseState.Voided or CaseState.Closed;

    /// <summary>The clock runs while a handler has the case (from dispatch until the result is in); paused while deferred.</summary>
    public static bool ClockRuns(CaseState state) => state is CaseState.Dispatched or CaseState.Accepted;

    public static Result<CaseState> Next(CaseState from, CaseAction action) =>
        Transitions.TryGetValue((from, action), out var to)
            ? to
            : DomainError.Conflict("invalid-case-transition", $"A {from} case cannot be {Past(action)}{Allowed(from)}.");

    private static string Past(CaseAction action) => action switch
    {
        CaseAction.Register => "registered",
        CaseAction.Void => "voided",
        CaseAction.Dispatch => "dispatched",
        CaseAction.Return => "returned",
        CaseAction.Accept => "accepted",
        CaseAction.Defer => "deferred",
        CaseAction.Resume => "resumed",
        CaseAction.Extend => "extended",
        CaseAction.Escalate => "escalated",
        CaseAction.Resolve => "resolved",
        CaseAction.Reply => "replied to",
        CaseAction.Reopen => "reopened",
        CaseAction.Verify => "verified",
        _ => "closed",
    };

    private static string Allowed(CaseState from)
    {
        var actions = Transitions.Keys.Where(k => k.From == from).Select(k => k.Action.ToString()).ToList();
        return actions.Count == 0 ? $"; {from} is final" : $"; allowed: {string.Join(", ", actions)}";
    }
}
