using Microsoft.EntityFrameworkCore;
using Platform.Organization.Data;

namespace Platform.Organization.Indices;

/// <summary>One subject's score for one period: the unit the live table is kept in.</summary>
public readonly record struct ScoreKey(IndexKind Index, Guid Subject, IndexPeriod Period);

/// <summary>
/// Brings one live score up to date from the ledger: each kind's tally for the subject and period (counted in
/// the database, through the same filter the explanation reads with), scored by the rubric version in force at the
/// period's start, written to <c>index_scores</c>.
/// Each key is taken under a lock of its own, so two refreshers never write a stale figure over a newer one.
/// </summary>
public sealed class ScoreKeeper(OrganizationDbContext db, TimeProvider clock)
{
    /// <summary>Held shared by every refresh and exclusively by a recompute.</summary>
    public const long RecomputeLock = 0x1D1CE5;

    private readonly Dictionary<(IndexKind, DateOnly), Rubric> rubrics = [];
    private readonly Dictionary<Guid, string?> types = [];

    public async Task RefreshAsync(ScoreKey key, CancellationToken ct)
    {
        var lockKey = $"{key.Index}:{key.Subject}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockKey}, 0))", ct);
        var tallies = await TalliesAsync(key, ct);
        var period = key.Period.ToString();
        var index = key.Index.ToString();
        if (tallies.Count == 0)
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM index_scores WHERE index = {index} AND period = {period} AND subject_id = {key.Subject}", ct);
            return;
        }

        var rubric = await RubricAsync(key.Index, key.Period.FirstDay, ct);
        var type = key.Index == IndexKind.Fortress ? await TypeOfAsync(key.Subject, ct) : null;
        var figure = RubricScorer.Figure(rubric, tallies, type);
        var inputs = tallies.Values.Sum(t => t.Count);
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO index_scores (index, period, subject_id, total, grade, rubric_version, inputs, computed_at)
            VALUES ({index}, {period}, {key.Subject}, {figure.Total}, {figure.Grade}, {rubric.Version}, {inputs}, {now})
            ON CONFLICT (index, period, subject_id) DO UPDATE SET
                total = excluded.total, grade = excluded.grade, rubric_version = excluded.rubric_version, inputs = excluded.inputs,
                computed_at = excluded.computed_at
            """,
            ct
        );
    }

    /// <summary>Each kind's count and quantity for the subject in the period, counted by the database.</summary>
    public async Task<Dictionary<string, Tally>> TalliesAsync(ScoreKey key, CancellationToken ct) =>
        await db
            .IndexInputs.AsNoTracking()
            .InputsOf(key)
            .GroupBy(i => i.Kind)
            .Select(g => new
            {
                Kind = g.Key,
                Count = g.Count(),
                Quantity = g.Sum(i => i.Quantity),
            })
            .ToDictionaryAsync(t => t.Kind, t => new Tally(t.Count, t.Quantity), ct);

    private async Task<string?> TypeOfAsync(Guid organization, CancellationToken ct)
    {
        if (!types.TryGetValue(organization, out var type))
        {
            types[organization] = type = (
                await db.PartyOrganizations.Where(o => o.Id == organization).Select(o => (PartyOrganizations.OrganizationKind?)o.Kind).FirstOrDefaultAsync(ct)
            )?.ToString();
        }

        return type;
    }

    private async Task<Rubric> RubricAsync(IndexKind index, DateOnly day, CancellationToken ct)
    {
        if (!rubrics.TryGetValue((index, day), out var rubric))
        {
            rubrics[(index, day)] = rubric = await RubricsApi.InForceAsync(db, index, day, ct);
        }

        return rubric;
    }

    /// <summary>The live scores a ledger row touches: its member's, organization's, community's and the subdistrict's,
    /// in each period it falls in (and fell in before a change).</summary>
    public static IEnumerable<ScoreKey> KeysOf(IndexInputRecord input)
    {
        var periods = IndexPeriod.Containing(input.At).Concat(input.PreviousAt is { } before ? IndexPeriod.Containing(before) : []).Distinct();
        foreach (var period in periods)
        {
            if (input.PersonId is { } person)
            {
                yield return new(IndexKind.Vanguard, person, period);
            }

            if (input.OrganizationId is { } organization)
            {
                yield return new(IndexKind.Fortress, organization, period);
            }

            if (input.CommunityId is { } community)
            {
                yield return new(IndexKind.Service, community, period);
            }

            yield return new(IndexKind.Service, IndexSubjects.Subdistrict, period);
        }
    }
}
