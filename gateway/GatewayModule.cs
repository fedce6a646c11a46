using Platform.Gateway.Correlation;
using Platform.Gateway.Docs;
using Platform.Gateway.Proxy;
using Platform.Gateway.RateLimiting;

namespace Platform.Gateway;

public static class GatewayModule
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(ResourceNames.Redis);
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection("Platform:RateLimits"));
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        return app;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapReverseProxy(proxy => proxy.UseUnavailableServiceProblems());
        app.MapApiReference();
        return app;
    }
}
