using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Problems;

internal static class ProblemDetailsExtensions
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
            if (ctx.HttpContext.Request.Headers.TryGetValue(CorrelationHeader, out var correlation))
            {
                ctx.ProblemDetails.Extensions["correlationId"] = correlation.ToString();
            }
        });
        services.AddExceptionHandler<PlatformExceptionHandler>();
        return services;
    }
}

/// <summary>
/// The one place exceptions become responses. Client mistakes the framework reports by exception
/// (unreadable JSON, a missing body) become 4xx; a lost optimistic-concurrency race becomes 409;
/// anything else is a bug and a 500 that says nothing about the internals.
/// </summary>
internal sealed class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read.", bad.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "The resource was changed by someone else.", "Reload it and try again."),
            // A unique index caught what a check before the write could not (two requests racing).
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } } =>
                (StatusCodes.Status409Conflict, "The resource already exists.", "Another request created it at the same time."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
