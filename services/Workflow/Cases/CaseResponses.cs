using Platform.Workflow.Approvals;

namespace Platform.Workflow.Cases;

/// <summary>A case in a list: where it is, who has it, and whether it is late. No reporter data.</summary>
public sealed record CaseSummary(
    Guid Id,
    string Number,
    string Category,
    CaseType Type,
    CaseState State,
    CaseChannel Channel,
    CasePriority Priority,
    Guid? GridId,
    Guid? CommunityId,
    HandlerLevel? HandlerLevel,
    string? Department,
    HandlerLevel? SupervisingLevel,
    DateTimeOffset ReportedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    Guid? PossibleDuplicateOf,
    double? Latitude,
    double? Longitude
)
{
    public static CaseSummary From(Case c) =>
        new(
            c.Id,
            c.Number,
            c.Category,
            c.Type,
            c.State,
            c.Channel,
            c.Priority,
            c.GridId,
            c.CommunityId,
            c.HandlerLevel,
            c.Department,
            c.SupervisingLevel,
            c.ReportedAt,
            c.Deadline.DueAt,
            c.IsOverdue,
            c.PossibleDuplicateOf,
            c.Location?.Y,
            c.Location?.X
        );
}

/// <summary>A reporter as staff see them: name and phone masked.</summary>
public sealed record ReporterResponse(string? Name, string? Phone, bool SignedIn, CaseChannel Channel, DateTimeOffset ReportedAt, Guid? FromCaseId)
{
    public static ReporterResponse From(CaseReporter r) =>
        new(r.Name?.Masked, r.Phone?.Masked, r.Subject is not null || r.PersonId is not null, r.Channel, r.ReportedAt, r.FromCaseId);
}

public sealed record CaseResponse(
    Guid Id,
    string Number,
    string Category,
    CaseType Type,
    string Description,
    CaseState State,
    CaseChannel Channel,
    CasePriority Priority,
    double? Latitude,
    double? Longitude,
    Guid? BuildingId,
    string? Address,
    IReadOnlyList<string> PhotoUrls,
    Guid? GridId,
    Guid? CommunityId,
    IReadOnlyList<ReporterResponse> Reporters,
    Guid? PossibleDuplicateOf,
    Guid? MergedInto,
    string? VoidReason,
    HandlerLevel? HandlerLevel,
    string? Department,
    HandlerLevel? SupervisingLevel,
    string? HandledBy,
    string? Result,
    string? Reply,
    CaseRating? Rating,
    string? RatingComment,
    DateTimeOffset ReportedAt,
    DateTimeOffset? RegisteredAt,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? WarnedAt,
    DateTimeOffset? OverdueAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? RepliedAt,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? ClosedAt,
    bool Overdue,
    bool? OnTime,
    int Returns,
    int Reopens,
    int Extensions,
    int Deferrals,
    int Escalations,
    IReadOnlyList<string> AllowedActions,
    long Version
)
{
    /// <summary>The case as this caller sees it: <see cref="AllowedActions"/> are the steps its state allows that the caller may take.</summary>
    public static CaseResponse From(Case c, Caller caller) =>
        new(
            c.Id,
            c.Number,
            c.Category,
            c.Type,
            c.Description,
            c.State,
            c.Channel,
            c.Priority,
            c.Location?.Y,
            c.Location?.X,
            c.BuildingId,
            c.Address?.Masked,
            c.PhotoUrls,
            c.GridId,
            c.CommunityId,
            [.. c.Reporters.OrderBy(r => r.ReportedAt).Select(ReporterResponse.From)],
            c.PossibleDuplicateOf,
            c.MergedInto,
            c.VoidReason,
            c.HandlerLevel,
            c.Department,
            c.SupervisingLevel,
            c.HandledByName,
            c.Result,
            c.Reply,
            c.Rating,
            c.RatingComment,
            c.ReportedAt,
            c.RegisteredAt,
            c.DispatchedAt,
            c.AcceptedAt,
            c.Deadline.DueAt,
            c.Deadline.WarnedAt,
            c.Deadline.OverdueAt,
            c.ResolvedAt,
            c.RepliedAt,
            c.VerifiedAt,
            c.ClosedAt,
            c.IsOverdue,
            c.OnTime,
            c.Returns,
            c.Reopens,
            c.Extensions,
            c.Deferrals,
            c.Escalations,
            CaseAccess.Allowed(caller, c),
            c.Version
        );
}

public sealed record CaseStepResponse(DateTimeOffset At, string Action, CaseState From, CaseState To, string Actor, string? Note)
{
    public static CaseStepResponse Of(CaseStep s) => new(s.At, s.Action, s.From, s.To, s.ActorName, s.Note);
}

/// <summary>An extension or deferral asked for; <see cref="MayDecide"/>: it waits for a decision this caller may take.</summary>
public sealed record ApprovalResponse(
    Guid Id,
    Guid CaseId,
    ApprovalKind Kind,
    int? WorkingDays,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    ApprovalStatus Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    bool MayDecide
)
{
    public static ApprovalResponse From(CaseApproval a, Case c, Caller caller) =>
        new(
            a.Id,
            a.CaseId,
            a.Kind,
            a.WorkingDays,
            a.Reason,
            a.RequestedByName,
            a.RequestedAt,
            a.Status,
            a.DecidedByName,
            a.DecidedAt,
            a.DecisionNote,
            a.Status == ApprovalStatus.Pending && CaseAccess.Approve(caller, c) is null
        );
}

/// <summary>A board's tabs: how many cases are in each state (every state named), in all, and overdue.</summary>
public sealed record CaseCounts(IReadOnlyDictionary<string, int> ByState, int Total, int Overdue);
