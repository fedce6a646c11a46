using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// The real gateway in-process, in front of a small HTTP service on Kestrel that reports what reached it.
/// The volunteer route points at a port nothing listens on: a service that is down.
/// </summary>
public class GatewayFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private WebApplication? downstream;

    public string DownstreamAddress { get; private set; } = "";

    public const string AllowedOrigin = "https://app.hexi.example";

    public TestServers Servers { get; private set; } = null!;

    /// <summary>One signed-in caller for a test: the admin, with a subject of its own (rate limits count per subject).</summary>
    public HttpClient SignedInClient(TestCaller? caller = null) => CreateClient().As(caller ?? TestCaller.Admin with { Subject = Guid.NewGuid().ToString() });

    /// <summary>Rate-limit counters of this fixture's gateway: fixtures sharing a prefix count together.</summary>
    public virtual string RateLimitPrefix { get; } = $"test:{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        downstream = builder.Build();
        downstream.Map("/{**path}", (HttpContext ctx) =>
            Results.Json(
                new Echo(
                    ctx.Request.Path.Value ?? "",
                    ctx.Request.QueryString.Value ?? "",
                    ctx.Request.Headers["X-Correlation-Id"].ToString(),
                    ctx.Request.Headers.Authorization.ToString()
                )
            )
        );
        await downstream.StartAsync();
        DownstreamAddress = downstream.Urls.Single();
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.AddProvider(new ServiceLogFile("gateway")));
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Redis}", Servers.Redis);
        builder.UseSetting("Platform:RateLimits:KeyPrefix", RateLimitPrefix);
        builder.UseSetting("Platform:Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Platform:Auth:ValidationKey", TestTokens.ValidationKeyPem);
        builder.UseSetting("Platform:Cors:Origins:0", AllowedOrigin);
        ConfigureLimits(builder);
        foreach (var service in new[] { ResourceNames.Organization, ResourceNames.Grid, ResourceNames.Workflow, ResourceNames.Web })
        {
            builder.UseSetting($"ReverseProxy:Clusters:{service}:Destinations:{service}:Address", DownstreamAddress);
        }

        builder.UseSetting(
            $"ReverseProxy:Clusters:{ResourceNames.Volunteer}:Destinations:{ResourceNames.Volunteer}:Address",
            $"http://127.0.0.1:{ClosedPort()}"
        );
    }

    protected virtual void ConfigureLimits(IWebHostBuilder builder) { }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (downstream is not null)
        {
            await downstream.DisposeAsync();
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A gateway with small limits, so a test can reach them.</summary>
public class LimitedGatewayFixture : GatewayFixture
{
    public const int SignIns = 3;
    public const int SignInsPerAddress = 5;
    public const int Requests = 8;

    protected override void ConfigureLimits(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:RateLimits:SignInRequests", SignIns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Platform:RateLimits:SignInRequestsPerAddress", SignInsPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Platform:RateLimits:Requests", Requests.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Platform:RateLimits:Window", "00:10:00");
    }
}

public sealed record Echo(string Path, string Query, string CorrelationId, string Authorization);
