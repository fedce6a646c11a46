using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Platform.Organization.Data;

namespace Platform.Organization.Indices;

/// <summary>What a recompute did: the periods rebuilt, the scores written, the inputs in the period, how long it took.</summary>
public sealed record RecomputeResult(IReadOnlyList<string> Periods, IReadOnlyList<IndexKind> Indices, int Scores, long Inputs, TimeSpan Took);

/// <summary>
/// Rebuilds the live scores of periods from the stored inputs alone. In one pass the database adds the period's
/// inputs up by (member, organization, community, kind), and by month when a year is rebuilt with its quarters
/// and months; each group is counted for every subject it names (the subdistrict takes them all), each subject
/// is scored by the same arithmetic as the live refresh (<see cref="RubricScorer.Figure"/>), and the rows are
/// copied in, replacing the periods' old rows in one transaction. Live refreshes wait meanwhile (an exclusive
/// lock they take shared), so what comes out equals what the live path would hold.
/// </summary>
public sealed class IndexRecompute(OrganizationDbContext db, TimeProvider clock)
{
    public async Task<RecomputeResult> RunAsync(IReadOnlyList<IndexKind> indices, IndexPeriod period, bool withParts, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var periods = (withParts ? period.WithParts() : [period]).ToList();
        var rubrics = new Dictionary<(IndexKind, IndexPeriod), Rubric>();
        foreach (var index in indices)
        {
            foreach (var p in periods)
            {
                rubrics[(index, p)] = await RubricsApi.InForceAsync(db, index, p.FirstDay, ct);
            }
        }

        var types = indices.Contains(IndexKind.Fortress)
            ? await db.PartyOrganizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Kind.ToString(), ct)
            : [];

        var writer = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await writer.BeginTransactionAsync(ct);
        await Execute(writer, $"SELECT pg_advisory_xact_lock({ScoreKeeper.RecomputeLock})", ct);
        var periodNames = periods.Select(p => p.ToString()).ToArray();
        await using (var delete = new NpgsqlCommand("DELETE FROM index_scores WHERE index = ANY($1) AND period = ANY($2)", writer))
        {
            delete.Parameters.AddWithValue(indices.Select(i => i.ToString()).ToArray());
            delete.Parameters.AddWithValue(periodNames);
            await delete.ExecuteNonQueryAsync(ct);
        }

        var (subjects, inputs) = await TallyAsync(indices, period, withParts, ct);
        var now = clock.GetUtcNow();
        var scores = 0;
        await using (
            var copy = await writer.BeginBinaryImportAsync(
                "COPY index_scores (index, period, subject_id, total, grade, rubric_version, inputs, computed_at) FROM STDIN (FORMAT BINARY)",
                ct
            )
        )
        {
            foreach (var (index, bySubject) in subjects)
            {
                foreach (var (subject, months) in bySubject)
                {
                    foreach (var p in periods)
                    {
                        var of = Roll(months, p);
                        if (of.Count == 0)
                        {
                            continue;
                        }

                        var rubric = rubrics[(index, p)];
                        var figure = RubricScorer.Figure(rubric, of, index == IndexKind.Fortress ? types.GetValueOrDefault(subject) : null);
                        await copy.StartRowAsync(ct);
                        await copy.WriteAsync(index.ToString(), NpgsqlDbType.Text, ct);
                        await copy.WriteAsync(p.ToString(), NpgsqlDbType.Text, ct);
                        await copy.WriteAsync(subject, NpgsqlDbType.Uuid, ct);
                        await copy.WriteAsync(figure.Total, NpgsqlDbType.Numeric, ct);
                        await (figure.Grade is { } grade ? copy.WriteAsync(grade, NpgsqlDbType.Text, ct) : copy.WriteNullAsync(ct));
                        await copy.WriteAsync(rubric.Version, NpgsqlDbType.Integer, ct);
                        await copy.WriteAsync(of.Values.Sum(t => t.Count), NpgsqlDbType.Integer, ct);
                        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                        scores++;
                    }
                }
            }

            await copy.CompleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new RecomputeResult(periodNames, indices, scores, inputs, watch.Elapsed);
    }

