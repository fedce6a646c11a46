using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Contracts.Volunteer;
using Platform.Organization.Indices;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>A host of its own: what it logs is only this test's doing.</summary>
public sealed class OrganizationInboxFactory : OrganizationServiceFactory
{
    protected override bool BesideTheMainHost => true;
}

/// <summary>Two deliveries of one event at once (a redelivery after a lost ack, a replayed dead letter): handled once, quietly.</summary>
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
}
