using System.Text.Json.Serialization;
using Platform.BuildingBlocks.Domain;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Approvals;

[JsonConverter(typeof(JsonStringEnumConverter<ApprovalKind>))]
public enum ApprovalKind
{
    /// <summary>延期: more working days.</summary>
    Extension,

    /// <summary>缓办: the clock stops until the case is resumed.</summary>
    Deferral,
}

[JsonConverter(typeof(JsonStringEnumConverter<ApprovalStatus>))]
public enum ApprovalStatus
{
    Pending,
    Approved,
    Refused,
}

/// <summary>
/// A handler's request for an extension or a deferral, and the decision on it. Both the request and the
/// approval must come before the case's deadline; one request at a time per case.
/// </summary>
public sealed class CaseApproval
{
    public const int MaxExtensionDays = 30;

    private CaseApproval() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public ApprovalKind Kind { get; private set; }

    public int? WorkingDays { get; private set; }

    public string Reason { get; private set; } = "";

    public string RequestedBySubject { get; private set; } = "";

    public string RequestedByName { get; private set; } = "";

    public DateTimeOffset RequestedAt { get; private set; }

    public ApprovalStatus Status { get; private set; }

    public string? DecidedBySubject { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    public static Result<CaseApproval> Request(Case @case, ApprovalKind kind, int? workingDays, string? reason, Actor actor, DateTimeOffset now)
    {
        var allowed = kind == ApprovalKind.Extension ? @case.State is CaseState.Accepted or CaseState.Deferred : @case.State == CaseState.Accepted;
        if (!allowed)
        {
            return DomainError.Conflict("case-not-in-hand", $"A {kind} is asked for on a case the handler has accepted; case {@case.Number} is {@case.State}.");
        }

        if (@case.CheckBeforeDeadline(now) is { } late)
        {
            return late;
        }

        if (kind == ApprovalKind.Extension && workingDays is not (>= 1 and <= MaxExtensionDays))
        {
            return DomainError.Invalid("workingDays", "invalid-working-days", $"An extension asks for 1 to {MaxExtensionDays} working days.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > Case.MaxReasonLength)
        {
            return DomainError.Invalid("reason", "reason-required", $"A reason is required (at most {Case.MaxReasonLength} characters).");
        }

        return new CaseApproval
        {
            Id = Guid.CreateVersion7(now),
            CaseId = @case.Id,
            Kind = kind,
            WorkingDays = kind == ApprovalKind.Extension ? workingDays : null,
            Reason = reason.Trim(),
            RequestedBySubject = actor.Subject,
            RequestedByName = actor.Name,
            RequestedAt = now,
            Status = ApprovalStatus.Pending,
        };
    }

    /// <summary>Approves (the case is extended or deferred, before its deadline) or refuses, with a note.</summary>
    public DomainError? Decide(Case @case, bool approve, string? note, Deadlines.DeadlinePolicy deadlines, Actor approver, DateTimeOffset now)
    {
        if (Status != ApprovalStatus.Pending)
        {
            return DomainError.Conflict("approval-decided", $"This request was already {Status.ToString().ToLowerInvariant()}.");
        }

        if (note is { Length: > Case.MaxReasonLength })
        {
            return DomainError.Invalid("note", "invalid-note", $"note is at most {Case.MaxReasonLength} characters.");
        }

        if (approve)
        {
            var applied =
                Kind == ApprovalKind.Extension ? @case.Extend(WorkingDays!.Value, Reason, deadlines, approver, now) : @case.Defer(Reason, approver, now);
            if (applied is not null)
            {
                return applied;
            }
        }

        (Status, DecidedBySubject, DecidedByName, DecidedAt, DecisionNote) = (
            approve ? ApprovalStatus.Approved : ApprovalStatus.Refused,
            approver.Subject,
            approver.Name,
            now,
            note?.Trim()
        );
        return null;
    }
}
