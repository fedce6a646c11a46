using System.Diagnostics;
using Npgsql;

namespace Platform.Bench.Load;

/// <summary>Grows the Workflow register with copies of its newest case, each with its own id, number, place, category and time.</summary>
public static class RegisterFill
{
    public static async Task<TimeSpan> GrowAsync(string connectionString, long count)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (
            var query = new NpgsqlCommand(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'cases' AND table_schema = 'public' ORDER BY ordinal_position",
                connection
            )
        )
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        // Each copy in one of the basic grids (round robin), at a random place inside its envelope.
        var overrides = new Dictionary<string, string>
        {
            ["id"] = "gen_random_uuid()",
            ["number"] = "'F' || to_char(now(), 'MMDDHH24MISS') || lpad(i::text, 7, '0')",
            ["location"] =
                "ST_SetSRID(ST_MakePoint(ST_XMin(g.boundary) + random() * (ST_XMax(g.boundary) - ST_XMin(g.boundary)), "
                + "ST_YMin(g.boundary) + random() * (ST_YMax(g.boundary) - ST_YMin(g.boundary))), 4326)",
            ["grid_id"] = "g.id",
            ["community_id"] = "g.community_id",
            ["reported_at"] = "now() - random() * interval '90 days'",
            ["category"] = "cat.codes[1 + i % array_length(cat.codes, 1)]",
            ["source_ref"] = "NULL",
            ["possible_duplicate_of"] = "NULL",
            ["description"] = "'登记簿填充 ' || i",
        };
        var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var value) ? value : $"t.{c}"));
        for (long from = 1; from <= count; from += 100_000)
        {
            await using var insert = new NpgsqlCommand(
                $"""
                WITH t AS (SELECT * FROM cases WHERE state = 'Reported' AND location IS NOT NULL ORDER BY reported_at DESC LIMIT 1),
                     g AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, community_id, boundary FROM known_grids
                           WHERE type <> 'Specialized' AND boundary IS NOT NULL),
                     n AS (SELECT count(*) AS c FROM g),
                     cat AS (SELECT array_agg(code ORDER BY code) AS codes FROM case_categories)
                INSERT INTO cases ({string.Join(", ", columns)})
                SELECT {select} FROM t CROSS JOIN n CROSS JOIN cat
                CROSS JOIN generate_series({from}, {Math.Min(count, from + 99_999)}) AS i
                JOIN g ON g.k = i % n.c
                """,
                connection
            )
            {
                CommandTimeout = 0,
            };
            await insert.ExecuteNonQueryAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE cases", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync();
        return clock.Elapsed;
    }
}
