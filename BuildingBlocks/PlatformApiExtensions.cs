using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Input;
using Platform.BuildingBlocks.Problems;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Time;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every host's API stands on (the services, the gateway, the web host), on top of Aspire's service defaults:
/// problem details for every error, the subdistrict's clock, the JSON rules, token validation, the OpenAPI contract,
/// and the request pipeline that enforces input rules and access.
/// </summary>
public static class PlatformApiExtensions
{
    public static TBuilder AddPlatformApi<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddPlatformProblemDetails();
        // The subdistrict's clock: days, months and "today" in its time zone.
        builder.Services.AddSingleton<TimeProvider>(new SubdistrictTimeProvider(SubdistrictTimeProvider.FindZone(builder.Configuration["Platform:TimeZone"])));
        builder
            .Services.AddOptions<JsonOptions>()
            .Configure<TimeProvider>(
                (json, clock) =>
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
                }
            );
        builder.AddPlatformAuthentication();
        builder.Services.TryAddSingleton<PollingWorkerMetrics>();
        builder.Services.AddOpenApi(options =>
            options
                .AddBearerSecurity()
                .AddPlatformContract()
                .AddDocumentTransformer(
                    (document, _, _) =>
                    {
                        // Clients reach every service through the gateway at the same path: no server of the service's own.
                        document.Servers = [];
                        return Task.CompletedTask;
                    }
                )
        );

        // Unreadable bodies and bad route values reach the exception handler, which names the problem in a 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>
    /// The request pipeline every host shares: exceptions and bare status codes become problem details, then
    /// the caller is authenticated, then (after <paramref name="authenticated"/>, where the gateway counts
    /// requests per caller) each endpoint's access rule is enforced.
    /// </summary>
    public static WebApplication UsePlatformApi(this WebApplication app, Action<WebApplication>? authenticated = null)
    {
        // The gateway is the edge: it trusts no forwarded headers unless a proxy in front of it is configured.
        if (app.Configuration.GetValue("Platform:ForwardedHeaders:Trust", true))
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<InputRulesMiddleware>();
        app.Use(IdempotencyKey.BufferIdempotentBodies);
        app.UseAuthentication();
        authenticated?.Invoke(app);
        app.UseAuthorization();
        return app;
    }

    /// <summary>The host's OpenAPI document and its health endpoints, open to anyone.</summary>
    public static WebApplication MapPlatformEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowPublic();
        return app.MapDefaultEndpoints(endpoint => endpoint.AllowPublic());
    }
}
