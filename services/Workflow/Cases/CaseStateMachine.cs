using Platform.BuildingBlocks.Domain;

namespace Platform.Workflow.Cases;

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
        }
    );

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
        }
    );

    public static IReadOnlyDictionary<(CaseState From, CaseAction Action), CaseState> For(CaseType type) =>
        type switch
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

    private static string Past(CaseAction action) =>
        action switch
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
