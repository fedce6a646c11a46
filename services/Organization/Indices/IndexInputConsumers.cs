using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Grid;
using Platform.Contracts.Volunteer;
using Platform.Contracts.Workflow;
using Platform.Organization.Data;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Organization.Indices;

/// <summary>
/// Turns another service's event into a member's index inputs, once per event (the inbox) and once per source
/// (the ledger's key): a re-delivery does nothing, a changed figure replaces the old one, and an older figure
/// arriving after a newer one (events are consumed a few at a time) is ignored.
/// </summary>
public abstract class IndexInputConsumer<TEvent>(OrganizationDbContext db, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TEvent, OrganizationDbContext>(db, clock, logger)
    where TEvent : IntegrationEvent
{
    /// <summary>The inputs the event gives: for whom, which kind, from which source, how much, when.</summary>
    protected abstract IEnumerable<(Guid Person, string Kind, string Source, decimal Quantity, DateTimeOffset At, string? Note)> InputsOf(TEvent message);

    protected sealed override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        foreach (var (person, kind, source, quantity, at, note) in InputsOf(message))
        {
            var held = await Db.IndexInputs.FirstOrDefaultAsync(i => i.Kind == kind && i.SourceKey == source, cancellationToken);
            if (held is null)
            {
                Db.IndexInputs.Add(IndexInputRecord.Create(person, kind, source, quantity, at, note, message.EventId, message.OccurredAt));
            }
            else
            {
                held.Update(quantity, at, note, message.EventId, message.OccurredAt);
            }
        }
    }
}

/// <summary>Approved service hours of a known person (a party member): hours as the quantity; a correction replaces the figure.</summary>
public sealed class ServiceHoursInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<ServiceHoursInputConsumer> logger)
    : IndexInputConsumer<ServiceHoursApproved>(db, clock, logger)
{
    protected override IEnumerable<(Guid, string, string, decimal, DateTimeOffset, string?)> InputsOf(ServiceHoursApproved m) =>
        m.PersonId is { } person
            ? [(person, "ServiceHoursApproved", m.RecordId.ToString(), m.Hours, new DateTimeOffset(m.ServedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null)]
            : [];
}

/// <summary>A case its handler closed: on time, and rated satisfied, each an input for the handler.</summary>
public sealed class CaseClosedInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<CaseClosedInputConsumer> logger)
    : IndexInputConsumer<CaseClosed>(db, clock, logger)
{
    protected override IEnumerable<(Guid, string, string, decimal, DateTimeOffset, string?)> InputsOf(CaseClosed m)
    {
        if (m.HandledByPersonId is not { } person)
        {
            yield break;
        }

        if (m.OnTime)
        {
            yield return (person, "CaseClosedOnTime", m.CaseId.ToString(), 1, m.ClosedAt, $"case {m.Number}");
        }

        if (m.Rating == "Satisfied")
        {
            yield return (person, "CaseRatedSatisfied", m.CaseId.ToString(), 1, m.ClosedAt, $"case {m.Number}");
        }
    }
}

/// <summary>A visit the person made.</summary>
public sealed class VisitInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<VisitInputConsumer> logger)
    : IndexInputConsumer<VisitLogged>(db, clock, logger)
{
    protected override IEnumerable<(Guid, string, string, decimal, DateTimeOffset, string?)> InputsOf(VisitLogged m) =>
        [(m.VisitorPersonId, "VisitLogged", m.VisitId.ToString(), 1, m.VisitedAt, null)];
}

/// <summary>The case assessment's rule penalty against a handler who is a person (a case found overdue).</summary>
public sealed class AssessmentInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<AssessmentInputConsumer> logger)
    : IndexInputConsumer<AssessmentRecorded>(db, clock, logger)
{
    protected override IEnumerable<(Guid, string, string, decimal, DateTimeOffset, string?)> InputsOf(AssessmentRecorded m) =>
        m.PersonId is { } person && m.Source == "Rule" && m.Points < 0
            ? [(person, "CaseOverdue", m.ItemId.ToString(), 1, m.OccurredAt, m.Reason)]
            : [];
}
