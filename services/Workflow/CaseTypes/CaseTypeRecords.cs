using System.Text.Json.Serialization;
using Platform.ServiceDefaults.PersonalData;
using Platform.ServiceDefaults.Domain;

namespace Platform.Workflow.CaseTypes;

[JsonConverter(typeof(JsonStringEnumConverter<PartyRole>))]
public enum PartyRole
{
    /// <summary>申请人: who brought the dispute.</summary>
    Applicant,

    /// <summary>被申请人: the other side.</summary>
    Respondent,

    Other,
}

/// <summary>The three sides of tripartite coordination, and who an agreed task falls to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CoordinationParty>))]
public enum CoordinationParty
{
    Community,
    HomeownersCommittee,
    PropertyCompany,
}

[JsonConverter(typeof(JsonStringEnumConverter<MeetingKind>))]
public enum MeetingKind
{
    MediationSession,
    TripartiteMeeting,
}

/// <summary>A party to a dispute in mediation. Name and phone are personal data: protected, masked when shown.</summary>
public sealed class CaseParty
{
    public const int MaxNameLength = 50;

    private CaseParty()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public PartyRole Role { get; private set; }

    public ProtectedValue Name { get; private set; } = null!;

    public ProtectedValue? Phone { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    internal static CaseParty Create(Guid caseId, PartyRole role, ProtectedValue name, ProtectedValue? phone, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CaseId = caseId, Role = role, Name = name, Phone = phone, AddedAt = now };
}

/// <summary>A mediation session or a tripartite meeting: when, who came, what was said.</summary>
public sealed class CaseMeeting
{
    public const int MaxSummaryLength = 2000;

    private CaseMeeting()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public MeetingKind Kind { get; private set; }

    public DateTimeOffset HeldAt { get; private set; }

    /// <summary>Who came: for a tripartite meeting, the community's, the committee's and the company's representatives, in that order.</summary>
    public List<string> Attendees { get; private set; } = [];

    public string Summary { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    internal static CaseMeeting Create(Guid caseId, MeetingKind kind, DateTimeOffset heldAt, IEnumerable<string> attendees, string summary, string recordedBy) =>
        new() { Id = Guid.CreateVersion7(heldAt), CaseId = caseId, Kind = kind, HeldAt = heldAt, Attendees = [.. attendees], Summary = summary, RecordedBy = recordedBy };
}

/// <summary>What a tripartite agreement puts on one of the three: who does what, by when.</summary>
public sealed class CaseTask
{
    public const int MaxTaskLength = 500;

    private CaseTask()
    {
    }

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
        DoneAt is not null ? CaseTaskStatus.Done : DueDate is { } due && due < today ? CaseTaskStatus.Overdue : CaseTaskStatus.Open;

    internal static CaseTask Create(Guid caseId, CoordinationParty party, string task, DateOnly? dueDate, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CaseId = caseId, Party = party, Task = task, DueDate = dueDate };

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

/// <summary>An agreed task as it stands, with what was done.</summary>
public sealed record CaseTaskResponse(Guid Id, CoordinationParty Party, string Task, DateOnly? DueDate, CaseTaskStatus Status, string? Outcome, DateTimeOffset? DoneAt, string? DoneBy)
{
    public static CaseTaskResponse From(CaseTask t, DateOnly today) => new(t.Id, t.Party, t.Task, t.DueDate, t.StatusOn(today), t.Outcome, t.DoneAt, t.DoneBy);
}

/// <summary>An agreed task as a client sends it.</summary>
public sealed record AgreedTask(CoordinationParty Party, string Task, DateOnly? DueDate);

/// <summary>An agreed task in the list across cases, with its case.</summary>
public sealed record CoordinationTaskListItem(Guid CaseId, string CaseNumber, CaseTaskResponse Task);
