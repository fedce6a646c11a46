namespace Platform.Workflow.Cases;

/// <summary>
/// One line of a case's audit trail: who did what, when, from which state to which, and why. Every state
/// change writes one, and so do the steps that leave the state as it is (a warning, a reply, a rating).
/// </summary>
public sealed class CaseStep
{
    private CaseStep() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>1, 2, 3… within the case: the timeline's order, even for steps in the same instant.</summary>
    public int Ordinal { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>A <see cref="CaseAction"/> name, or one of the steps without a state change (Warned, Overdue, Progress, Rated, Merged...).</summary>
    public string Action { get; private set; } = "";

    public CaseState From { get; private set; }

    public CaseState To { get; private set; }

    public string ActorSubject { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public string? Note { get; private set; }

    internal static CaseStep Record(Guid caseId, int ordinal, string action, CaseState from, CaseState to, Actor actor, string? note, DateTimeOffset at) =>
        new()
        {
            Id = Guid.CreateVersion7(at),
            CaseId = caseId,
            Ordinal = ordinal,
            At = at,
            Action = action,
            From = from,
            To = to,
            ActorSubject = actor.Subject,
            ActorName = actor.Name,
            Note = note,
        };
}
