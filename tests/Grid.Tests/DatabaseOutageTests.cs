using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Platform.Testing;

namespace Platform.Grid.Tests;

/// <summary>The service reaching its (real) database through a proxy the test can cut (it lives as long as the test process).</summary>
public sealed class GridBehindProxyFactory : GridServiceFactory
{
    private TcpProxy? proxy;

    public TcpProxy Proxy => proxy ?? throw new InvalidOperationException("The host has not started.");

    protected override bool BesideTheMainHost => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var direct = new NpgsqlConnectionStringBuilder(ConnectionString);
        proxy ??= TcpProxy.Start(direct.Host!, direct.Port);
        builder.UseSetting(
            $"ConnectionStrings:{ResourceNames.GridDb}",
            new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString
        );
    }
}

public class DatabaseOutageTests(GridBehindProxyFactory service) : IClassFixture<GridBehindProxyFactory>
{
    [Fact]
    public async Task With_the_database_away_requests_fail_fast_with_a_503_and_the_service_recovers_by_itself()
    {
        var client = service.ClientAs(TestCaller.Admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/grid/grids")).StatusCode);

        service.Proxy.Down();
        try
        {
            var timer = Stopwatch.StartNew();
            var refused = await client.GetAsync("/api/grid/grids");
            timer.Stop();
            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
            Assert.True(refused.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero, "a 503 says when to try again");
            // Fails fast: the connect timeout is seconds, not a thread held for Npgsql's default 15 s and retries.
            Assert.True(timer.Elapsed < TimeSpan.FromSeconds(15), $"the 503 took {timer.Elapsed}");
            var write = await client.PostAsJsonAsync(
                "/api/grid/grids",
                new
                {
                    code = "632802001001009",
                    communityId = Guid.NewGuid(),
                    name = "停电网格",
                    type = "Base",
                }
            );
            await write.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        }
        finally
        {
            service.Proxy.Up();
        }

        // Back without a restart of the service: its pool drops the dead connections and opens new ones.
        await Eventually.TrueAsync(async () => (await client.GetAsync("/api/grid/grids")).StatusCode == HttpStatusCode.OK, "the service answering again");
        await Eventually.TrueAsync(async () => (await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK, "the service healthy again");
    }
}
