using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Platform.Gateway.Correlation;

/// <summary>
/// Every request gets a correlation id: the caller's <c>X-Correlation-Id</c> when it is sane, a new one
/// otherwise. It goes on to the service, back to the caller, into the logs' scope and onto the trace.
/// </summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = IsSane(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.Request.Headers[Header] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("correlation.id", id);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }

    /// <summary>Caller-supplied ids end up in logs: accept only short, plain tokens.</summary>
    private static bool IsSane(string value) => value.Length is > 0 and <= 64 && SaneId().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SaneId();
}
