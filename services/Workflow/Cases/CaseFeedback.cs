using Platform.BuildingBlocks.Domain;
using Platform.Contracts.Workflow;

namespace Platform.Workflow.Cases;

/// <summary>
/// The end of a case's loop: the reply to every reporter who can be reached (答复反馈), the reporter's rating, the
/// check on site (核查), closing (结案), and the rework (返工) a failed check or a dissatisfied reporter sends it back
/// to. Intake, dispatch and handling are in Case.cs.
/// </summary>
public sealed partial class Case
{
    /// <summary>答复反馈: the reply goes to every reporter who can be reached (the caller sends the notifications).</summary>
    public DomainError? SendReply(Actor actor, string? text, DateTimeOffset now)
    {
        if (CheckText(text, "text") is { } invalid)
        {
            return invalid;
        }

        if (Move(CaseAction.Reply, actor, text!.Trim(), now) is { } error)
        {
            return error;
        }

        (Reply, RepliedAt) = (text.Trim(), now);
        Raise(
            Stamp(
                new CaseReplied
                {
                    RepliedAt = now,
                    HandledByPersonId = HandledByPersonId,
                    OnTime = OnTime == true,
                    OccurredAt = now,
                }
            )
        );
        return null;
    }

    /// <summary>The reporter rates the reply; dissatisfaction sends the case back to the handler (返工) unless it is closed.</summary>
    public DomainError? Rate(Actor actor, CaseRating rating, string? comment, DateTimeOffset now, bool? resolved = null)
    {
        if (RepliedAt is null || State is not (CaseState.Resolved or CaseState.Verified or CaseState.Closed))
        {
            return DomainError.Conflict("not-replied", $"Case {Number} ({State}) has no reply to rate yet.");
        }

        if (comment is { Length: > MaxReasonLength })
        {
            return DomainError.Invalid("comment", "invalid-comment", $"comment is at most {MaxReasonLength} characters.");
        }

        (Rating, RatingComment, RatedAt, ReporterSaysResolved) = (rating, comment?.Trim(), now, resolved);
        Note("Rated", actor, comment is null ? rating.ToString() : $"{rating}: {comment.Trim()}", now);
        return rating == CaseRating.Dissatisfied && !CaseStateMachine.IsFinal(State) ? Reopen(actor, "reporter dissatisfied (群众不满意)", now) : null;
    }

    /// <summary>核查: grid staff check the result on site; a failed check sends it back to the handler (返工).</summary>
    public DomainError? Verify(Actor actor, bool passed, string? note, DateTimeOffset now)
    {
        if (note is { Length: > MaxReasonLength })
        {
            return DomainError.Invalid("note", "invalid-note", $"note is at most {MaxReasonLength} characters.");
        }

        if (!passed)
        {
            return Reopen(actor, $"on-site check failed (核查未通过){(string.IsNullOrWhiteSpace(note) ? "" : ": " + note.Trim())}", now);
        }

        if (Move(CaseAction.Verify, actor, note?.Trim(), now) is { } error)
        {
            return error;
        }

        VerifiedAt = now;
        return null;
    }

    /// <summary>结案: after the check, and once every reachable reporter has had the reply.</summary>
    public DomainError? Close(Actor actor, DateTimeOffset now)
    {
        if (State == CaseState.Verified && RepliedAt is null && reporters.Any(r => r.CanBeReplied))
        {
            return DomainError.Conflict("reply-required", $"Case {Number} has reporters who have not been replied to: reply before closing.");
        }

        // The closing says whether the agreed tasks were done.
        var done = tasks.Count(t => t.DoneAt is not null);
        var taskNote =
            tasks.Count == 0 ? null
            : done == tasks.Count ? $"all {tasks.Count} agreed tasks done"
            : $"{done} of {tasks.Count} agreed tasks done";
        if (Move(CaseAction.Close, actor, taskNote, now) is { } error)
        {
            return error;
        }

        ClosedAt = now;
        Raise(
            Stamp(
                new CaseClosed
                {
                    ReportedAt = ReportedAt,
                    DispatchedAt = FirstDispatchedAt,
                    ClosedAt = now,
                    HandledByPersonId = HandledByPersonId,
                    OnTime = OnTime == true,
                    Rating = Rating?.ToString(),
                    Reopens = Reopens,
                    Returns = Returns,
                    Extensions = Extensions,
                    Deferrals = Deferrals,
                    OccurredAt = now,
                }
            )
        );
        return null;
    }

    private DomainError? Reopen(Actor actor, string reason, DateTimeOffset now)
    {
        if (Move(CaseAction.Reopen, actor, reason, now) is { } error)
        {
            return error;
        }

        Reopens++;
        (ResolvedAt, VerifiedAt, Reply, RepliedAt) = (null, null, null, null);
        Reschedule();
        return null;
    }
}
