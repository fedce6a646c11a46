using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Gateway.Tests;

/// <summary>Replicas on one host network (the podman rehearsal) share their port only when told to.</summary>
public class SharedPortTests
{
    private static WebApplication Replica(int port, string name, bool share)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Platform:Hosting:SharePort"] = share ? "true" : "false";
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.AddSharedListenPort();
        var app = builder.Build();
        app.MapGet("/who", () => name);
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Two_replicas_sharing_a_port_both_serve_its_connections()
    {
        var port = FreePort();
        await using var first = Replica(port, "first", share: true);
        await using var second = Replica(port, "second", share: true);
        await first.StartAsync();
        await second.StartAsync();

        var served = new HashSet<string>();
        for (var i = 0; i < 200 && served.Count < 2; i++)
        {
            // A new connection each time: the kernel spreads connections, not requests.
            using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });
            client.DefaultRequestHeaders.ConnectionClose = true;
            served.Add(await client.GetStringAsync($"http://127.0.0.1:{port}/who"));
        }

        Assert.Equal(["first", "second"], served.Order());
        await second.StopAsync();
        await first.StopAsync();
    }

    [Fact]
    public async Task Without_the_setting_a_second_process_on_a_taken_port_fails_to_start()
    {
        var port = FreePort();
        await using var first = Replica(port, "first", share: false);
        await first.StartAsync();
        await using var second = Replica(port, "second", share: false);

        await Assert.ThrowsAnyAsync<IOException>(() => second.StartAsync());
        await first.StopAsync();
    }
}
