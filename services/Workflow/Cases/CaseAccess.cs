using Platform.ServiceDefaults.Domain;

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

        var handles = caller.SeesWholeSubdistrict || c.HandlerLevel switch
        {
            HandlerLevel.Grid => caller.IsIn(Roles.GridStaff) && caller.CoversGrid(c.GridId) || caller.IsIn(Roles.CommunityStaff) && caller.CoversCommunity(c.CommunityId),
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
        Subdistrict(caller) || caller.IsIn(Roles.GridStaff) && caller.CoversGrid(c.GridId) || caller.IsIn(Roles.CommunityStaff) && caller.CoversCommunity(c.CommunityId)
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

    private static string Describe(Case c) => c.HandlerLevel switch
    {
        HandlerLevel.Department => $"department {c.Department}",
        { } level => $"the {level.ToString().ToLowerInvariant()}",
        _ => "no handler yet",
    };

    private static DomainError Refuse(string code, string message) => new(code, message, ErrorKind.OutOfScope);
}
