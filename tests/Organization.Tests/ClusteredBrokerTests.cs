using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Contracts.Organization;
using Platform.Organization.Data;
using Platform.ServiceDefaults.Messaging;
using Platform.Testing;
using RabbitMQ.Client;

namespace Platform.Organization.Tests;

/// <summary>The service on a 3-node RabbitMQ cluster, quorum queues, every node in its node list (as a production deployment sets it).</summary>
public sealed class OrganizationOnAClusterFactory(RabbitMqCluster cluster) : OrganizationServiceFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.RabbitMq}", cluster.Address(cluster.Nodes[0]));
        builder.UseSetting("Platform:Messaging:Nodes", cluster.NodeList);
        builder.UseSetting("Platform:Messaging:QueueType", "quorum");
        builder.UseSetting("Platform:Messaging:QuorumReplicas", "3");
    }
}

public class ClusteredBrokerTests
{
    private const int Burst = 600;

    [Fact]
    public async Task Stopping_the_leader_node_in_the_middle_of_a_burst_loses_no_event()
    {
        await using var cluster = await RabbitMqCluster.StartAsync(3);
        await using var service = new OrganizationOnAClusterFactory(cluster);
        await ((IAsyncLifetime)service).InitializeAsync();
        try
        {
            // A subscriber of CommunityChanged that never runs here: the relay declares its queue, as quorum.
            var queue = Subscriptions.All.First(s => s.Event == typeof(CommunityChanged) && s.Service == "workflow").Queue;
            await Eventually.TrueAsync(async () => await cluster.TypeOfAsync(queue, cluster.Nodes[1]) == "quorum", "the subscriber's queue declared as a quorum queue");
            var leader = await cluster.LeaderOfAsync(queue, cluster.Nodes[1]);
            var survivor = cluster.Nodes.First(n => n != leader);

            var written = new List<Guid>();
            for (var round = 0; round < 12; round++)
            {
                written.AddRange(await WriteChangesAsync(service, Burst / 12));
                if (round == 5)
                {
                    // Half the burst is written, part of it still on its way: the queue's leader goes down hard.
                    await cluster.KillAsync(leader);
                }

                await Task.Delay(50);
            }

            // Every row leaves the outbox (publishes to the dead node fail and are retried on another one)...
            try
            {
                await Eventually.TrueAsync(
                    async () => await service.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0,
                    "every outbox row sent", TimeSpan.FromSeconds(240));
            }
            catch (TimeoutException)
            {
                Assert.Fail($"Rows left unsent: {await service.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL")}, "
                    + $"most attempts {await service.ScalarAsync<int>("SELECT max(attempts) FROM outbox_messages WHERE sent_at IS NULL")}, "
                    + $"last error: {await service.ScalarAsync<string>("SELECT last_error FROM outbox_messages WHERE sent_at IS NULL AND last_error IS NOT NULL LIMIT 1")}");
            }

            // ...and every event is in the subscriber's queue on the surviving nodes, each at least once.
            var received = await DrainAsync(cluster.Address(survivor), queue);
            var missing = written.Except(received).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {written.Count} events were lost when the leader node {leader.Name} stopped");
            Assert.NotEqual(leader, await cluster.LeaderOfAsync(queue, survivor));
        }
        finally
        {
            await ((IAsyncLifetime)service).DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<Guid>> WriteChangesAsync(OrganizationOnAClusterFactory service, int count)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var events = Enumerable.Range(0, count).Select(i => new CommunityChanged
        {
            CommunityId = Guid.NewGuid(),
            Code = $"{i:000}",
            Name = $"社区 {i}",
            OccurredAt = DateTimeOffset.UtcNow,
        }).ToList();
        foreach (var e in events)
        {
            db.AddEvent(e);
        }

        await db.SaveChangesAsync();
        return events.Select(e => e.EventId).ToList();
    }

    private static async Task<HashSet<Guid>> DrainAsync(string address, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(address) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ids = new HashSet<Guid>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
        {
            ids.Add(JsonSerializer.Deserialize<JsonElement>(delivery.Body.Span).GetProperty("message").GetProperty("eventId").GetGuid());
        }

        return ids;
    }
}
