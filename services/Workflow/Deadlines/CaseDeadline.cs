namespace Platform.Workflow.Deadlines;

/// <summary>
/// A case's deadline clock (时限, 监督制约): set at dispatch, moved by an extension or a deferral, stopped when the case
/// goes back to dispatch; the timer looks at <see cref="NextCheckAt"/> only (the warning, then the deadline, then the
/// next escalation), so no case is warned or escalated twice. Stored in the case's own row (an owned type).
/// </summary>
public sealed class CaseDeadline
{
    /// <summary>The end of the handler's time: local midnight of a working day.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>When the handler is warned that the deadline is near.</summary>
    public DateTimeOffset? WarnAt { get; private set; }

    public DateTimeOffset? WarnedAt { get; private set; }

    /// <summary>When the timer found the deadline passed (cleared by the next dispatch).</summary>
    public DateTimeOffset? OverdueAt { get; private set; }

    /// <summary>While overdue: when the case goes up one more supervising level.</summary>
    public DateTimeOffset? NextEscalationAt { get; private set; }

    /// <summary>Since when the clock is paused (缓办); null while it runs.</summary>
    public DateTimeOffset? DeferredAt { get; private set; }

    /// <summary>The timer's next look at the case; null when it has nothing to wait for.</summary>
    public DateTimeOffset? NextCheckAt { get; private set; }

    /// <summary>Whether a deferral or extension may still be asked for or approved: only before the deadline.</summary>
    public bool IsBefore(DateTimeOffset now) => DueAt is { } due && now < due;

    /// <summary>How long the clock has been paused at <paramref name="now"/>.</summary>
    public TimeSpan PausedFor(DateTimeOffset now) => DeferredAt is { } since ? now - since : TimeSpan.Zero;

    /// <summary>Whether the warning is due: before the deadline, not yet given, not overdue.</summary>
    public bool WarningDue(DateTimeOffset now) =>
        OverdueAt is null && WarnedAt is null && WarnAt is { } warnAt && warnAt <= now && DueAt is { } due && now < due;

    /// <summary>Whether the deadline has just passed: not yet marked overdue.</summary>
    public bool FallsOverdue(DateTimeOffset now) => OverdueAt is null && DueAt is { } due && due <= now;

    public bool EscalationDue(DateTimeOffset now) => NextEscalationAt is { } next && next <= now;

    /// <summary>A fresh deadline at dispatch (again, after a return): no warning given, not overdue.</summary>
    internal void Start(DateTimeOffset due, DateTimeOffset warnAt) => (DueAt, WarnAt, WarnedAt, OverdueAt, NextEscalationAt) = (due, warnAt, null, null, null);

    /// <summary>Back to dispatch: no deadline until the next handler has the case.</summary>
    internal void Stop() => (DueAt, WarnAt, NextEscalationAt) = (null, null, null);

    /// <summary>延期: the deadline moves; the warning is given again before the new one.</summary>
    internal void Extend(DateTimeOffset due, DateTimeOffset warnAt) => (DueAt, WarnAt, WarnedAt) = (due, warnAt, null);

    internal void Pause(DateTimeOffset now) => DeferredAt = now;

    /// <summary>After a deferral: the deadline (and the warning) move by the time the clock was paused.</summary>
    internal void Resume(TimeSpan paused) => (DueAt, WarnAt, DeferredAt) = (DueAt + paused, WarnAt + paused, null);

    internal void MarkWarned(DateTimeOffset now) => WarnedAt = now;

    internal void MarkOverdue(DateTimeOffset now) => OverdueAt = now;

    internal void EscalateAgainAt(DateTimeOffset? next) => NextEscalationAt = next;

    /// <summary>What the timer waits for next while the clock runs: the warning, then the deadline, then the next escalation.</summary>
    internal void Reschedule(bool running) =>
        NextCheckAt =
            !running || DueAt is null ? null
            : OverdueAt is null ? (WarnedAt is null && WarnAt < DueAt ? WarnAt : DueAt)
            : NextEscalationAt;
}
