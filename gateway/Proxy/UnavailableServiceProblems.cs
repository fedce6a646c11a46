using Platform.Gateway.Limits;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Proxy;

public static class UnavailableServiceProblems
{
    /// <summary>
    /// When forwarding fails, the caller gets problem details instead of YARP's empty answer: 413 when their
    /// chunked body passed the route's limit, 400 when their body broke off, 503 naming the service when it
    /// cannot be reached (down, starting, no healthy destination).
    /// </summary>
    public static IReverseProxyApplicationBuilder UseUnavailableServiceProblems(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(
            async (context, next) =>
            {
                await next();
                var error = context.GetForwarderErrorFeature();
                if (error is null || context.Response.HasStarted)
                {
                    return;
                }

                if (
                    error.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                    || error.Exception?.InnerException is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                )
                {
                    await RequestSizeLimitMiddleware.TooLargeAsync(
                        context,
                        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0
                    );
                    return;
                }

                var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
                var clientFault = error.Error is ForwarderError.RequestBodyClient or ForwarderError.RequestCanceled;
                var status = clientFault ? StatusCodes.Status400BadRequest : StatusCodes.Status503ServiceUnavailable;
                context.Response.StatusCode = status;
                if (!clientFault)
                {
                    context.Response.Headers.RetryAfter = "5";
                }

                await context
                    .RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(
                        new ProblemDetailsContext
                        {
                            HttpContext = context,
                            ProblemDetails = clientFault
                                ? new()
                                {
                                    Status = status,
                                    Title = "The request body could not be read.",
                                    Type = "https://platform.local/problems/request-body-unreadable",
                                    Extensions = { ["code"] = "request-body-unreadable" },
                                }
                                : new()
                                {
                                    Status = status,
                                    Title = $"The {service} service is unavailable.",
                                    Detail = "It may be starting or down. Try again shortly.",
                                    Type = "https://platform.local/problems/service-unavailable",
                                    Extensions =
                                    {
                                        ["service"] = service,
                                        ["code"] = "service-unavailable",
                                        ["reason"] = error.Error.ToString(),
                                    },
                                },
                        }
                    );
            }
        );
        return proxy;
    }
}
