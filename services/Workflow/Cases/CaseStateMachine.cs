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

    /// <summary>矛盾纠纷调处: a dispute in mediation (sessions with the parties).</summary>
    Mediating,

    /// <summary>三方协调: community, homeowners' committee and property company meeting over it.</summary>
    Coordinating,
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

    /// <summary>Mediation: the mediator takes the dispute up with the parties.</summary>
    StartMediation,

    /// <summary>Mediation: a session with the parties, recorded.</summary>
    HoldSession,

    /// <summary>Mediation or coordination ends in an agreement (调解协议 / 三方协议): the result.</summary>
    Agree,

    /// <summary>Mediation fails and the dispute is referred onward (to a court, arbitration, a department): the result.</summary>
    Refer,

    /// <summary>Mediation: the follow-up visit (回访) checks the agreement is kept; in place of the on-site check.</summary>
    FollowUp,

    /// <summary>Coordination: the three parties are called together.</summary>
    Convene,

    /// <summary>Coordination: a meeting of the three, recorded.</summary>
    HoldMeeting,
}

/// <summary>
/// The kinds of case with their own steps: the general loop, dispute mediation (矛盾纠纷调处) and tripartite
/// coordination (三方协调). Every kind counts in the assessment like any case.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseType>))]
public enum CaseType
{
    General,
    Mediation,
    Tripartite,
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

    /// <summary>
    /// Mediation: the handler does not simply resolve a dispute — it goes to mediation, sessions are held, and it
    /// ends in an agreement or a referral; a follow-up visit takes the place of the on-site check.
    /// </summary>
    public static readonly IReadOnlyDictionary<(CaseState From, CaseAction Action), CaseState> MediationTransitions = Derived(
        remove: [(CaseState.Accepted, CaseAction.Resolve), (CaseState.Resolved, CaseAction.Verify)],
        add: new()
        {
            [(CaseState.Accepted, CaseAction.StartMediation)] = CaseState.Mediating,
            [(CaseState.Mediating, CaseAction.HoldSession)] = CaseState.Mediating,
            [(CaseState.Mediating, CaseAction.Agree)] = CaseState.Resolved,
            [(CaseState.Mediating, CaseAction.Refer)] = CaseState.Resolved,
            [(CaseState.Mediating, CaseAction.Return)] = CaseState.Registered,
            [(CaseState.Mediating, CaseAction.Extend)] = CaseState.Mediating,
            [(CaseState.Mediating, CaseAction.Escalate)] = CaseState.Mediating,
            [(CaseState.Resolved, CaseAction.FollowUp)] = CaseState.Verified,
        });

    /// <summary>Tripartite coordination: the three parties are convened, meet, and agree who does what.</summary>
    public static readonly IReadOnlyDictionary<(CaseState From, CaseAction Action), CaseState> TripartiteTransitions = Derived(
        remove: [(CaseState.Accepted, CaseAction.Resolve)],
        add: new()
        {
            [(CaseState.Accepted, CaseAction.Convene)] = CaseState.Coordinating,
            [(CaseState.Coordinating, CaseAction.HoldMeeting)] = CaseState.Coordinating,
            [(CaseState.Coordinating, CaseAction.Agree)] = CaseState.Resolved,
            [(CaseState.Coordinating, CaseAction.Return)] = CaseState.Registered,
            [(CaseState.Coordinating, CaseAction.Extend)] = CaseState.Coordinating,
            [(CaseState.Coordinating, CaseAction.Escalate)] = CaseState.Coordinating,
        });

    public static IReadOnlyDictionary<(CaseState From, CaseAction Action), CaseState> For(CaseType type) => type switch
    {
        CaseType.Mediation => MediationTransitions,
        CaseType.Tripartite => TripartiteTransitions,
        _ => Transitions,
    };

    public static bool IsFinal(CaseState state) => state is CaseState.Voided or CaseState.Closed;

    /// <summary>The clock runs while a handler has the case (from dispatch until the result is in); paused while deferred.</summary>
    public static bool ClockRuns(CaseState state) => state is CaseState.Dispatched or CaseState.Accepted or CaseState.Mediating or CaseState.Coordinating;

    public static Result<CaseState> Next(CaseState from, CaseAction action) => Next(CaseType.General, from, action);

    public static Result<CaseState> Next(CaseType type, CaseState from, CaseAction action) =>
        For(type).TryGetValue((from, action), out var to)
            ? to
            : DomainError.Conflict("invalid-case-transition", $"A {from} {Kind(type)}case cannot be {Past(action)}{Allowed(type, from)}.");

    private static string Kind(CaseType type) => type == CaseType.General ? "" : $"{type.ToString().ToLowerInvariant()} ";

    private static Dictionary<(CaseState, CaseAction), CaseState> Derived((CaseState, CaseAction)[] remove, Dictionary<(CaseState, CaseAction), CaseState> add)
    {
        var table = Transitions.Where(t => !remove.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value);
        foreach (var (key, to) in add)
        {
            table.Add(key, to);
        }

        return table;
    }

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
        CaseAction.StartMediation => "taken to mediation",
        CaseAction.HoldSession => "given a mediation session",
        CaseAction.Agree => "settled by agreement",
        CaseAction.Refer => "referred onward",
        CaseAction.FollowUp => "followed up",
        CaseAction.Convene => "convened for coordination",
        CaseAction.HoldMeeting => "given a coordination meeting",
        _ => "closed",
    };

    private static string Allowed(CaseType type, CaseState from)
    {
        var actions = For(type).Keys.Where(k => k.From == from).Select(k => k.Action.ToString()).ToList();
        return actions.Count == 0 ? $"; {from} is final" : $"; allowed: {string.Join(", ", actions)}";
    }
}
