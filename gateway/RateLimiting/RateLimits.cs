using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Platform.Gateway.RateLimiting;

public sealed class RateLimitOptions
{
    /// <summary>Requests one caller may make per window on any route.</summary>
    public int Requests { get; set; } = 3000;

    /// <summary>
    /// Sign-in attempts (token requests) per window for one account (or client) from one address: a brake on
    /// guessing that account's password that leaves everyone else behind the same address (an office) alone.
    /// </summary>
    public int SignInRequests { get; set; } = 20;

    /// <summary>Sign-in attempts per window from one address, whatever the account: a brake on trying many accounts.</summary>
    public int SignInRequestsPerAddress { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Counters of gateways that share this prefix add up; environments sharing one Redis keep theirs apart.</summary>
    public string KeyPrefix { get; set; } = "platform:rate";
}

/// <summary>
/// Fixed-window rate limits whose counters live in Redis, so several gateway instances count together. Over
/// the limit a caller gets 429 with Retry-After. The caller is the signed-in user, or the machine client, named
/// by the validated token's subject (runs after authentication); without a token, the client address. Sign-in
/// (token requests) counts per account and address together (the user name or client id in the form), and per
/// address with a larger allowance. If Redis is unreachable the gateway lets requests through rather than
/// failing every route.
/// </summary>
public sealed partial class RateLimitMiddleware(
    RequestDelegate next,
    IConnectionMultiplexer redis,
    IOptionsMonitor<RateLimitOptions> options,
    TimeProvider clock,
    ILogger<RateLimitMiddleware> logger
)
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
        // Passwords arrive at the token endpoint (scripts) and at the sign-in page's form (browsers): one allowance.
        var signIn = path.StartsWithSegments("/connect/token") || HttpMethods.IsPost(context.Request.Method) && path.StartsWithSegments("/connect/sign-in");
        var address = "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString());
        var caller = context.User.FindFirst(PlatformClaims.Subject)?.Value is { Length: > 0 } subject ? "sub:" + subject : address;
        IReadOnlyList<(string Bucket, string Caller, int Limit)> counters = signIn
            ?
            [
                ("sign-in", $"{address}:{await SignInNameAsync(context.Request)}", settings.SignInRequests),
                ("sign-in-address", address, settings.SignInRequestsPerAddress),
            ]
            : [("all", caller, settings.Requests)];
        var window = (long)settings.Window.TotalSeconds;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var windowStart = now - (now % window);

        var over = false;
        var limit = 0;
        try
        {
            var db = redis.GetDatabase();
            foreach (var counter in counters)
            {
                var key = $"{settings.KeyPrefix}:{counter.Bucket}:{counter.Caller}:{windowStart.ToString(CultureInfo.InvariantCulture)}";
                var count = await db.StringIncrementAsync(key);
                if (count == 1)
                {
                    await db.KeyExpireAsync(key, TimeSpan.FromSeconds(window + 1));
                }

                if (count > counter.Limit)
                {
                    (over, limit) = (true, counter.Limit);
                    break;
                }
            }
        }
        catch (RedisException ex)
        {
            LogRedisUnavailable(ex);
            await next(context);
            return;
        }

        if (!over)
        {
            await next(context);
            return;
        }

        var retryAfter = windowStart + window - now;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await context
            .RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = signIn ? "Too many sign-in attempts; wait before trying again." : "Too many requests; slow down.",
                        Type = "https://platform.local/problems/rate-limited",
                        Extensions =
                        {
                            ["code"] = "rate-limited",
                            ["limit"] = limit,
                            ["retryAfterSeconds"] = retryAfter,
                        },
                    },
                }
            );
    }

    /// <summary>Who a token request is for: the user name (password grant) or the client id, read from the form, which stays readable for the proxy.</summary>
    private static async Task<string> SignInNameAsync(HttpRequest request)
    {
        const long MaxForm = 64 * 1024;
        if (!request.HasFormContentType || request.ContentLength is not (> 0 and <= MaxForm))
        {
            return "unnamed";
        }

        request.EnableBuffering();
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form["username"].ToString() is { Length: > 0 } user ? "user:" + user.Trim().ToLowerInvariant()
                : form["client_id"].ToString() is { Length: > 0 } client ? "client:" + client
                : "unnamed";
        }
        catch (InvalidDataException)
        {
            return "unnamed";
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit counters unavailable (Redis); letting the request through")]
    private partial void LogRedisUnavailable(Exception ex);
}
