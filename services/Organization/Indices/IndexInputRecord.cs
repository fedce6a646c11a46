namespace Platform.Organization.Indices;

/// <summary>
/// One input to the indices, as stored: what kind, for whom, how much, when, and the source it came from.
/// An input is kept once per (kind, source): the same event delivered twice, or a changed figure for the same
/// source (service hours corrected after approval), updates it instead of counting again.
/// </summary>
public sealed class IndexInputRecord
{
    private IndexInputRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>An input kind the rubrics name: ServiceHoursApproved, CaseClosedOnTime, CaseRatedSatisfied, VisitLogged, CaseOverdue...</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The record the input stands for in its own service (an hours record, a case, a visit, an assessment item).</summary>
    public string SourceKey { get; private set; } = "";

    public decimal Quantity { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The event that last set it, and when that event occurred: an older one arriving late changes nothing.</summary>
    public Guid EventId { get; private set; }

    public DateTimeOffset EventOccurredAt { get; private set; }

    public static IndexInputRecord Create(Guid personId, string kind, string sourceKey, decimal quantity, DateTimeOffset at, string? note, Guid eventId, DateTimeOffset occurredAt) => new()
    {
        EventOccurredAt = occurredAt,
        Id = Guid.CreateVersion7(),
        PersonId = personId,
        Kind = kind,
        SourceKey = sourceKey,
        Quantity = quantity,
        At = at,
        Note = note,
        EventId = eventId,
    };

    /// <summary>Takes a newer figure for the same source; an older event arriving after a newer one is ignored.</summary>
    public void Update(decimal quantity, DateTimeOffset at, string? note, Guid eventId, DateTimeOffset occurredAt)
    {
        if (occurredAt < EventOccurredAt)
        {
            return;
        }

        (Quantity, At, Note, EventId, EventOccurredAt) = (quantity, at, note, eventId, occurredAt);
    }

    public IndexInput ToInput() => new(Id, Kind, Quantity, At, Note);
}
