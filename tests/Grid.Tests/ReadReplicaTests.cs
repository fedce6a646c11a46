using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Platform.Grid.Grids;
using Platform.Testing;

namespace Platform.Grid.Tests;

/// <summary>The service with a streaming replica of its database as its read connection (<c>ConnectionStrings:griddb-read</c>).</summary>
public sealed class GridWithReadReplicaFactory : GridServiceFactory
{
    private PostgresReplica? replica;

    public PostgresReplica Replica => replica ?? throw new InvalidOperationException("The host has not started.");

    protected override bool BesideTheMainHost => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        replica ??= PostgresReplica.Start(Servers);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.GridDb}-read", replica.Database(DatabaseName));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        replica?.Dispose();
    }
}

public class ReadReplicaTests(GridWithReadReplicaFactory service) : GridApiTest(service), IClassFixture<GridWithReadReplicaFactory>
{
    private readonly GridWithReadReplicaFactory replicated = service;

    [Fact]
    public async Task Lookups_read_the_replica_and_writes_the_primary()
    {
        await KnowCommunitiesAsync();
        Assert.True(await replicated.Replica.IsInRecoveryAsync(), "the read connection is a standby");
        var first = await GridAsync("632802001001001", Square(97.34, 37.39));
        // Streamed within moments: the lookup (on the replica) finds the grid written on the primary.
        await Eventually.TrueAsync(
            async () => (await Client.GetAsync("/api/grid/lookup/point?latitude=37.385&longitude=97.345")).StatusCode == HttpStatusCode.OK,
            "the first grid on the replica"
        );

        await replicated.Replica.PauseAsync();
        try
        {
            // Written while the replica stands still: the primary has it at once (the write answered 201, a read of the
            // record by id is on the primary)...
            var second = await GridAsync("632802001001002", Square(97.35, 37.39));
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/grid/grids/{second.Id}")).StatusCode);
            // ...and the lookup, on the replica, does not see it yet.
            await (await Client.GetAsync("/api/grid/lookup/point?latitude=37.385&longitude=97.355")).AssertProblemAsync(
                HttpStatusCode.NotFound,
                "no-grid-here"
            );
            Assert.Equal(first.Id, (await Client.GetFromJsonAsync<LookupResponse>("/api/grid/lookup/point?latitude=37.385&longitude=97.345"))!.Grid.Id);
        }
        finally
        {
            await replicated.Replica.ResumeAsync();
        }

        await Eventually.TrueAsync(
            async () => (await Client.GetAsync("/api/grid/lookup/point?latitude=37.385&longitude=97.355")).StatusCode == HttpStatusCode.OK,
            "the second grid on the replica once it replays again"
        );
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health")).StatusCode);
    }
}
