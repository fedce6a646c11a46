using Platform.BuildingBlocks.Cache;
using Platform.Gateway.Console;
using Platform.Gateway.Correlation;
using Platform.Gateway.Cors;
using Platform.Gateway.Docs;
using Platform.Gateway.Limits;
using Platform.Gateway.Proxy;
using Platform.Gateway.RateLimiting;

namespace Platform.Gateway;

public static class GatewayModule
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformApi();
        builder.AddPlatformRedis();
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection("Platform:RateLimits"));
        builder.Services.Configure<RequestSizeOptions>(builder.Configuration.GetSection("Platform:Gateway"));
        builder.Services.AddPlatformCors(builder.Configuration);
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy")).AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    /// <summary>
    /// The door: a correlation id for every request; the token checked (the same validation the services repeat);
    /// CORS answered; requests counted per caller; bodies held to their route's size; then each route's access rule.
    /// </summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UsePlatformApi(authenticated: gateway =>
        {
            gateway.UseCors();
            gateway.UseMiddleware<RateLimitMiddleware>();
            gateway.UseMiddleware<RequestSizeLimitMiddleware>();
        });
        return app;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapReverseProxy(proxy => proxy.UseUnavailableServiceProblems());
        app.MapApiReference();
        app.MapUnknownServicePaths();
        return app;
    }
}
