using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Contracts.Grid;
using Platform.Contracts.Volunteer;
using Platform.Organization.GridPosts;
using Platform.Organization.Indices;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>A host of its own: what it logs is only this test's doing.</summary>
public sealed class OrganizationInboxFactory : OrganizationServiceFactory
{
    protected override bool BesideTheMainHost => true;
}

/// <summary>
/// Two deliveries of one event at once (a redelivery after a lost ack, a replayed dead letter): handled once, quietly.
/// Two events about one new read-model record at once: both applied, the newer state kept, quietly.
/// </summary>
public class InboxTests(OrganizationInboxFactory service) : IClassFixture<OrganizationInboxFactory>
{
    private static readonly string Consumer = nameof(ServiceHoursInputConsumer);

    private static ServiceHoursApproved Hours(Guid person) =>
        new()
        {
            RecordId = Guid.NewGuid(),
            VolunteerId = Guid.NewGuid(),
            PersonId = person,
            ActivityId = Guid.NewGuid(),
            Hours = 3,
            ServedOn = new DateOnly(2026, 11, 20),
            OccurredAt = DateTimeOffset.UtcNow,
        };

    /// <summary>The other delivery, caught between its claim and its commit: an open transaction holding the inbox key.</summary>
    private async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> ClaimAsync(Guid eventId)
    {
        var connection = new NpgsqlConnection(service.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO inbox_messages (event_id, consumer, processed_at) VALUES ($1, $2, now())",
            connection,
            transaction
        );
        command.Parameters.Add(new NpgsqlParameter { Value = eventId });
        command.Parameters.Add(new NpgsqlParameter { Value = Consumer });
        await command.ExecuteNonQueryAsync();
        return (connection, transaction);
    }

    /// <summary>The service's consumer waiting on a row lock held by another session.</summary>
    private Task WaitingOnTheClaimAsync() =>
        Eventually.TrueAsync(
            async () =>
                await service.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0,
            "the consumer waiting on the other delivery's claim"
        );

    private Task<long> InputsAsync(Guid record) => service.ScalarAsync<long>("SELECT count(*) FROM index_inputs WHERE source_key = $1", record.ToString())!;

    [Fact]
    public async Task A_delivery_racing_one_that_commits_waits_for_it_and_does_nothing_and_one_racing_a_rollback_does_the_work()
    {
        var bus = service.Services.GetRequiredService<IBus>();
        var loggedBefore = service.Log.Entries.Count;
        var member = Guid.NewGuid();

        // The other delivery commits (its effect is not written here: only the claim matters).
        var first = Hours(member);
        var (connection, transaction) = await ClaimAsync(first.EventId);
        await using (connection)
        {
            await bus.Publish(first);
            await WaitingOnTheClaimAsync();
            await transaction.CommitAsync();
        }

        // The other delivery rolls back: the waiting one takes the event and records the input.
        var second = Hours(member);
        (connection, transaction) = await ClaimAsync(second.EventId);
        await using (connection)
        {
            await bus.Publish(second);
            await WaitingOnTheClaimAsync();
            await transaction.RollbackAsync();
        }

        await Eventually.TrueAsync(async () => await InputsAsync(second.RecordId) == 1, "the input of the event whose other delivery rolled back");
        // Consumed in order of arrival, a few at a time: by now the first event's delivery has long been answered.
        Assert.Equal(0, await InputsAsync(first.RecordId));
        Assert.Equal(1, await service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE event_id = $1", first.EventId));
        // Nothing for an operator to chase: no collision logged, no retry, no fault.
        Assert.DoesNotContain(service.Log.Entries.Skip(loggedBefore), e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Events_about_one_new_read_model_record_arriving_together_all_apply_and_nothing_collides()
    {
        var bus = service.Services.GetRequiredService<IBus>();
        var loggedBefore = service.Log.Entries.Count;
        var taken = DateTimeOffset.UtcNow;

        // Twenty posts taken up and ended moments later, both events of each on the queue together (the relay sends a
        // round at once; the consumer takes a few at a time).
        var assignments = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        var events = assignments.SelectMany(a =>
        {
            var active = new GridStaffChanged
            {
                AssignmentId = a,
                GridId = Guid.NewGuid(),
                CommunityId = Guid.NewGuid(),
                PersonId = Guid.NewGuid(),
                Post = "Participant",
                Active = true,
                From = new DateOnly(2026, 12, 1),
                OccurredAt = taken,
            };
            return new[] { active, active with { EventId = Guid.NewGuid(), Active = false, To = new DateOnly(2026, 12, 3), OccurredAt = taken.AddSeconds(1) } };
        });
        await Task.WhenAll(events.Select(e => bus.Publish(e)));

        await Eventually.TrueAsync(
            async () => await service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE consumer = $1", nameof(GridStaffChangedConsumer)) == 40,
            "the forty events consumed"
        );
        Assert.Equal(
            20,
            await service.ScalarAsync<long>("SELECT count(*) FROM grid_postings WHERE assignment_id = ANY($1) AND NOT active", assignments.ToArray())
        );
        Assert.DoesNotContain(service.Log.Entries.Skip(loggedBefore), e => e.Level >= LogLevel.Warning);
    }
}
