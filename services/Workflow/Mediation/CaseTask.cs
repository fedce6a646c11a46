using System.Text.Json.Serialization;
using Platform.BuildingBlocks.Domain;

namespace Platform.Workflow.Mediation;

/// <summary>What a tripartite agreement puts on one of the three: who does what, by when.</summary>
public sealed class CaseTask
{
    public const int MaxTaskLength = 500;

    private CaseTask() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public CoordinationParty Party { get; private set; }

    public string Task { get; private set; } = "";

    public DateOnly? DueDate { get; private set; }

    /// <summary>When the party did it, what came of it, and who recorded it: followed to done like the alliance's tasks.</summary>
    public DateTimeOffset? DoneAt { get; private set; }

    public string? Outcome { get; private set; }

    public string? DoneBy { get; private set; }

    public CaseTaskStatus StatusOn(DateOnly today) =>
        DoneAt is not null ? CaseTaskStatus.Done
        : DueDate is { } due && due < today ? CaseTaskStatus.Overdue
        : CaseTaskStatus.Open;

    internal static CaseTask Create(Guid caseId, CoordinationParty party, string task, DateOnly? dueDate, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            Party = party,
            Task = task,
            DueDate = dueDate,
        };

    internal DomainError? Complete(string? outcome, string by, DateTimeOffset now)
    {
        if (DoneAt is not null)
        {
            return DomainError.Conflict("task-done", $"This task was recorded done by {DoneBy} at {DoneAt:u}.");
        }

        if (string.IsNullOrWhiteSpace(outcome) || outcome.Trim().Length > MaxTaskLength)
        {
            return DomainError.Invalid("outcome", "outcome-required", $"Say what was done (at most {MaxTaskLength} characters).");
        }

        (DoneAt, Outcome, DoneBy) = (now, outcome.Trim(), by);
        return null;
    }
}

/// <summary>Where an agreed task stands: not yet done, done, or past its date without being done.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseTaskStatus>))]
public enum CaseTaskStatus
{
    Open,
    Done,
    Overdue,
}

/// <summary>An agreed task as a client sends it.</summary>
public sealed record AgreedTask(CoordinationParty Party, string Task, DateOnly? DueDate);
