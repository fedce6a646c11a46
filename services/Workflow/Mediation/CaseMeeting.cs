namespace Platform.Workflow.Mediation;

/// <summary>A mediation session or a tripartite meeting: when, who came, what was said.</summary>
public sealed class CaseMeeting
{
    public const int MaxSummaryLength = 2000;

    private CaseMeeting() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public MeetingKind Kind { get; private set; }

    public DateTimeOffset HeldAt { get; private set; }

    /// <summary>Who came: for a tripartite meeting, the community's, the committee's and the company's representatives, in that order.</summary>
    public List<string> Attendees { get; private set; } = [];

    public string Summary { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    internal static CaseMeeting Create(
        Guid caseId,
        MeetingKind kind,
        DateTimeOffset heldAt,
        IEnumerable<string> attendees,
        string summary,
        string recordedBy
    ) =>
        new()
        {
            Id = Guid.CreateVersion7(heldAt),
            CaseId = caseId,
            Kind = kind,
            HeldAt = heldAt,
            Attendees = [.. attendees],
            Summary = summary,
            RecordedBy = recordedBy,
        };
}
