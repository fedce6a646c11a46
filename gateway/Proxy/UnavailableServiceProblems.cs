using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Proxy;

public static class UnavailableServiceProblems
{
    /// <summary>
    /// When a service cannot be reached (down, starting, no healthy destination), the caller gets a 503 with
    /// problem details naming the service, instead of YARP's empty 502/503. Other routes are unaffected.
    /// </summary>
    public static IReverseProxyApplicationBuilder UseUnavailableServiceProblems(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();
            var error = context.GetForwarderErrorFeature();
            if (error is null || context.Response.HasStarted)
            {
                return;
            }

            var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = $"The {service} service is unavailable.",
                    Detail = "It may be starting or down. Try again shortly.",
                    Type = "https://platform.local/problems/service-unavailable",
                    Extensions = { ["service"] = service, ["code"] = "service-unavailable", ["reason"] = error.Error.ToString() },
                },
            });
        });
        return proxy;
    }
}
