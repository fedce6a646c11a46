using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Security;
using StackExchange.Redis;

namespace Platform.Gateway.RateLimiting;

public sealed class RateLimitOptions
{
    /// <summary>Requests one caller may make per window on any route.</summary>
    public int Requests { get; set; } = 3000;

    /// <summary>Sign-in attempts (token requests) one caller may make per window: a brake on password guessing.</summary>
    public int SignInRequests { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Counters of gateways that share this prefix add up; environments sharing one Redis keep theirs apart.</summary>
    public string KeyPrefix { get; set; } = "platform:rate";
}

/// <summary>
/// Fixed-window rate limits whose counters live in Redis, so several gateway instances count together. Over
/// the limit a caller gets 429 with Retry-After. The caller is the signed-in user, or the machine client, named
/// by the validated token's subject (runs after authentication); without a token, the client address. If
/// Redis is unreachable the gateway lets requests through rather than failing every route.
/// </summary>
public sealed partial class RateLimitMiddleware(
    RequestDelegate next, IConnectionMultiplexer redis, IOptionsMonitor<RateLimitOptions> options, TimeProvider clock, ILogger<RateLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/health") || path.StartsWithSegments("/alive"))
        {
            await next(context);
            return;
        }

        var settings = options.CurrentValue;
        var signIn = path.StartsWithSegments("/connect/token");
        var (bucket, limit) = signIn ? ("sign-in", settings.SignInRequests) : ("all", settings.Requests);
        var caller = context.User.FindFirst(PlatformClaims.Subject)?.Value is { Length: > 0 } subject
            ? "sub:" + subject
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString());
        var window = (long)settings.Window.TotalSeconds;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var windowStart = now - (now % window);
        var key = $"{settings.KeyPrefix}:{bucket}:{caller}:{windowStart.ToString(CultureInfo.InvariantCulture)}";

        long count;
        try
        {
            var db = redis.GetDatabase();
            count = await db.StringIncrementAsync(key);
            if (count == 1)
            {
                await db.KeyExpireAsync(key, TimeSpan.FromSeconds(window + 1));
            }
        }
        catch (RedisException ex)
        {
            LogRedisUnavailable(ex);
            await next(context);
            return;
        }

        if (count <= limit)
        {
            await next(context);
            return;
        }

        var retryAfter = windowStart + window - now;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = signIn ? "Too many sign-in attempts; wait before trying again." : "Too many requests; slow down.",
                Type = "https://platform.local/problems/rate-limited",
                Extensions = { ["code"] = "rate-limited", ["limit"] = limit, ["retryAfterSeconds"] = retryAfter },
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit counters unavailable (Redis); letting the request through")]
    private partial void LogRedisUnavailable(Exception ex);
}
