using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.ServiceDefaults.Input;

namespace Platform.ServiceDefaults.Problems;

internal static class ProblemDetailsExtensions
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddSingleton<ProblemCodeCheck>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
        {
            ctx.HttpContext.RequestServices.GetRequiredService<ProblemCodeCheck>().Inspect(ctx);
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
/// (unreadable JSON, a value of the wrong type, a missing body) become 400s naming the field; values the
/// database refuses (too long, out of range) a 400; a lost optimistic-concurrency race or a racing duplicate a
/// 409; a database or broker that cannot be reached a 503 with Retry-After (the request may be sent again);
/// anything else is a bug and a 500 that says nothing about the internals.
/// </summary>
internal sealed partial class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
{
    private sealed record Answer(int Status, string Code, string Title, string? Detail = null, string? Field = null, string? FieldMessage = null);

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
                Type = answer.Status < 500 || answer.Status == StatusCodes.Status503ServiceUnavailable ? $"https://platform.local/problems/{answer.Code}" : null,
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

    /// <summary>
    /// The failure in <paramref name="exception"/>'s chain that says a server cannot be reached now: Postgres refusing or
    /// dropping connections, shutting down or starting up, a connection that timed out, the broker away.
    /// </summary>
    public static Exception? Unavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState == PostgresErrorCodes.TooManyConnections:
                case NpgsqlException { IsTransient: true } and not PostgresException:
                case System.Net.Sockets.SocketException:
                case RabbitMQ.Client.Exceptions.BrokerUnreachableException:
                case RabbitMQ.Client.Exceptions.AlreadyClosedException:
                    return e;
            }
        }

        return null;
    }

    private static Answer Classify(Exception exception) => exception switch
    {
        _ when Unavailable(exception) is not null =>
            new(StatusCodes.Status503ServiceUnavailable, "service-unavailable", "A server this service needs cannot be reached just now.",
                $"The request may not have been carried out: send it again in {RetryAfterSeconds} seconds, with the same Idempotency-Key so that it is carried out once."),
        BadHttpRequestException { InnerException: InvalidTextException text } bad =>
            new(StatusCodes.Status400BadRequest, TextRules.Code, $"{FieldOf(text)} {text.Message}", Field: FieldOf(text), FieldMessage: text.Message),
        BadHttpRequestException { InnerException: MissingValueException missing } =>
            new(StatusCodes.Status400BadRequest, RequiredValues.CodeFor(missing.Field), missing.Message, Field: FieldOf(missing), FieldMessage: missing.Message),
        BadHttpRequestException { InnerException: JsonException json } =>
            new(StatusCodes.Status400BadRequest, "invalid-json", $"The body is not the JSON this endpoint reads{(json.Path is { Length: > 0 } p ? $" (at {p})" : "")}.",
                Detail: JsonDetail(json), Field: FieldOf(json), FieldMessage: JsonDetail(json)),
        BadHttpRequestException bad when ParameterOf(bad.Message) is { } parameter =>
            new(bad.StatusCode, "invalid-parameter", $"{parameter} has a value that cannot be read.", Detail: bad.Message, Field: parameter, FieldMessage: bad.Message),
        BadHttpRequestException bad =>
            new(bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request-too-large" : "unreadable-request", "The request could not be read.", bad.Message),
        DbUpdateConcurrencyException =>
            new(StatusCodes.Status409Conflict, "concurrent-change", "The resource was changed by someone else.", "Reload it and try again."),
        // A unique index caught what a check before the write could not (two requests racing).
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
            new(StatusCodes.Status409Conflict, "already-exists", "The resource already exists.", "Another request created it at the same time."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } } =>
            new(StatusCodes.Status409Conflict, "referenced-record-missing", "A record this one refers to does not exist (any more)."),
        DbUpdateException { InnerException: PostgresException postgres } when IsDataException(postgres) => ValueRefused(postgres),
        PostgresException postgres when IsDataException(postgres) => ValueRefused(postgres),
        InvalidOperationException { InnerException: PostgresException postgres } when IsDataException(postgres) => ValueRefused(postgres),
        _ => new(StatusCodes.Status500InternalServerError, "internal-error", "An unexpected error occurred."),
    };

    /// <summary>Postgres's class 22, data exceptions: a value the column cannot take (too long, out of range, not text).</summary>
    private static bool IsDataException(PostgresException postgres) => postgres.SqlState.StartsWith("22", StringComparison.Ordinal);

    private static Answer ValueRefused(PostgresException postgres) => postgres.SqlState switch
    {
        PostgresErrorCodes.StringDataRightTruncation =>
            new(StatusCodes.Status400BadRequest, "value-too-long", "A value is longer than the field takes.", Field: postgres.ColumnName),
        PostgresErrorCodes.NumericValueOutOfRange or PostgresErrorCodes.DatetimeFieldOverflow or "22008" =>
            new(StatusCodes.Status400BadRequest, "value-out-of-range", "A value is out of the range the field takes.", Field: postgres.ColumnName),
        _ => new(StatusCodes.Status400BadRequest, "invalid-value", "A value cannot be stored as given.", Field: postgres.ColumnName),
    };

    /// <summary>Where a required value is missing: the object's path and the property's name.</summary>
    private static string FieldOf(MissingValueException missing) =>
        missing.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? $"{path[2..]}.{missing.Field}" : missing.Field;

    private static string FieldOf(JsonException json) => json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : json.Path ?? "body";

    private static string JsonDetail(JsonException json)
    {
        // The reader's own words, without the position noise it appends ("Path: $.x | LineNumber: 0 ...").
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string? ParameterOf(string message) =>
        BindFailure().Match(message) is { Success: true } match ? match.Groups["name"].Value : null;

    [GeneratedRegex("""parameter "[^"]*?(?<name>[A-Za-z0-9_]+)" from""")]
    private static partial Regex BindFailure();
}
