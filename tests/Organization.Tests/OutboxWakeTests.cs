using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Organization;
using Platform.Organization.Data;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>The service with a relay that polls only once a minute: anything sooner is the commit's notification.</summary>
public sealed class OrganizationPollingSlowlyFactory : OrganizationServiceFactory
{
    protected override bool BesideTheMainHost => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Platform:Outbox:PollInterval", "00:01:00");
    }
}

/// <summary>
/// In the main host's collection, so it never runs beside that collection's bursts (300 events from three relays at
/// once): on a busy machine they kept the broker long enough for this test's wait to run out.
/// </summary>
[Collection(OrganizationServiceCollection.Name)]
public class OutboxWakeTests(OrganizationPollingSlowlyFactory service) : IClassFixture<OrganizationPollingSlowlyFactory>
{
    [Fact]
    public async Task A_commit_wakes_the_relay_without_waiting_for_its_next_poll()
    {
        await using var events = await PublishedEvents.ListenAsync<CommunityChanged>(service.Servers.RabbitMq);
        // The relay listening for commits (its connection's last statement), and past its first rounds at start: from here
        // on it sleeps a minute between empty rounds. A fixed two seconds here once fell short on a busy CI machine.
        await Eventually.TrueAsync(
            async () =>
                await service.ScalarAsync<long>(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = $1",
                    $"LISTEN {OutboxNotification.Channel}"
                ) == 1,
            "the relay listening for commits"
        );
        await Task.Delay(TimeSpan.FromSeconds(2));

        for (var i = 0; i < 3; i++)
        {
            var changed = new CommunityChanged
            {
                CommunityId = Guid.NewGuid(),
                Code = $"00{i}",
                Name = "长江路社区",
                OccurredAt = DateTimeOffset.UtcNow,
            };
            await using (var scope = service.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
                db.AddEvent(changed);
                await db.SaveChangesAsync();
            }

            // Well inside the minute the relay would otherwise sleep: each of three commits in a row wakes it.
            await events.NextAsync(m => m.GetProperty("communityId").GetGuid() == changed.CommunityId, TimeSpan.FromSeconds(30));
        }
    }
}
