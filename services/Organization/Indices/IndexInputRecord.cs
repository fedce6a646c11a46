namespace Platform.Organization.Indices;

/// <summary>
/// An input as it arrives: its kind, the record it stands for in its own service (the source), how much, when,
/// and whom it counts for: a member (Vanguard), an organization (Fortress), a community (Service; every input
/// counts for the subdistrict). A member's input counts for their organization unless it names another.
/// </summary>
public sealed record IndexFact(string Kind, string Source, decimal Quantity, DateTimeOffset At, string? Note = null)
{
    public Guid? Person { get; init; }

    public Guid? Organization { get; init; }

    public Guid? Community { get; init; }
}

/// <summary>
/// One input to the indices, as stored: the ledger every score is computed from. Kept once per (kind, source):
/// the same event delivered twice, or a changed figure for the same source (service hours corrected after
/// approval), updates it instead of counting again. A change leaves it unscored until the score refresher has
/// brought the live scores of the periods it touches up to date.
/// </summary>
public sealed class IndexInputRecord
{
    private IndexInputRecord() { }

    public Guid Id { get; private set; }

    /// <summary>An input kind the rubrics name (<see cref="InputKinds"/>).</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The record the input stands for in its own service (an hours record, a case, a visit, a manual item).</summary>
    public string SourceKey { get; private set; } = "";

    public Guid? PersonId { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public Guid? CommunityId { get; private set; }

    public decimal Quantity { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The event that last set it, and when that event occurred: an older one arriving late changes nothing.</summary>
    public Guid EventId { get; private set; }

    public DateTimeOffset EventOccurredAt { get; private set; }

    /// <summary>Taken back (attendance corrected, a manual item withdrawn, the note saying why): kept for the record, counted nowhere.</summary>
    public bool Withdrawn { get; private set; }

    /// <summary>Whether the live scores include the latest change; the refresher picks up the rest.</summary>
    public bool Scored { get; private set; }

    /// <summary>Where the input was before a change moved it to another period, until the refresher rescores that one too.</summary>
    public DateTimeOffset? PreviousAt { get; private set; }

    /// <summary>For an item entered by hand: who entered it, why, and the evidence (a document or a link).</summary>
    public string? EnteredBy { get; private set; }

    public string? Reason { get; private set; }

    public string? Evidence { get; private set; }

    public static IndexInputRecord Create(IndexFact fact, Guid eventId, DateTimeOffset occurredAt) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            Kind = fact.Kind,
            SourceKey = fact.Source,
            PersonId = fact.Person,
            OrganizationId = fact.Organization,
            CommunityId = fact.Community,
            Quantity = fact.Quantity,
            At = fact.At.ToUniversalTime(),
            Note = fact.Note,
            EventId = eventId,
            EventOccurredAt = occurredAt.ToUniversalTime(),
        };

    /// <summary>An item the committee enters by hand, with the reason and the evidence.</summary>
    public static IndexInputRecord Manual(IndexFact fact, string enteredBy, string reason, string? evidence, DateTimeOffset now)
    {
        var record = Create(fact, Guid.CreateVersion7(now), now);
        (record.EnteredBy, record.Reason, record.Evidence) = (enteredBy, reason, evidence);
        return record;
    }

    /// <summary>Takes a newer figure for the same source; an older event arriving after a newer one is ignored.</summary>
    public void Update(IndexFact fact, Guid eventId, DateTimeOffset occurredAt)
    {
        if (occurredAt < EventOccurredAt)
        {
            return;
        }

        if (At != fact.At.ToUniversalTime())
        {
            PreviousAt ??= At;
        }

        (Quantity, At, Note, EventId, EventOccurredAt, Withdrawn, Scored) = (
            fact.Quantity,
            fact.At.ToUniversalTime(),
            fact.Note,
            eventId,
            occurredAt.ToUniversalTime(),
            false,
            false
        );
    }

    public void Withdraw(string? reason)
    {
        if (!Withdrawn)
        {
            (Withdrawn, Scored) = (true, false);
            Note = reason is null ? Note : $"withdrawn: {reason}";
        }
    }

    public void MarkScored() => (Scored, PreviousAt) = (true, null);

    public IndexInput ToInput() => new(Id, Kind, Quantity, At, Reason ?? Note, SourceKey);
}