    /// <summary>
    /// Every subject's tallies by kind, per index, from one grouped read of the ledger: slot 0 for the whole period,
    /// or slots 1–12 for the local months of a year rebuilt with its parts.
    /// </summary>
    private async Task<(Dictionary<IndexKind, Dictionary<Guid, Dictionary<string, Tally>?[]>> Subjects, long Inputs)> TallyAsync(
        IReadOnlyList<IndexKind> indices,
        IndexPeriod period,
        bool withParts,
        CancellationToken ct
    )
    {
        var subjects = indices.ToDictionary(i => i, _ => new Dictionary<Guid, Dictionary<string, Tally>?[]>());
        var slots = withParts ? 13 : 1;
        void Add(IndexKind index, Guid? subject, int month, string kind, Tally tally)
        {
            if (subject is { } id && subjects.TryGetValue(index, out var bySubject))
            {
                if (!bySubject.TryGetValue(id, out var months))
                {
                    bySubject[id] = months = new Dictionary<string, Tally>?[slots];
                }

                var slot = months[month] ??= [];
                slot[kind] = slot.GetValueOrDefault(kind).Add(tally);
            }
        }

        // A connection of its own, not from the pool: the session's larger work_mem must not outlive this read
        // (pooled connections keep their session state: NoResetOnClose, DatabaseExtensions).
        await using var reader = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString
        );
        await reader.OpenAsync(ct);
        await Execute(reader, "SET work_mem = '256MB'", ct);
        var month = withParts ? "extract(month from (at AT TIME ZONE 'UTC') + interval '8 hours')::int" : "0";
        await using var command = new NpgsqlCommand(
            $"""
            SELECT person_id, organization_id, community_id, kind, {month}, count(*)::int, sum(quantity)
            FROM index_inputs WHERE at >= $1 AND at < $2 AND NOT withdrawn GROUP BY 1, 2, 3, 4, 5
            """,
            reader
        );
        command.Parameters.AddWithValue(period.Start);
        command.Parameters.AddWithValue(period.End);
        command.CommandTimeout = 600;
        await using var rows = await command.ExecuteReaderAsync(ct);
        var kinds = new Dictionary<string, string>();
        long inputs = 0;
        while (await rows.ReadAsync(ct))
        {
            var kind = rows.GetString(3);
            kind = kinds.TryGetValue(kind, out var known) ? known : kinds[kind] = kind;
            var (slot, tally) = (rows.GetInt32(4), new Tally(rows.GetInt32(5), rows.GetDecimal(6)));
            inputs += tally.Count;
            Add(IndexKind.Vanguard, rows.IsDBNull(0) ? null : rows.GetGuid(0), slot, kind, tally);
            Add(IndexKind.Fortress, rows.IsDBNull(1) ? null : rows.GetGuid(1), slot, kind, tally);
            Add(IndexKind.Service, rows.IsDBNull(2) ? null : rows.GetGuid(2), slot, kind, tally);
            Add(IndexKind.Service, IndexSubjects.Subdistrict, slot, kind, tally);
        }

        return (subjects, inputs);
    }

    /// <summary>A period's tallies: the single slot, or a month's, quarter's or the year's from the monthly ones.</summary>
    private static Dictionary<string, Tally> Roll(Dictionary<string, Tally>?[] months, IndexPeriod period)
    {
        if (months.Length == 1)
        {
            return months[0] ?? [];
        }

        var (first, last) = period.Kind switch
        {
            PeriodKind.Month => (period.Number, period.Number),
            PeriodKind.Quarter => (period.Number * 3 - 2, period.Number * 3),
            _ => (1, 12),
        };
        if (first == last)
        {
            return months[first] ?? [];
        }

        var sum = new Dictionary<string, Tally>();
        for (var m = first; m <= last; m++)
        {
            foreach (var (kind, tally) in months[m] ?? [])
            {
                sum[kind] = sum.GetValueOrDefault(kind).Add(tally);
            }
        }

        return sum;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
