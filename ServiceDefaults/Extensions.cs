using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Aspire's service defaults, the same for every host (the services, the gateway, the web host): telemetry, health,
/// service discovery, resilience, the listen port, forwarded headers. What a host's API stands on (problem details,
/// tokens, the OpenAPI contract, input rules) is <c>AddPlatformApi</c> in BuildingBlocks.
/// </summary>
public static class ServiceDefaultsExtensions
{
    private const string HealthPath = "/health";
    private const string AlivePath = "/alive";
    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddPlatformTelemetry();
        builder.AddSharedListenPort();

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        // Behind the gateway, a request's scheme and host are the ones its client used (discovery and links name the
        // gateway); trusted from loopback and the networks in Platform:ForwardedHeaders:KnownNetworks (CIDR).
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var network in builder.Configuration.GetSection("Platform:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // Orchestrators wait for a stopping service; hosted services get a bounded time to finish.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        return builder;
    }

    /// <summary>
    /// Health for orchestrators and the gateway: <c>/alive</c> says the process runs, <c>/health</c> that every
    /// dependency (database, broker, cache) answers. Mapped in every environment: the AppHost waits on them.
    /// <paramref name="open"/> marks them open to anyone in the host's own access rules.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, Action<IEndpointConventionBuilder>? open = null)
    {
        IEndpointConventionBuilder[] endpoints =
        [
            app.MapHealthChecks(HealthPath).AllowAnonymous(),
            app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) }).AllowAnonymous(),
        ];
        foreach (var endpoint in endpoints)
        {
            open?.Invoke(endpoint);
        }

        return app;
    }
}
