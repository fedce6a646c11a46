using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;
using Platform.Contracts.Organization;
using Platform.Organization.Data;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>An event type that is not in Platform.Contracts, so the relay cannot publish it.</summary>
public sealed record NotAContract : IntegrationEvent;

public class OutboxTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private static CommunityChanged Changed(int i) =>
        new()
        {
            CommunityId = Guid.NewGuid(),
            Code = $"{i:000}",
            Name = $"community {i}",
            OccurredAt = DateTimeOffset.UtcNow,
        };

    private async Task WriteEventsAsync(params IntegrationEvent[] events)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        foreach (var e in events)
        {
            db.AddEvent(e);
        }

        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(5, 16)]
    [InlineData(9, 256)]
    [InlineData(10, 300)]
    [InlineData(50, 300)]
    public void Backoff_doubles_from_one_second_up_to_five_minutes(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxMessage.BackoffAfter(attempts));

    [Fact]
    public void A_worker_waits_longer_after_each_failed_round_up_to_half_a_minute_and_as_usual_after_a_success()
    {
        var backoff = new Platform.BuildingBlocks.Time.FailureBackoff();
        var usual = TimeSpan.FromMilliseconds(250);
        var waits = Enumerable.Range(0, 8).Select(_ => backoff.Failed(usual).TotalSeconds).ToList();
        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], waits);
        backoff.Succeeded();
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Failed(usual));
        // Never shorter than the worker's usual pause.
        Assert.Equal(TimeSpan.FromSeconds(30), new Platform.BuildingBlocks.Time.FailureBackoff().Failed(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_row_that_cannot_be_published_is_kept_for_retry_and_does_not_hold_up_the_others()
    {
        await using var events = await PublishedEvents.ListenAsync<CommunityChanged>(Service.Servers.RabbitMq);
        var broken = new NotAContract { OccurredAt = DateTimeOffset.UtcNow.AddSeconds(-1) };
        var good = Changed(1);

        await WriteEventsAsync(broken, good);

        await events.NextAsync(m => m.GetProperty("communityId").GetGuid() == good.CommunityId);
        await Eventually.TrueAsync(
            async () => await Service.ScalarAsync<int>("SELECT attempts FROM outbox_messages WHERE id = $1", broken.EventId) >= 1,
            "the broken row attempted"
        );
        Assert.Null(await Service.ScalarAsync<DateTime?>("SELECT sent_at FROM outbox_messages WHERE id = $1", broken.EventId));
        Assert.Contains(
            "Unknown event type",
            await Service.ScalarAsync<string>("SELECT last_error FROM outbox_messages WHERE id = $1", broken.EventId),
            StringComparison.Ordinal
        );
        Assert.True(await Service.ScalarAsync<bool>("SELECT next_attempt_at > now() FROM outbox_messages WHERE id = $1", broken.EventId));
    }

    [Fact]
    public async Task Several_relays_at_once_send_every_row_exactly_once()
    {
        await using var events = await PublishedEvents.ListenAsync<CommunityChanged>(Service.Servers.RabbitMq);
        var written = Enumerable.Range(1, 300).Select(Changed).ToArray();
        var relays = Enumerable
            .Range(0, 2)
            .Select(_ => new OutboxRelay<OrganizationDbContext>(
                Service.Services.GetRequiredService<IServiceScopeFactory>(),
                Service.Services.GetRequiredService<IBus>(),
                Service.Services.GetRequiredService<SubscriberQueues>(),
                Service.Services.GetRequiredService<OutboxMetrics>(),
                TimeProvider.System,
                new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:Outbox:BatchSize"] = "7" }).Build(),
                NullLogger<OutboxRelay<OrganizationDbContext>>.Instance
            ))
            .ToList();

        await WriteEventsAsync(written);
        // Two more relays race the service's own one over the same rows.
        await Task.WhenAll(
            relays.Select(async relay =>
            {
                while (await relay.RelayBatchAsync(CancellationToken.None) > 0) { }
            })
        );
        await Eventually.TrueAsync(
            async () => await Service.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0,
            "every row sent"
        );

        var received = await events.DrainAsync();
        var ids = received.Select(e => e.GetProperty("message").GetProperty("eventId").GetGuid()).ToList();
        Assert.Equal(written.Length, ids.Count);
        Assert.Equal(written.Select(e => e.EventId).Order(), ids.Order());
    }

    [Fact]
    public async Task An_event_is_kept_for_a_subscriber_that_has_never_started_and_sent_once()
    {
        // The Volunteer service never runs in this test process; its queue for member units exists all the same,
        // declared by this service's relay from the suite's subscriptions.
        var joined = new MemberUnitJoined
        {
            UnitId = Guid.NewGuid(),
            Name = "供电公司",
            JoinedOn = new DateOnly(2026, 1, 1),
            OccurredAt = DateTimeOffset.UtcNow,
        };

        await WriteEventsAsync(joined);

        var kept = await Eventually.GetAsync(
            async () =>
            {
                await using var queue = await PublishedEvents.OpenQueueAsync(Service.Servers.RabbitMq, "volunteer-member-unit-joined");
                return
                    (await queue.DrainAsync()).FirstOrDefault(m => m.GetProperty("messageId").GetGuid() == joined.EventId)
                        is { ValueKind: System.Text.Json.JsonValueKind.Object } found
                    ? (object)found
                    : null;
            },
            "the event in the queue of a subscriber that never started"
        );
        Assert.Equal(joined.UnitId, ((System.Text.Json.JsonElement)kept!).GetProperty("message").GetProperty("unitId").GetGuid());
        Assert.Equal(1, await Service.ScalarAsync<int>("SELECT attempts FROM outbox_messages WHERE id = $1", joined.EventId));
    }

    [Fact]
    public async Task An_event_nobody_subscribes_to_is_sent_once_and_nothing_waits_for_it()
    {
        Assert.DoesNotContain(Subscriptions.All, s => s.Event == typeof(PartyOrganizationChanged));
        var changed = new PartyOrganizationChanged
        {
            OrganizationId = Guid.NewGuid(),
            Name = "第一党支部",
            Kind = "Branch",
            Status = "Active",
            Version = 1,
            OccurredAt = DateTimeOffset.UtcNow,
        };

        await WriteEventsAsync(changed);

        await Eventually.TrueAsync(
            async () => await Service.ScalarAsync<DateTime?>("SELECT sent_at FROM outbox_messages WHERE id = $1", changed.EventId) is not null,
            "the event sent"
        );
        Assert.Equal(1, await Service.ScalarAsync<int>("SELECT attempts FROM outbox_messages WHERE id = $1", changed.EventId));
    }

    [Fact]
    public async Task The_backlog_and_the_age_of_the_oldest_unsent_event_are_measured()
    {
        var broken = new NotAContract { OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-3) };

        await WriteEventsAsync(broken);

        var metrics = Service.Services.GetRequiredService<OutboxMetrics>();
        await Eventually.TrueAsync(
            () => Task.FromResult(metrics.Backlog >= 1 && metrics.Lag >= TimeSpan.FromMinutes(3)),
            "the relay's backlog and lag measured",
            TimeSpan.FromSeconds(20)
        );
    }
}
