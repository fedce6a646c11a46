using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;
using Platform.Contracts.Organization;
using Platform.Organization.Data;
using Platform.Testing;
using RabbitMQ.Client;
using Xunit.Abstractions;

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
            await Eventually.TrueAsync(
                async () => await cluster.TypeOfAsync(queue, cluster.Nodes[1]) == "quorum",
                "the subscriber's queue declared as a quorum queue"
            );
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
                    "every outbox row sent",
                    TimeSpan.FromSeconds(240)
                );
            }
            catch (TimeoutException)
            {
                Assert.Fail(
                    $"Rows left unsent: {await service.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL")}, "
                        + $"most attempts {await service.ScalarAsync<int>("SELECT max(attempts) FROM outbox_messages WHERE sent_at IS NULL")}, "
                        + $"last error: {await service.ScalarAsync<string>(
                            "SELECT last_error FROM outbox_messages WHERE sent_at IS NULL AND last_error IS NOT NULL LIMIT 1")}"
                );
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
        var events = Enumerable
            .Range(0, count)
            .Select(i => new CommunityChanged
            {
                CommunityId = Guid.NewGuid(),
                Code = $"{i:000}",
                Name = $"社区 {i}",
                OccurredAt = DateTimeOffset.UtcNow,
            })
            .ToList();
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

/// <summary>The service on a broker whose queues are classic or quorum, as configured.</summary>
public sealed class OrganizationOnABrokerFactory(RabbitMqCluster broker, string queueType) : OrganizationServiceFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.RabbitMq}", broker.Address(broker.Nodes[0]));
        builder.UseSetting("Platform:Messaging:QueueType", queueType);
        builder.UseSetting("Platform:Messaging:QuorumReplicas", "1");
    }
}

public class QuorumMigrationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_migration_script_drains_and_deletes_classic_queues_and_the_suite_comes_back_on_quorum_queues()
    {
        await using var broker = await RabbitMqCluster.StartAsync(1);
        var node = broker.Nodes[0];
        var queue = Subscriptions.All.First(s => s.Event == typeof(CommunityChanged) && s.Service == "workflow").Queue;

        // Before: the suite on classic queues, an event waiting for a subscriber.
        await using (var classic = new OrganizationOnABrokerFactory(broker, "classic"))
        {
            await ((IAsyncLifetime)classic).InitializeAsync();
            await WriteChangeAsync(classic);
            await Eventually.TrueAsync(async () => await CountAsync(broker, queue) == 1, "the event in the classic queue");
            await ((IAsyncLifetime)classic).DisposeAsync();
        }

        Assert.Equal("classic", await broker.TypeOfAsync(queue, node));
        var check = await ScriptAsync(broker, "check");
        Assert.Contains(queue, check.Output, StringComparison.Ordinal);
        // A queue still holding an event is never deleted.
        var refused = await ScriptAsync(broker, "delete");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("still hold messages", refused.Error, StringComparison.Ordinal);
        Assert.Equal("classic", await broker.TypeOfAsync(queue, node));

        // The subscribers take what waits (here, the test in their place); then drain says empty and delete deletes.
        var subscribers = Subscriptions.All.Where(s => s.Event == typeof(CommunityChanged)).Select(s => s.Queue).ToList();
        var taken = 0;
        foreach (var subscriber in subscribers)
        {
            taken += await TakeAllAsync(broker, subscriber);
        }

        Assert.Equal(subscribers.Count, taken);
        var drained = await ScriptAsync(broker, "drain");
        Assert.True(drained.ExitCode == 0, drained.Output + drained.Error);
        var deleted = await ScriptAsync(broker, "delete");
        Assert.Equal(0, deleted.ExitCode);
        Assert.Contains($"deleted {queue}", deleted.Output, StringComparison.Ordinal);
        Assert.Equal("(none)", await broker.TypeOfAsync(queue, node));

        // After: the suite on quorum queues, its relay declaring them again; events flow.
        await using var quorum = new OrganizationOnABrokerFactory(broker, "quorum");
        await ((IAsyncLifetime)quorum).InitializeAsync();
        try
        {
            await WriteChangeAsync(quorum);
            await Eventually.TrueAsync(async () => await broker.TypeOfAsync(queue, node) == "quorum", "the queue declared again, as quorum");
            await Eventually.TrueAsync(async () => await CountAsync(broker, queue) == 1, "the event in the quorum queue");
            Assert.Contains("No classic queue", (await ScriptAsync(broker, "check")).Output, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)quorum).DisposeAsync();
        }
    }

    private static async Task WriteChangeAsync(OrganizationServiceFactory service)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        db.AddEvent(
            new CommunityChanged
            {
                CommunityId = Guid.NewGuid(),
                Code = "001",
                Name = "长江路社区",
                OccurredAt = DateTimeOffset.UtcNow,
            }
        );
        await db.SaveChangesAsync();
    }

    private static async Task<uint> CountAsync(RabbitMqCluster broker, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker.Address(broker.Nodes[0])) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    private static async Task<int> TakeAllAsync(RabbitMqCluster broker, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker.Address(broker.Nodes[0])) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var taken = 0;
        while (await channel.BasicGetAsync(queue, autoAck: true) is not null)
        {
            taken++;
        }

        return taken;
    }

    /// <summary>
    /// Runs the script as an operator would. Each step starts a few <c>rabbitmqctl</c> processes (an Erlang VM each, one per
    /// queue on delete): seconds on a quiet machine, minutes on a loaded one, so the guard only catches a hang.
    /// </summary>
    private async Task<(int ExitCode, string Output, string Error)> ScriptAsync(RabbitMqCluster broker, string command)
    {
        var info = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(Repository.Root, "deploy", "rabbitmq", "migrate-to-quorum.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in broker.ControlEnvironment(broker.Nodes[0]))
        {
            info.Environment[key] = value;
        }

        info.Environment["DRAIN_TIMEOUT"] = "30";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(info)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"migrate-to-quorum.sh {command} still running after {clock.Elapsed:mm\\:ss}:\n{await standardOutput}{await standardError}"
            );
        }

        output.WriteLine($"migrate-to-quorum.sh {command}: exit {process.ExitCode} after {clock.Elapsed.TotalSeconds:0.0} s");
        return (process.ExitCode, await standardOutput, await standardError);
    }
}
