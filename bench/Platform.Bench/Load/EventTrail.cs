using Npgsql;

namespace Platform.Bench.Load;

/// <summary>
/// Follows events from the publisher's outbox (written in the change's transaction) to each consumer's inbox (written
/// in the effect's transaction): how many arrived, whether any was handled twice, and how long from the write to the
/// relay's send and to each consumer's effect.
/// </summary>
public sealed record EventTrail(string Event, int Published, IReadOnlyList<ConsumerTrail> Consumers, IReadOnlyList<double> SentAfterMs)
{
    public bool Complete => Consumers.All(c => c.Handled == Published && c.Twice == 0);

    /// <summary>Waits (at most <paramref name="atMost"/>) until every consumer has every event, then measures.</summary>
    public static async Task<EventTrail> FollowAsync(
        LoadTarget target,
        string source,
        string messageType,
        string filter,
        IReadOnlyList<(string Service, string Consumer)> consumers,
        TimeSpan atMost,
        Action<NpgsqlCommand>? parameters = null
    )
    {
        var events = new Dictionary<Guid, (DateTimeOffset Occurred, DateTimeOffset? Sent)>();
        await using (var connection = new NpgsqlConnection(target.Database(source)))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"SELECT id, occurred_at, sent_at FROM outbox_messages WHERE message_type = @type AND ({filter})",
                connection
            );
            command.Parameters.AddWithValue("type", messageType);
            parameters?.Invoke(command);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                events[reader.GetGuid(0)] = (reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
            }
        }

        var ids = events.Keys.ToArray();
        var deadline = DateTime.UtcNow + atMost;
        var trails = new List<ConsumerTrail>();
        foreach (var (service, consumer) in consumers)
        {
            List<(Guid Id, DateTimeOffset At)> handled;
            while (true)
            {
                handled = [];
                await using var connection = new NpgsqlConnection(target.Database(service));
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    "SELECT event_id, processed_at FROM inbox_messages WHERE consumer = @consumer AND event_id = ANY(@ids)",
                    connection
                );
                command.Parameters.AddWithValue("consumer", consumer);
                command.Parameters.AddWithValue("ids", ids);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    handled.Add((reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1)));
                }

                if (handled.Select(h => h.Id).Distinct().Count() >= ids.Length || DateTime.UtcNow > deadline)
                {
                    break;
                }

                await Task.Delay(1000);
            }

            var latencies = handled.Select(h => (h.At - events[h.Id].Occurred).TotalMilliseconds).ToList();
            trails.Add(
                new ConsumerTrail(
                    service,
                    consumer,
                    handled.Select(h => h.Id).Distinct().Count(),
                    handled.Count - handled.Select(h => h.Id).Distinct().Count(),
                    latencies
                )
            );
        }

        // Re-read the send times: rows still unsent at the first read may have gone since.
        var sent = new List<double>();
        await using (var connection = new NpgsqlConnection(target.Database(source)))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT occurred_at, sent_at FROM outbox_messages WHERE id = ANY(@ids) AND sent_at IS NOT NULL",
                connection
            );
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sent.Add((reader.GetFieldValue<DateTimeOffset>(1) - reader.GetFieldValue<DateTimeOffset>(0)).TotalMilliseconds);
            }
        }

        return new EventTrail(messageType[(messageType.LastIndexOf('.') + 1)..], ids.Length, trails, sent);
    }
}

public sealed record ConsumerTrail(string Service, string Consumer, int Handled, int Twice, IReadOnlyList<double> LatencyMs);

public static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }
}
