namespace Platform.Contracts.Workflow;

/// <summary>
/// Where a case sits and who has it: the fields every case event carries so a consumer (assessment, the
/// indices) can attribute it without asking the Workflow service. No personal data: reporters are not named.
/// </summary>
public abstract record CaseEvent : IntegrationEvent
{
    public Guid CaseId { get; init; }

    /// <summary>The case number shown to people, such as 2026-000123.</summary>
    public string Number { get; init; } = "";

    /// <summary>The category code (a case category of the Workflow service).</summary>
    public string Category { get; init; } = "";

    /// <summary>GridPatrol, Resident, Hotline, Visit, Inspection or Open311.</summary>
    public string Channel { get; init; } = "";

    /// <summary>Emergency, Urgent or Normal.</summary>
    public string Priority { get; init; } = "";

    /// <summary>General, Mediation (矛盾纠纷调处) or Tripartite (三方协调).</summary>
    public string Type { get; init; } = "General";

    public Guid? GridId { get; init; }

    public Guid? CommunityId { get; init; }

    /// <summary>The level the case is assigned to: Grid, Community, Subdistrict or Department; null before dispatch.</summary>
    public string? HandlerLevel { get; init; }

    /// <summary>The department's code when the level is Department.</summary>
    public string? Department { get; init; }

    /// <summary>When the handler's time runs out; null before dispatch.</summary>
    public DateTimeOffset? DueAt { get; init; }
}

/// <summary>A case was taken in (归口收集) from any channel.</summary>
public sealed record CaseReported : CaseEvent
{
    public required DateTimeOffset ReportedAt { get; init; }

    /// <summary>Another open case of the same category nearby and recent, when one was found.</summary>
    public Guid? PossibleDuplicateOf { get; init; }
}

/// <summary>A case was sent to a handler (分流交办); the clock runs from here.</summary>
public sealed record CaseDispatched : CaseEvent
{
    /// <summary>How many times the case had been returned (回退) before this dispatch.</summary>
    public int Returns { get; init; }

    /// <summary>The routing rule that chose the handler; null when the dispatcher chose by hand.</summary>
    public Guid? RuleId { get; init; }
}

/// <summary>The handler's reply was sent to the reporters (答复反馈).</summary>
public sealed record CaseReplied : CaseEvent
{
    public required DateTimeOffset RepliedAt { get; init; }

    /// <summary>The person who handled the case, when known.</summary>
    public Guid? HandledByPersonId { get; init; }

    /// <summary>True when the reply came before the deadline.</summary>
    public required bool OnTime { get; init; }
}

/// <summary>A case was closed (结案) after verification.</summary>
public sealed record CaseClosed : CaseEvent
{
    public required DateTimeOffset ReportedAt { get; init; }

    public DateTimeOffset? DispatchedAt { get; init; }

    public required DateTimeOffset ClosedAt { get; init; }

    /// <summary>The person who handled the case, when known.</summary>
    public Guid? HandledByPersonId { get; init; }

    /// <summary>True when the result came in before the deadline (extensions approved in time move the deadline).</summary>
    public required bool OnTime { get; init; }

    /// <summary>Satisfied, BasicallySatisfied or Dissatisfied; null when the reporter did not rate it.</summary>
    public string? Rating { get; init; }

    /// <summary>How often the case was reopened (返工), returned (回退), extended (延期) and deferred (缓办).</summary>
    public int Reopens { get; init; }

    public int Returns { get; init; }

    public int Extensions { get; init; }

    public int Deferrals { get; init; }
}

/// <summary>A case passed its deadline without a result.</summary>
public sealed record CaseOverdue : CaseEvent
{
    public required DateTimeOffset OverdueAt { get; init; }
}

/// <summary>A case was put under supervision (督办) of a higher level: Community or Subdistrict.</summary>
public sealed record CaseEscalated : CaseEvent
{
    public required string SupervisingLevel { get; init; }

    public required string Reason { get; init; }
}
