using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;
using Platform.Contracts.Grid;
using Platform.Contracts.Volunteer;
using Platform.Contracts.Workflow;
using Platform.Organization.Data;

namespace Platform.Organization.Indices;

/// <summary>
/// Turns another service's event into index inputs, once per event (the inbox) and once per source (the
/// ledger's key): a re-delivery does nothing, a changed figure replaces the old one, and an older figure
/// arriving after a newer one (events are consumed a few at a time) is ignored.
/// </summary>
public abstract class IndexInputConsumer<TEvent>(OrganizationDbContext db, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TEvent, OrganizationDbContext>(db, clock, logger)
    where TEvent : IntegrationEvent
{
    /// <summary>The inputs the event gives.</summary>
    protected abstract Task<IReadOnlyList<IndexFact>> FactsOf(TEvent message, CancellationToken ct);

    /// <summary>Inputs an earlier event of the same source gave that this one takes back: (kind, source).</summary>
    protected virtual IEnumerable<(string Kind, string Source)> TakenBack(TEvent message) => [];

    protected sealed override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        foreach (var fact in await FactsOf(message, cancellationToken))
        {
            await IndexLedger.RecordAsync(Db, fact, message.EventId, message.OccurredAt, cancellationToken);
        }

        foreach (var (kind, source) in TakenBack(message))
        {
            await IndexLedger.WithdrawAsync(Db, kind, source, message.OccurredAt, cancellationToken);
        }
    }
}

/// <summary>Approved service hours of a known person (a party member): hours as the quantity; a correction replaces the figure.</summary>
public sealed class ServiceHoursInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<ServiceHoursInputConsumer> logger)
    : IndexInputConsumer<ServiceHoursApproved>(db, clock, logger)
{
    protected override async Task<IReadOnlyList<IndexFact>> FactsOf(ServiceHoursApproved m, CancellationToken ct)
    {
        var facts = new List<IndexFact>();
        if (m.PersonId is { } person)
        {
            var servedOn = new DateTimeOffset(m.ServedOn.ToDateTime(new TimeOnly(12, 0)), IndexPeriod.LocalOffset);
            var note =
                $"{m.Hours:0.##} h at {(m.ActivityTitle is { Length: > 0 } title ? $"「{title}」 " : "")}(activity {m.ActivityId}, hours record {m.RecordId})";
            facts.Add(
                new(InputKinds.ServiceHoursApproved, m.RecordId.ToString(), m.Hours, servedOn, note)
                {
                    Person = person,
                    Community = await IndexLedger.CommunityOfAsync(Db, person, ct),
                }
            );
        }

        return facts;
    }
}

/// <summary>A case closed: counted for its community (closed, on time, rated, satisfied) and for the person who handled it.</summary>
public sealed class CaseClosedInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<CaseClosedInputConsumer> logger)
    : IndexInputConsumer<CaseClosed>(db, clock, logger)
{
    protected override Task<IReadOnlyList<IndexFact>> FactsOf(CaseClosed m, CancellationToken ct)
    {
        var facts = new List<IndexFact>();
        var source = m.CaseId.ToString();
        var note = $"case {m.Number}";
        facts.Add(new(InputKinds.CaseClosed, source, 1, m.ClosedAt, note) { Community = m.CommunityId });
        if (m.OnTime)
        {
            facts.Add(new(InputKinds.CaseClosedOnTime, source, 1, m.ClosedAt, note) { Person = m.HandledByPersonId, Community = m.CommunityId });
        }

        if (m.Rating is not null)
        {
            facts.Add(new(InputKinds.CaseRated, source, 1, m.ClosedAt, note) { Community = m.CommunityId });
        }

        if (m.Rating == "Satisfied")
        {
            facts.Add(new(InputKinds.CaseRatedSatisfied, source, 1, m.ClosedAt, note) { Person = m.HandledByPersonId, Community = m.CommunityId });
        }

        return Task.FromResult<IReadOnlyList<IndexFact>>(facts);
    }
}

/// <summary>A reply sent to the reporters: the case's latest reply counts for its community, on time or not (a late
/// reply after rework takes the on-time one back).</summary>
public sealed class CaseRepliedInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<CaseRepliedInputConsumer> logger)
    : IndexInputConsumer<CaseReplied>(db, clock, logger)
{
    protected override IEnumerable<(string, string)> TakenBack(CaseReplied m) => m.OnTime ? [] : [(InputKinds.CaseRepliedOnTime, m.CaseId.ToString())];

    protected override Task<IReadOnlyList<IndexFact>> FactsOf(CaseReplied m, CancellationToken ct)
    {
        var facts = new List<IndexFact>();
        var source = m.CaseId.ToString();
        facts.Add(new(InputKinds.CaseReplied, source, 1, m.RepliedAt, $"case {m.Number}") { Community = m.CommunityId });
        if (m.OnTime)
        {
            facts.Add(new(InputKinds.CaseRepliedOnTime, source, 1, m.RepliedAt, $"case {m.Number}") { Community = m.CommunityId });
        }

        return Task.FromResult<IReadOnlyList<IndexFact>>(facts);
    }
}

