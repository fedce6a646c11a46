using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Platform.BuildingBlocks.Cache;

public static class RedisClient
{
    /// <summary>
    /// The Redis connection of a service or the gateway. Its socket work runs on the shared thread pool: the client's
    /// own dedicated scheduler spun and contended for a quarter of the gateway's processor time on two cores (a CPU
    /// profile under load; docs/performance.md).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformRedis(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(ResourceNames.Redis, configureOptions: options => options.SocketManager = SocketManager.ThreadPool);
        return builder;
    }
}
