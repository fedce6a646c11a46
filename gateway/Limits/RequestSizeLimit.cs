using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Limits;

public sealed class RequestSizeOptions
{
    /// <summary>The largest request body any route takes unless its route sets <c>MaxRequestBodySize</c> (imports do).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// Bodies larger than the route allows are refused at the door with 413 and problem details: at once when the
/// Content-Length says so, and while reading for chunked bodies (Kestrel stops at the limit set here).
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptionsMonitor<RequestSizeOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.MaxRequestBodySize is > 0 and var routeLimit
            ? routeLimit
            : options.CurrentValue.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }

    public static async Task TooLargeAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context
            .RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = $"The request body is larger than this route takes ({limit} bytes).",
                        Type = "https://platform.local/problems/request-too-large",
                        Extensions = { ["code"] = "request-too-large", ["limitBytes"] = limit },
                    },
                }
            );
    }
}
