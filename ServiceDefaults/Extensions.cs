using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Input;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Time;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every service and the gateway share: telemetry, health, discovery, resilience, problem details, OpenAPI, token validation.</summary>
public static class ServiceDefaultsExtensions
{
    private const string HealthPath = "/health";
    private const string AlivePath = "/alive";
    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddPlatformTelemetry();
        builder.AddSharedListenPort();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddPlatformProblemDetails();
        // The subdistrict's clock: days, months and "today" in its time zone.
        builder.Services.AddSingleton<TimeProvider>(new SubdistrictTimeProvider(SubdistrictTimeProvider.FindZone(builder.Configuration["Platform:TimeZone"])));
        builder.Services.AddOptions<JsonOptions>().Configure<TimeProvider>((json, clock) =>
        {
            // Enums travel as their names ("Confirmed"), never numbers; instants in UTC; text the database can hold.
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            // Numbers are JSON numbers ("12" is not one), so the documents say number, not "number or string".
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.Converters.Add(new UtcInstantConverter(clock.LocalTimeZone));
            json.SerializerOptions.Converters.Add(new CheckedTextConverter());
            json.SerializerOptions.TypeInfoResolver = (json.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(NoNullItems.Modifier)
                .WithAddedModifier(RequiredValues.Modifier);
        });
        builder.AddPlatformAuthentication();
        builder.Services.AddOpenApi(options => options.AddBearerSecurity().AddPlatformContract().AddDocumentTransformer((document, _, _) =>
        {
            // Clients reach every service through the gateway at the same path: no server of the service's own.
            document.Servers = [];
            return Task.CompletedTask;
        }));

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

        // Unreadable bodies and bad route values reach the exception handler, which names the problem in a 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Orchestrators wait for a stopping service; hosted services get a bounded time to finish.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        return builder;
    }

    /// <summary>
    /// The request pipeline every host shares: exceptions and bare status codes become problem details, then
    /// the caller is authenticated, then (after <paramref name="authenticated"/>, where the gateway counts
    /// requests per caller) each endpoint's access rule is enforced.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app, Action<WebApplication>? authenticated = null)
    {
        // The gateway is the edge: it trusts no forwarded headers unless a proxy in front of it is configured.
        if (app.Configuration.GetValue("Platform:ForwardedHeaders:Trust", true))
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<InputRulesMiddleware>();
        app.Use(Idempotency.BufferIdempotentBodies);
        app.UseAuthentication();
        authenticated?.Invoke(app);
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Health for orchestrators and the gateway: <c>/alive</c> says the process runs, <c>/health</c> that every
    /// dependency (database, broker, cache) answers. Mapped in every environment: the AppHost waits on them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowPublic();
        app.MapHealthChecks(HealthPath).AllowPublic();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) }).AllowPublic();
        return app;
    }
}
