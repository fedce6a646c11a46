using Platform.BuildingBlocks.Domain;
using Platform.Contracts.Workflow;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Assessment;

/// <summary>
/// A reward or penalty (奖惩) against a subject of the assessment: points (+ reward, − penalty), why, and where
/// it came from — a rule (a case found overdue) or the committee by hand, with evidence.
/// </summary>
public sealed class AssessmentItem : Aggregate
{
    public const decimal MaxPoints = 100;
    public const int MaxReasonLength = 500;

    private AssessmentItem() { }

    public Guid Id { get; private set; }

    public AssessmentLevel Level { get; private set; }

    public string SubjectId { get; private set; } = "";

    public decimal Points { get; private set; }

    public string Reason { get; private set; } = "";

    public string? Evidence { get; private set; }

    /// <summary>Rule or Manual.</summary>
    public string Source { get; private set; } = "";

    public Guid? CaseId { get; private set; }

    public string RecordedBySubject { get; private set; } = "";

    public string RecordedByName { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public static Result<AssessmentItem> Manual(
        AssessmentLevel level,
        string? subjectId,
        decimal? points,
        string? reason,
        string? evidence,
        Actor actor,
        DateTimeOffset now
    )
    {
        if (string.IsNullOrWhiteSpace(subjectId) || subjectId.Length > 100)
        {
            return DomainError.Invalid("subjectId", "subject-required", "subjectId names the person, grid, community or department.");
        }

        if (points is not { } p || p == 0 || Math.Abs(p) > MaxPoints)
        {
            return DomainError.Invalid("points", "invalid-points", $"points is positive for a reward, negative for a penalty, at most {MaxPoints} either way.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength)
        {
            return DomainError.Invalid("reason", "reason-required", $"A reason is required (at most {MaxReasonLength} characters).");
        }

        if (evidence is { Length: > 500 })
        {
            return DomainError.Invalid("evidence", "invalid-evidence", "evidence is at most 500 characters (a reference or an address of the document).");
        }

        return New(level, subjectId.Trim(), p, reason.Trim(), evidence?.Trim(), "Manual", null, actor, now);
    }

    /// <summary>The rule: a case found overdue costs its handler points, at the level it was dispatched to and, when known, its handler.</summary>
    public static IEnumerable<AssessmentItem> ForOverdue(Case c, decimal penalty, DateTimeOffset now)
    {
        var reason = $"案件 {c.Number} 超期 (overdue)";
        if (
            c.HandlerLevel switch
            {
                HandlerLevel.Grid => (AssessmentLevel.Grid, c.GridId?.ToString()),
                HandlerLevel.Community => (AssessmentLevel.Community, c.CommunityId?.ToString()),
                HandlerLevel.Department => (AssessmentLevel.Department, c.Department),
                _ => ((AssessmentLevel?)null, (string?)null),
            } is
            ({ } level, { } subject)
        )
        {
            yield return New(level, subject, -penalty, reason, null, "Rule", c.Id, Actor.DeadlineTimer, now);
        }

        if (AssessmentCalculator.HandlerKey(c.HandledByPersonId, c.HandledBySubject) is { } handler)
        {
            yield return New(AssessmentLevel.Handler, handler, -penalty, reason, null, "Rule", c.Id, Actor.DeadlineTimer, now);
        }
    }

    private AssessmentRecorded ToEvent() =>
        new()
        {
            ItemId = Id,
            Level = Level.ToString(),
            SubjectId = SubjectId,
            PersonId = Level == AssessmentLevel.Handler && Guid.TryParse(SubjectId, out var person) ? person : null,
            Points = Points,
            Reason = Reason,
            Source = Source,
            CaseId = CaseId,
            OccurredAt = At,
        };

    private static AssessmentItem New(
        AssessmentLevel level,
        string subject,
        decimal points,
        string reason,
        string? evidence,
        string source,
        Guid? caseId,
        Actor actor,
        DateTimeOffset now
    )
    {
        var item = new AssessmentItem
        {
            Id = Guid.CreateVersion7(now),
            Level = level,
            SubjectId = subject,
            Points = points,
            Reason = reason,
            Evidence = evidence,
            Source = source,
            CaseId = caseId,
            RecordedBySubject = actor.Subject,
            RecordedByName = actor.Name,
            At = now,
        };
        item.Raise(item.ToEvent());
        return item;
    }
}
