using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Data;
using Platform.Organization.Data;

namespace Platform.Organization.Indices;

/// <summary>
/// Writes inputs to the ledger in the caller's unit of work: a new (kind, source) is added, a known one updated
/// (newer figures win), one dated before any period is left out, and a member's input is counted for the organization they belong to when it names none.
/// </summary>
public static class IndexLedger
{
    public static async Task RecordAsync(OrganizationDbContext db, IndexFact fact, Guid eventId, DateTimeOffset occurredAt, CancellationToken ct)
    {
        if (fact.At < IndexPeriod.Earliest)
        {
            return; // before any period: it could never be scored
        }

        if (fact.Person is { } person && fact.Organization is null)
        {
            fact = fact with
            {
                Organization = await db
                    .People.Where(p => p.Id == person && p.Membership != null)
                    .Select(p => (Guid?)p.Membership!.OrganizationId)
                    .FirstOrDefaultAsync(ct),
            };
        }

        var held = db.IndexInputs.Local.FirstOrDefault(i => i.Kind == fact.Kind && i.SourceKey == fact.Source);
        if (held is null)
        {
            // Two events of one source at once (hours approved, then corrected) would both add it: in a consumer's
            // transaction they take turns. (A request writes its own records' inputs in its one save.)
            if (db.Database.CurrentTransaction is not null)
            {
                await db.Database.LockUntilCommitAsync($"index-input:{fact.Kind}:{fact.Source}", ct);
            }

            held = await db.IndexInputs.FirstOrDefaultAsync(i => i.Kind == fact.Kind && i.SourceKey == fact.Source, ct);
        }

        if (held is null)
        {
            db.IndexInputs.Add(IndexInputRecord.Create(fact, eventId, occurredAt));
        }
        else
        {
            held.Update(fact, eventId, occurredAt);
            Unscored(db, held);
        }
    }

    /// <summary>Takes an input back: kept on record, counted nowhere, rescored.</summary>
    public static void Withdraw(OrganizationDbContext db, IndexInputRecord input, string reason)
    {
        input.Withdraw(reason);
        Unscored(db, input);
    }

    /// <summary>
    /// Writes "not scored" even when this context loaded the row before a refresher marked it scored, so a change
    /// racing a refresh is always picked up by the next one.
    /// </summary>
    private static void Unscored(OrganizationDbContext db, IndexInputRecord input)
    {
        if (!input.Scored)
        {
            db.Entry(input).Property(i => i.Scored).IsModified = true;
        }
    }

    /// <summary>Takes back one input, unless a newer event set it after this one occurred.</summary>
    public static async Task WithdrawAsync(OrganizationDbContext db, string kind, string source, DateTimeOffset occurredAt, CancellationToken ct)
    {
        var held = await db.IndexInputs.FirstOrDefaultAsync(i => i.Kind == kind && i.SourceKey == source && !i.Withdrawn, ct);
        if (held is not null && held.EventOccurredAt <= occurredAt)
        {
            Withdraw(db, held, "a later event took it back");
        }
    }

    /// <summary>Takes back inputs of one kind whose sources start with a prefix and are not among those still given (attendance corrected).</summary>
    public static async Task WithdrawOthersAsync(
        OrganizationDbContext db,
        string kind,
        string sourcePrefix,
        IReadOnlyCollection<string> kept,
        string reason,
        CancellationToken ct
    )
    {
        var stale = await db
            .IndexInputs.Where(i => i.Kind == kind && i.SourceKey.StartsWith(sourcePrefix) && !i.Withdrawn && !kept.Contains(i.SourceKey))
            .ToListAsync(ct);
        stale.ForEach(input => Withdraw(db, input, reason));
    }

    /// <summary>The community a person belongs to, for inputs whose event names none.</summary>
    public static Task<Guid?> CommunityOfAsync(OrganizationDbContext db, Guid person, CancellationToken ct) =>
        db.People.Where(p => p.Id == person).Select(p => p.CommunityId).FirstOrDefaultAsync(ct);

    /// <summary>A member unit's own party organization.</summary>
    public static Task<Guid?> OrganizationOfUnitAsync(OrganizationDbContext db, Guid unit, CancellationToken ct) =>
        db.MemberUnits.Where(u => u.Id == unit).Select(u => u.PartyOrganizationId).FirstOrDefaultAsync(ct);
}
