using Platform.BuildingBlocks.Domain;

namespace Platform.Workflow.Cases;

/// <summary>
/// Who may do what to a case they can see (<see cref="Case.Scope"/>): operators file, dispatch and close;
/// the handler the case was dispatched to works it; grid staff check results on site; the level above a
/// grid approves its extensions and deferrals; the reporter rates the reply.
/// </summary>
public static class CaseAccess
{
    /// <summary>Why the subdistrict's cadres act on cases outside their assigned areas.</summary>
    public const string CadresSuperviseEveryCase = "the subdistrict's cadres see and supervise (督办) every case of the subdistrict";

    private static bool Subdistrict(Caller caller) => caller.IsIn(Roles.SubdistrictAdmin, Roles.SubdistrictCadre);

    /// <summary>Files, voids, merges, dispatches and closes: the subdistrict, or the community's staff.</summary>
    public static DomainError? Operate(Caller caller, Case c) =>
        Subdistrict(caller) || caller.IsIn(Roles.CommunityStaff) && caller.CoversCommunity(c.CommunityId)
            ? null
            : Refuse("not-case-operator", $"Case {c.Number} is filed and dispatched by the subdistrict or the staff of its community.");

    /// <summary>Accepts, returns, records progress and the result, asks for more time: whoever the case was dispatched to.</summary>
    public static DomainError? Handle(Caller caller, Case c)
    {
        // Not yet dispatched, the case has no handler at all: that is its state, not the caller's fault.
        if (c.HandlerLevel is null)
        {
            return DomainError.Conflict("case-not-dispatched", $"Case {c.Number} is {c.State}: it has no handler until it is dispatched.");
        }

        var handles =
            caller.SeesWholeSubdistrict
            || c.HandlerLevel switch
            {
                HandlerLevel.Grid => caller.IsIn(Roles.GridStaff) && caller.CoversGrid(c.GridId)
                    || caller.IsIn(Roles.CommunityStaff) && caller.CoversCommunity(c.CommunityId),
                HandlerLevel.Community => caller.IsIn(Roles.CommunityStaff) && caller.CoversCommunity(c.CommunityId),
                HandlerLevel.Department => caller.IsIn(Roles.DepartmentHandler) && c.Department is { } d && caller.Departments.Contains(d),
                HandlerLevel.Subdistrict => Subdistrict(caller),
                _ => false,
            };
        return handles ? null : Refuse("not-case-handler", $"Case {c.Number} is with {Describe(c)}, not with you.");
    }

    /// <summary>Sends the reply: the handler, or an operator on their behalf.</summary>
    public static DomainError? Reply(Caller caller, Case c) => Handle(caller, c) is null ? null : Operate(caller, c);

    /// <summary>Checks the result on site: grid staff of the case's grid, the community's staff, or the subdistrict.</summary>
    public static DomainError? Verify(Caller caller, Case c) =>
        Subdistrict(caller)
        || caller.IsIn(Roles.GridStaff) && caller.CoversGrid(c.GridId)
        || caller.IsIn(Roles.CommunityStaff) && caller.CoversCommunity(c.CommunityId)
            ? null
            : Refuse("not-case-verifier", $"Case {c.Number} is checked on site by the staff of its grid or community.");

    /// <summary>Approves extensions and deferrals: the subdistrict, or the community's staff for a grid's case.</summary>
    public static DomainError? Approve(Caller caller, Case c) =>
        Subdistrict(caller) || c.HandlerLevel == HandlerLevel.Grid && caller.IsIn(Roles.CommunityStaff) && caller.CoversCommunity(c.CommunityId)
            ? null
            : Refuse("not-case-approver", $"Extensions and deferrals of case {c.Number} are approved by the level above {Describe(c)}.");

    /// <summary>Rates the reply: a reporter of the case, or an operator recording what a reporter said on the phone.</summary>
    public static DomainError? Rate(Caller caller, Case c) =>
        c.Reporters.Any(r => r.Subject == caller.Subject || r.PersonId is { } p && caller.IsPerson(p)) || Operate(caller, c) is null
            ? null
            : Refuse("not-case-reporter", $"Case {c.Number}'s reply is rated by its reporter.");

    /// <summary>督办 by hand: the subdistrict.</summary>
    public static DomainError? Supervise(Caller caller, Case c) =>
        Subdistrict(caller) ? null : Refuse("not-case-supervisor", "Cases are put under supervision by the subdistrict.");

    /// <summary>Whose step each is (the rules above).</summary>
    private enum Taker
    {
        Operator,
        Handler,
        Replier,
        Verifier,
        Supervisor,
        VerifierOrReporter,
    }

    private static Taker TakerOf(CaseAction action) =>
        action switch
        {
            CaseAction.Register or CaseAction.Void or CaseAction.Dispatch or CaseAction.Close => Taker.Operator,
            CaseAction.Return
            or CaseAction.Accept
            or CaseAction.Defer
            or CaseAction.Resume
            or CaseAction.Extend
            or CaseAction.Resolve
            or CaseAction.StartMediation
            or CaseAction.HoldSession
            or CaseAction.Agree
            or CaseAction.Refer
            or CaseAction.Convene
            or CaseAction.HoldMeeting => Taker.Handler,
            CaseAction.Reply => Taker.Replier,
            CaseAction.Verify or CaseAction.FollowUp => Taker.Verifier,
            CaseAction.Reopen => Taker.VerifierOrReporter,
            CaseAction.Escalate => Taker.Supervisor,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Name whose step this is in CaseAccess.TakerOf."),
        };

    /// <summary>
    /// Who may take each step of the loop: the check the step's endpoint runs, and so the steps a case's page offers
    /// the caller (<see cref="CaseResponse.AllowedActions"/>). Extensions and deferrals are asked for by the handler and
    /// approved above (<see cref="Approve"/>); a dissatisfied rating or a failed on-site check reopens a case.
    /// </summary>
    public static Func<Caller, Case, DomainError?> For(CaseAction action) =>
        TakerOf(action) switch
        {
            Taker.Operator => Operate,
            Taker.Handler => Handle,
            Taker.Replier => Reply,
            Taker.Verifier => Verify,
            Taker.Supervisor => Supervise,
            _ => (caller, c) => Verify(caller, c) is null ? null : Rate(caller, c),
        };

    /// <summary>What <see cref="For"/>'s check answers when it refuses (403 naming who takes the step; a handler's step before dispatch, 409).</summary>
    public static IReadOnlyList<(int Status, string Code)> Refusals(CaseAction action) =>
        TakerOf(action) switch
        {
            Taker.Operator or Taker.Replier => [(403, "not-case-operator")],
            Taker.Handler => [(403, "not-case-handler"), (409, "case-not-dispatched")],
            Taker.Verifier => [(403, "not-case-verifier")],
            Taker.Supervisor => [(403, "not-case-supervisor")],
            _ => [(403, "not-case-reporter")],
        };

    /// <summary>The steps the case's state allows that this caller may take, in the state machine's order.</summary>
    public static IReadOnlyList<string> Allowed(Caller caller, Case c) =>
        [.. CaseStateMachine.For(c.Type).Keys.Where(k => k.From == c.State && For(k.Action)(caller, c) is null).Select(k => k.Action.ToString())];

    private static string Describe(Case c) =>
        c.HandlerLevel switch
        {
            HandlerLevel.Department => $"department {c.Department}",
            { } level => $"the {level.ToString().ToLowerInvariant()}",
            _ => "no handler yet",
        };

    private static DomainError Refuse(string code, string message) => new(code, message, ErrorKind.OutOfScope);
}
