using Platform.Workflow.Cases;

namespace Platform.Workflow.Mediation;

/// <summary>An agreed task as it stands, with what was done.</summary>
public sealed record CaseTaskResponse(
    Guid Id,
    CoordinationParty Party,
    string Task,
    DateOnly? DueDate,
    CaseTaskStatus Status,
    string? Outcome,
    DateTimeOffset? DoneAt,
    string? DoneBy
)
{
    public static CaseTaskResponse From(CaseTask t, DateOnly today) => new(t.Id, t.Party, t.Task, t.DueDate, t.StatusOn(today), t.Outcome, t.DoneAt, t.DoneBy);
}

/// <summary>An agreed task in the list across cases, with its case.</summary>
public sealed record CoordinationTaskListItem(Guid CaseId, string CaseNumber, CaseTaskResponse Task);

public sealed record PartyResponse(PartyRole Role, string Name, string? Phone, DateTimeOffset AddedAt);

public sealed record MeetingResponse(MeetingKind Kind, DateTimeOffset HeldAt, IReadOnlyList<string> Attendees, string Summary, string RecordedBy);

/// <summary>A mediation's or coordination's own records: parties (masked), sessions or meetings, the agreement and its tasks, a referral.</summary>
public sealed record CaseRecordsResponse(
    Guid CaseId,
    CaseType Type,
    CaseState State,
    IReadOnlyList<PartyResponse> Parties,
    IReadOnlyList<MeetingResponse> Meetings,
    string? Agreement,
    IReadOnlyList<CaseTaskResponse> Tasks,
    string? ReferredTo
)
{
    public static CaseRecordsResponse From(Case c, DateOnly today) =>
        new(
            c.Id,
            c.Type,
            c.State,
            [.. c.Parties.OrderBy(p => p.AddedAt).Select(p => new PartyResponse(p.Role, p.Name.Masked, p.Phone?.Masked, p.AddedAt))],
            [.. c.Meetings.OrderBy(m => m.HeldAt).Select(m => new MeetingResponse(m.Kind, m.HeldAt, m.Attendees, m.Summary, m.RecordedBy))],
            c.Agreement,
            [.. c.Tasks.OrderBy(t => t.Party).ThenBy(t => t.Task, StringComparer.Ordinal).Select(t => CaseTaskResponse.From(t, today))],
            c.ReferredTo
        );
}
