using Platform.BuildingBlocks.Domain;
using Platform.Contracts.Workflow;
using Platform.Workflow.Deadlines;

namespace Platform.Workflow.Cases;

/// <summary>
/// A case under supervision (监督制约): the deadline timer's look at it (warn, overdue, escalate), escalation by hand
/// (督办), and the approved changes to its clock (延期 extension, 缓办 deferral and resumption). The clock itself is
/// <see cref="CaseDeadline"/>; the case's other steps are in Cases/Case.cs.
/// </summary>
public sealed partial class Case
{
    /// <summary>Whether a deferral or extension may still be asked for or approved: only before the deadline.</summary>
    public DomainError? CheckBeforeDeadline(DateTimeOffset now) =>
        Deadline.IsBefore(now)
            ? null
            : DomainError.Conflict(
                "deadline-passed",
                $"Case {Number}'s deadline ({Deadline.DueAt:u}) has passed: deferrals and extensions are approved before it."
            );

    /// <summary>延期, approved before the deadline: the deadline moves; the warning is given again before the new one.</summary>
    public DomainError? Extend(int workingDays, string reason, DeadlinePolicy deadlines, Actor approver, DateTimeOffset now)
    {
        if (CheckBeforeDeadline(now) is { } late)
        {
            return late;
        }

        var due = deadlines.Extend(Deadline.DueAt!.Value, workingDays);
        if (Move(CaseAction.Extend, approver, $"+{workingDays} working days, to {due:u}: {reason}", now) is { } error)
        {
            return error;
        }

        Extensions++;
        Deadline.Extend(due, deadlines.WarnAt(now, due));
        Reschedule();
        return null;
    }

    /// <summary>缓办, approved before the deadline: the clock stops until the case is resumed.</summary>
    public DomainError? Defer(string reason, Actor approver, DateTimeOffset now)
    {
        if (CheckBeforeDeadline(now) is { } late)
        {
            return late;
        }

        if (Move(CaseAction.Defer, approver, reason, now) is { } error)
        {
            return error;
        }

        Deferrals++;
        Deadline.Pause(now);
        Reschedule();
        return null;
    }

    /// <summary>Back in hand after a deferral: the deadline moves by the time the case was paused.</summary>
    public DomainError? Resume(Actor actor, DateTimeOffset now)
    {
        var paused = Deadline.PausedFor(now);
        if (Move(CaseAction.Resume, actor, $"paused {paused.TotalHours:0.#} h", now) is { } error)
        {
            return error;
        }

        Deadline.Resume(paused);
        Reschedule();
        return null;
    }

    /// <summary>督办: the case is put under a higher level's supervision; the handler keeps it.</summary>
    public DomainError? Escalate(Actor actor, string? reason, DateTimeOffset now)
    {
        if (CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        reason = reason!.Trim();
        var above = HandlerLevels.Above(SupervisingLevel ?? HandlerLevel ?? Cases.HandlerLevel.Subdistrict);
        if (above is not { } level)
        {
            return DomainError.Conflict("escalation-at-top", $"Case {Number} is already supervised by the subdistrict.");
        }

        if (Move(CaseAction.Escalate, actor, $"{level}: {reason}", now) is { } error)
        {
            return error;
        }

        SupervisingLevel = level;
        Escalations++;
        Raise(
            Stamp(
                new CaseEscalated
                {
                    SupervisingLevel = level.ToString(),
                    Reason = reason,
                    OccurredAt = now,
                }
            )
        );
        return null;
    }

    /// <summary>
    /// The deadline timer's look at a due case: warn once before the deadline, mark it overdue once, escalate
    /// once per level while it stays overdue. Returns false when there was nothing to do.
    /// </summary>
    public bool Tick(DeadlinePolicy deadlines, DateTimeOffset now)
    {
        if (!CaseStateMachine.ClockRuns(State) || Deadline.DueAt is not { } due)
        {
            Deadline.Reschedule(running: false);
            return false;
        }

        var changed = false;
        if (Deadline.WarningDue(now))
        {
            Deadline.MarkWarned(now);
            Note("Warned", Actor.DeadlineTimer, $"deadline {due:u}", now);
            changed = true;
        }

        if (Deadline.FallsOverdue(now))
        {
            Deadline.MarkOverdue(now);
            TimesOverdue++;
            OnTime = false;
            Note("Overdue", Actor.DeadlineTimer, $"deadline {due:u} passed", now);
            Raise(Stamp(new CaseOverdue { OverdueAt = now, OccurredAt = now }));
            EscalateOverdue(deadlines, now);
            changed = true;
        }
        else if (Deadline.EscalationDue(now))
        {
            EscalateOverdue(deadlines, now);
            changed = true;
        }

        Reschedule();
        return changed;
    }

    private void EscalateOverdue(DeadlinePolicy deadlines, DateTimeOffset now)
    {
        var level = HandlerLevels.Above(SupervisingLevel ?? HandlerLevel ?? Cases.HandlerLevel.Subdistrict);
        if (level is null)
        {
            Deadline.EscalateAgainAt(null);
            return;
        }

        Escalate(Actor.DeadlineTimer, "overdue (超期)", now);
        Deadline.EscalateAgainAt(HandlerLevels.Above(level.Value) is null ? null : now + deadlines.EscalateAgainAfter);
        Reschedule();
    }
}
