using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Organization;
using Platform.Organization.Data;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>The service with its own relay off: the test drives a relay round by round.</summary>
public sealed class OrganizationWithoutRelayFactory : OrganizationServiceFactory
{
    protected override bool BesideTheMainHost => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Platform:Outbox:Relay", "false");
    }
}

public class OutboxLaneTests(OrganizationWithoutRelayFactory service) : IClassFixture<OrganizationWithoutRelayFactory>
{
    [Fact]
    public async Task A_fresh_event_leaves_in_the_first_round_while_a_pile_of_old_ones_is_retried()
    {
        await using var events = await PublishedEvents.ListenAsync<CommunityChanged>(service.Servers.RabbitMq);
        var failing = Enumerable.Range(0, 40).Select(i => new NotAContract { OccurredAt = DateTimeOffset.UtcNow.AddHours(-1).AddSeconds(i) }).ToArray();
        var fresh = new CommunityChanged
        {
            CommunityId = Guid.NewGuid(),
            Code = "777",
            Name = "新社区",
            OccurredAt = DateTimeOffset.UtcNow,
        };
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
            foreach (var e in failing)
            {
                db.AddEvent(e);
            }

            await db.SaveChangesAsync();
        }

        // Forty rows have failed before and are due again, all older than anything new.
        await service.ExecuteAsync("UPDATE outbox_messages SET attempts = 3, next_attempt_at = now() - interval '1 minute', last_error = 'broker away'");
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
            db.AddEvent(fresh);
            await db.SaveChangesAsync();
        }

        var relay = new OutboxRelay<OrganizationDbContext>(
            service.Services.GetRequiredService<IServiceScopeFactory>(),
            service.Services.GetRequiredService<IBus>(),
            service.Services.GetRequiredService<SubscriberQueues>(),
            service.Services.GetRequiredService<OutboxMetrics>(),
            TimeProvider.System,
            new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:Outbox:BatchSize"] = "7", ["Platform:Outbox:RetryBatchSize"] = "5" })
                .Build(),
            NullLogger<OutboxRelay<OrganizationDbContext>>.Instance
        );

        Assert.Equal(1, await relay.RelayBatchAsync(CancellationToken.None));

        // The new event went out in that one round, and the retries took no more than their share of it.
        Assert.NotNull(await service.ScalarAsync<DateTime?>("SELECT sent_at FROM outbox_messages WHERE id = $1", fresh.EventId));
        var received = await events.NextAsync(m => m.GetProperty("communityId").GetGuid() == fresh.CommunityId);
        Assert.Equal(fresh.EventId, received.GetProperty("messageId").GetGuid());
        Assert.Equal(5, await service.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE attempts = 4"));
        Assert.Equal(35, await service.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE attempts = 3 AND sent_at IS NULL"));
    }
}
