using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Platform.Organization.Data;

namespace Platform.Organization.Indices;

/// <summary>What a recompute did: the periods rebuilt, the scores written, the inputs in the period (the most any one index counted), how long it took.</summary>
public sealed record RecomputeResult(IReadOnlyList<string> Periods, IReadOnlyList<IndexKind> Indices, int Scores, long Inputs, TimeSpan Took);

/// <summary>
/// Rebuilds the live scores of periods from the stored inputs alone. The database adds up each subject's
/// inputs by kind (and by month when a year is rebuilt with its quarters and months), streamed in subject order;
/// each subject is scored by the same arithmetic as the live refresh (<see cref="RubricScorer.Figure"/>) and the
/// rows are copied in, replacing the periods' old rows in one transaction. Live refreshes wait meanwhile (an
/// exclusive lock they take shared), so what comes out equals what the live path would hold.
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

        await using var reader = new NpgsqlConnection(db.Database.GetConnectionString());
        await reader.OpenAsync(ct);
        await Execute(reader, "SET work_mem = '256MB'", ct);
        var now = clock.GetUtcNow();
        var scores = 0;
        var inputs = indices.ToDictionary(i => i, _ => 0L);
        await using (var copy = await writer.BeginBinaryImportAsync(
            "COPY index_scores (index, period, subject_id, total, grade, rubric_version, inputs, computed_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var index in indices)
            {
                await foreach (var (subject, tallies) in SubjectsAsync(reader, index, period, withParts, ct))
                {
                    foreach (var p in periods)
                    {
                        var of = withParts ? Roll(tallies, p) : tallies[0];
                        if (of.Count == 0)
                        {
                            continue;
                        }

                        var rubric = rubrics[(index, p)];
                        var figure = RubricScorer.Figure(rubric, of, index == IndexKind.Fortress ? types.GetValueOrDefault(subject) : null);
                        var count = of.Values.Sum(t => t.Count);
                        // Each input once: the Service index counts it for its community and for the subdistrict.
                        inputs[index] += p == period && (index != IndexKind.Service || subject == IndexSubjects.Subdistrict) ? count : 0;
                        await copy.StartRowAsync(ct);
                        await copy.WriteAsync(index.ToString(), NpgsqlDbType.Text, ct);
                        await copy.WriteAsync(p.ToString(), NpgsqlDbType.Text, ct);
                        await copy.WriteAsync(subject, NpgsqlDbType.Uuid, ct);
                        await copy.WriteAsync(figure.Total, NpgsqlDbType.Numeric, ct);
                        await (figure.Grade is { } grade ? copy.WriteAsync(grade, NpgsqlDbType.Text, ct) : copy.WriteNullAsync(ct));
                        await copy.WriteAsync(rubric.Version, NpgsqlDbType.Integer, ct);
                        await copy.WriteAsync(count, NpgsqlDbType.Integer, ct);
                        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                        scores++;
                    }
                }
            }

            await copy.CompleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new RecomputeResult(periodNames, indices, scores, inputs.Values.Max(), watch.Elapsed);
    }

    /// <summary>
    /// Each subject's tallies by kind, from the database, in subject order: for one period, one dictionary; for a
    /// year with its parts, one per local month (index 1–12).
    /// </summary>
    private static async IAsyncEnumerable<(Guid Subject, Dictionary<string, Tally>[] Tallies)> SubjectsAsync(
        NpgsqlConnection connection, IndexKind index, IndexPeriod period, bool withParts,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var column = IndexSubjects.ColumnOf(index);
        var month = withParts ? "extract(month from (at AT TIME ZONE 'UTC') + interval '8 hours')::int" : "0";
        var subjects = index == IndexKind.Service
            ? $"SELECT {column} AS subject, kind, {month} AS month, count(*)::int, sum(quantity) FROM index_inputs WHERE {column} IS NOT NULL AND at >= $1 AND at < $2 AND NOT withdrawn GROUP BY 1, 2, 3 "
              + $"UNION ALL SELECT '{IndexSubjects.Subdistrict}'::uuid, kind, {month}, count(*)::int, sum(quantity) FROM index_inputs WHERE at >= $1 AND at < $2 AND NOT withdrawn GROUP BY 2, 3 ORDER BY 1"
            : $"SELECT {column} AS subject, kind, {month} AS month, count(*)::int, sum(quantity) FROM index_inputs WHERE {column} IS NOT NULL AND at >= $1 AND at < $2 AND NOT withdrawn GROUP BY 1, 2, 3 ORDER BY 1";
        await using var command = new NpgsqlCommand(subjects, connection);
        command.Parameters.AddWithValue(period.Start);
        command.Parameters.AddWithValue(period.End);
        await using var rows = await command.ExecuteReaderAsync(ct);
        Guid? current = null;
        var tallies = NewTallies(withParts);
        while (await rows.ReadAsync(ct))
        {
            var subject = rows.GetGuid(0);
            if (current is { } done && done != subject)
            {
                yield return (done, tallies);
                tallies = NewTallies(withParts);
            }

            current = subject;
            tallies[rows.GetInt32(2)][rows.GetString(1)] = new Tally(rows.GetInt32(3), rows.GetDecimal(4));
        }

        if (current is { } last)
        {
            yield return (last, tallies);
        }
    }

    private static Dictionary<string, Tally>[] NewTallies(bool withParts) => [.. Enumerable.Range(0, withParts ? 13 : 1).Select(_ => new Dictionary<string, Tally>())];

    /// <summary>A month's, quarter's or the year's tallies from the monthly ones.</summary>
    private static Dictionary<string, Tally> Roll(Dictionary<string, Tally>[] months, IndexPeriod period)
    {
        var (first, last) = period.Kind switch
        {
            PeriodKind.Month => (period.Number, period.Number),
            PeriodKind.Quarter => (period.Number * 3 - 2, period.Number * 3),
            _ => (1, 12),
        };
        if (first == last)
        {
            return months[first];
        }

        var sum = new Dictionary<string, Tally>();
        for (var m = first; m <= last; m++)
        {
            foreach (var (kind, tally) in months[m])
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
