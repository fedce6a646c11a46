using Platform.BuildingBlocks.PersonalData;

namespace Platform.Workflow.Cases;

/// <summary>
/// Someone who reported a case. A case merged from a duplicate gains the duplicate's reporters, so everyone
/// who reported the problem gets the reply. Name and phone are personal data: protected at rest, masked in lists.
/// </summary>
public sealed class CaseReporter
{
    private CaseReporter() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public ProtectedValue? Name { get; private set; }

    public ProtectedValue? Phone { get; private set; }

    /// <summary>The reporter's account when they reported signed in: replies go to their app inbox.</summary>
    public string? Subject { get; private set; }

    public Guid? PersonId { get; private set; }

    public CaseChannel Channel { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    /// <summary>The duplicate case this reporter came from when it was merged here.</summary>
    public Guid? FromCaseId { get; private set; }

    public bool CanBeReplied => Subject is not null || PersonId is not null || Phone is not null;

    public static CaseReporter Create(ProtectedValue? name, ProtectedValue? phone, string? subject, Guid? personId, CaseChannel channel, DateTimeOffset at) =>
        new()
        {
            Id = Guid.CreateVersion7(at),
            Name = name,
            Phone = phone,
            Subject = subject,
            PersonId = personId,
            Channel = channel,
            ReportedAt = at,
        };

    internal CaseReporter CopyTo(Guid caseId, Guid fromCaseId, DateTimeOffset at) =>
        new()
        {
            Id = Guid.CreateVersion7(at),
            CaseId = caseId,
            Name = Name,
            Phone = Phone,
            Subject = Subject,
            PersonId = PersonId,
            Channel = Channel,
            ReportedAt = ReportedAt,
            FromCaseId = fromCaseId,
        };

    internal void BelongTo(Guid caseId) => CaseId = caseId;
}
