using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.Input;

namespace Platform.BuildingBlocks.Problems;

internal static class ProblemDetailsExtensions
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddSingleton<ProblemCodeCheck>();
        services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = ctx =>
            {
                ctx.HttpContext.RequestServices.GetRequiredService<ProblemCodeCheck>().Inspect(ctx);
                ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
                ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
                if (ctx.HttpContext.Request.Headers.TryGetValue(CorrelationHeader, out var correlation))
                {
                    ctx.ProblemDetails.Extensions["correlationId"] = correlation.ToString();
                }
            }
        );
        services.AddExceptionHandler<PlatformExceptionHandler>();
        return services;
    }
}

/// <summary>
/// The one place exceptions become responses. Client mistakes the framework reports by exception
/// (unreadable JSON, a value of the wrong type, a missing body) become 400s naming the field; values the
/// database refuses (too long, out of range) a 400; a lost optimistic-concurrency race or a racing duplicate a
/// 409; a database or broker that cannot be reached a 503 with Retry-After (the request may be sent again);
/// anything else is a bug and a 500 that says nothing about the internals.
/// </summary>
internal sealed partial class PlatformExceptionHandler(
    IProblemDetailsService problems,
    IEnumerable<IServerFailures> servers,
    ILogger<PlatformExceptionHandler> logger
) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var answer = Classify(exception);
        if (answer.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Not a bug: a server this service needs is away. Said once per request, without the stack.
            logger.LogWarning("{Method} {Path} answered 503: {Reason}", httpContext.Request.Method, httpContext.Request.Path, Unavailable(exception)?.Message);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (answer.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = answer.Status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = answer.Status,
                Title = answer.Title,
                Detail = answer.Detail,
                Type =
                    answer.Status < 500 || answer.Status == StatusCodes.Status503ServiceUnavailable ? $"https://platform.local/problems/{answer.Code}" : null,
                Extensions = { ["code"] = answer.Code },
            },
        };
        if (answer.Field is not null)
        {
            context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [answer.Field] = [answer.FieldMessage ?? answer.Title] };
        }

        return await problems.TryWriteAsync(context);
    }

    /// <summary>How long a client is asked to wait before sending a request again when a server is away.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The failure in <paramref name="exception"/>'s chain that says a server cannot be reached now, if any.</summary>
    private Exception? Unavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException)
            {
                return e;
            }
        }

        return servers.Select(s => s.Unavailable(exception)).FirstOrDefault(e => e is not null);
    }

    private ExceptionAnswer Classify(Exception exception) =>
        exception switch
        {
            _ when Unavailable(exception) is not null => new(
                StatusCodes.Status503ServiceUnavailable,
                "service-unavailable",
                "A server this service needs cannot be reached just now.",
                $"The request may not have been carried out: send it again in {RetryAfterSeconds} seconds, with the same "
                    + "Idempotency-Key so that it is carried out once."
            ),
            BadHttpRequestException { InnerException: InvalidTextException text } bad => new(
                StatusCodes.Status400BadRequest,
                TextRules.Code,
                $"{FieldOf(text)} {text.Message}",
                Field: FieldOf(text),
                FieldMessage: text.Message
            ),
            BadHttpRequestException { InnerException: MissingValueException missing } => new(
                StatusCodes.Status400BadRequest,
                RequiredValues.CodeFor(missing.Field),
                missing.Message,
                Field: FieldOf(missing),
                FieldMessage: missing.Message
            ),
            BadHttpRequestException { InnerException: JsonException json } => new(
                StatusCodes.Status400BadRequest,
                "invalid-json",
                $"The body is not the JSON this endpoint reads{(json.Path is { Length: > 0 } p ? $" (at {p})" : "")}.",
                Detail: JsonDetail(json),
                Field: FieldOf(json),
                FieldMessage: JsonDetail(json)
            ),
            BadHttpRequestException bad when ParameterOf(bad.Message) is { } parameter => new(
                bad.StatusCode,
                "invalid-parameter",
                $"{parameter} has a value that cannot be read.",
                Detail: bad.Message,
                Field: parameter,
                FieldMessage: bad.Message
            ),
            BadHttpRequestException bad => new(
                bad.StatusCode,
                bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request-too-large" : "unreadable-request",
                "The request could not be read.",
                bad.Message
            ),
            _ when servers.Select(s => s.Classify(exception)).FirstOrDefault(a => a is not null) is { } answer => answer,
            _ => new(StatusCodes.Status500InternalServerError, "internal-error", "An unexpected error occurred."),
        };

    /// <summary>Where a required value is missing: the object's path and the property's name.</summary>
    private static string FieldOf(MissingValueException missing) =>
        missing.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? $"{path[2..]}.{missing.Field}" : missing.Field;

    private static string FieldOf(JsonException json) =>
        json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : json.Path ?? "body";

    private static string JsonDetail(JsonException json)
    {
        // The reader's own words, without the position noise it appends ("Path: $.x | LineNumber: 0 ...").
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string? ParameterOf(string message) => BindFailure().Match(message) is { Success: true } match ? match.Groups["name"].Value : null;

    [GeneratedRegex("""parameter "[^"]*?(?<name>[A-Za-z0-9_]+)" from""")]
    private static partial Regex BindFailure();
}
