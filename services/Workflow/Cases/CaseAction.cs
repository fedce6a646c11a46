namespace Platform.Workflow.Cases;

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