/// <summary>A case past its deadline: counted against its community (the handler's penalty comes through the assessment).</summary>
public sealed class CaseOverdueInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<CaseOverdueInputConsumer> logger)
    : IndexInputConsumer<CaseOverdue>(db, clock, logger)
{
    protected override Task<IReadOnlyList<IndexFact>> FactsOf(CaseOverdue m, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IndexFact>>([
            new(InputKinds.CaseOverdue, m.CaseId.ToString(), 1, m.OverdueAt, $"case {m.Number}") { Community = m.CommunityId },
        ]);
}

/// <summary>A visit the person made, in the community visited.</summary>
public sealed class VisitInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<VisitInputConsumer> logger)
    : IndexInputConsumer<VisitLogged>(db, clock, logger)
{
    protected override Task<IReadOnlyList<IndexFact>> FactsOf(VisitLogged m, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IndexFact>>([
            new(InputKinds.VisitLogged, m.VisitId.ToString(), 1, m.VisitedAt, $"visit {m.VisitId}") { Person = m.VisitorPersonId, Community = m.CommunityId },
        ]);
}

/// <summary>The case assessment's rule penalty against a handler who is a person (a case found overdue).</summary>
public sealed class AssessmentInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<AssessmentInputConsumer> logger)
    : IndexInputConsumer<AssessmentRecorded>(db, clock, logger)
{
    protected override Task<IReadOnlyList<IndexFact>> FactsOf(AssessmentRecorded m, CancellationToken ct)
    {
        var facts = new List<IndexFact>();
        if (m.PersonId is { } person && m.Source == "Rule" && m.Points < 0)
        {
            facts.Add(new(InputKinds.OverduePenalty, m.ItemId.ToString(), 1, m.OccurredAt, m.Reason) { Person = person });
        }

        return Task.FromResult<IReadOnlyList<IndexFact>>(facts);
    }
}

/// <summary>A small wish fulfilled: for the member or the unit's organization that fulfilled it, and the community.</summary>
public sealed class WishFulfilledInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<WishFulfilledInputConsumer> logger)
    : IndexInputConsumer<WishFulfilled>(db, clock, logger)
{
    protected override async Task<IReadOnlyList<IndexFact>> FactsOf(WishFulfilled m, CancellationToken ct)
    {
        var facts = new List<IndexFact>();
        var organization = m.UnitId is { } unit ? await IndexLedger.OrganizationOfUnitAsync(Db, unit, ct) : null;
        facts.Add(
            new(InputKinds.WishFulfilled, m.WishId.ToString(), 1, m.OccurredAt, $"wish {m.WishId}")
            {
                Person = m.PersonId,
                Organization = organization,
                Community = m.CommunityId,
            }
        );

        return facts;
    }
}

/// <summary>A member unit's confirmed claim of a project: for the unit's party organization and the community.</summary>
public sealed class ProjectClaimedInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<ProjectClaimedInputConsumer> logger)
    : IndexInputConsumer<ProjectClaimed>(db, clock, logger)
{
    protected override async Task<IReadOnlyList<IndexFact>> FactsOf(ProjectClaimed m, CancellationToken ct)
    {
        var facts = new List<IndexFact>();
        var organization = m.PartyOrganizationId ?? await IndexLedger.OrganizationOfUnitAsync(Db, m.UnitId, ct);
        facts.Add(
            new(InputKinds.ProjectClaimed, $"{m.ProjectId}:{m.UnitId}", 1, m.OccurredAt, m.Title) { Organization = organization, Community = m.CommunityId }
        );

        return facts;
    }
}

/// <summary>A volunteer activity held: for its community, each unit it served (their organizations) and each member who attended.</summary>
public sealed class ActivityCompletedInputConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<ActivityCompletedInputConsumer> logger)
    : IndexInputConsumer<ActivityCompleted>(db, clock, logger)
{
    protected override async Task<IReadOnlyList<IndexFact>> FactsOf(ActivityCompleted m, CancellationToken ct)
    {
        var facts = new List<IndexFact>();
        facts.Add(new(InputKinds.VolunteerActivityCompleted, m.ActivityId.ToString(), 1, m.OccurredAt, m.Title) { Community = m.CommunityId });
        foreach (var unit in m.UnitIds.Distinct())
        {
            if (await IndexLedger.OrganizationOfUnitAsync(Db, unit, ct) is { } organization)
            {
                facts.Add(new(InputKinds.VolunteerActivityServed, $"{m.ActivityId}:{unit}", 1, m.OccurredAt, m.Title) { Organization = organization });
            }
        }

        foreach (var person in m.AttendingPersonIds.Distinct())
        {
            facts.Add(new(InputKinds.VolunteerActivityAttended, $"{m.ActivityId}:{person}", 1, m.OccurredAt, m.Title) { Person = person });
        }

        return facts;
    }
}
