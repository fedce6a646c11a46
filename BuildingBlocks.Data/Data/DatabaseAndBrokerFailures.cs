using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.BuildingBlocks.Problems;

namespace Platform.BuildingBlocks.Data;

/// <summary>
/// Postgres and RabbitMQ failures as answers: a server refusing or dropping connections, shutting down or starting up,
/// the broker away (503, send again); a lost optimistic-concurrency race or a racing duplicate (409); a value the
/// database refuses (too long, out of range: 400).
/// </summary>
internal sealed class DatabaseAndBrokerFailures : IServerFailures
{
    public Exception? Unavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres
                    when postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState == PostgresErrorCodes.TooManyConnections:
                case NpgsqlException { IsTransient: true } and not PostgresException:
                case RabbitMQ.Client.Exceptions.BrokerUnreachableException:
                case RabbitMQ.Client.Exceptions.AlreadyClosedException:
                    return e;
            }
        }

        return null;
    }

    public ExceptionAnswer? Classify(Exception exception) =>
        exception switch
        {
            DbUpdateConcurrencyException => new ExceptionAnswer(
                StatusCodes.Status409Conflict,
                "concurrent-change",
                "The resource was changed by someone else.",
                "Reload it and try again."
            ),
            // A unique index caught what a check before the write could not (two requests racing).
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => new ExceptionAnswer(
                StatusCodes.Status409Conflict,
                "already-exists",
                "The resource already exists.",
                "Another request created it at the same time."
            ),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } } => new ExceptionAnswer(
                StatusCodes.Status409Conflict,
                "referenced-record-missing",
                "A record this one refers to does not exist (any more)."
            ),
            DbUpdateException { InnerException: PostgresException postgres } when IsDataException(postgres) => ValueRefused(postgres),
            PostgresException postgres when IsDataException(postgres) => ValueRefused(postgres),
            InvalidOperationException { InnerException: PostgresException postgres } when IsDataException(postgres) => ValueRefused(postgres),
            _ => null,
        };

    /// <summary>Postgres's class 22, data exceptions: a value the column cannot take (too long, out of range, not text).</summary>
    private static bool IsDataException(PostgresException postgres) => postgres.SqlState.StartsWith("22", StringComparison.Ordinal);

    private static ExceptionAnswer ValueRefused(PostgresException postgres) =>
        postgres.SqlState switch
        {
            PostgresErrorCodes.StringDataRightTruncation => new ExceptionAnswer(
                StatusCodes.Status400BadRequest,
                "value-too-long",
                "A value is longer than the field takes.",
                Field: postgres.ColumnName
            ),
            PostgresErrorCodes.NumericValueOutOfRange or PostgresErrorCodes.DatetimeFieldOverflow or "22008" => new ExceptionAnswer(
                StatusCodes.Status400BadRequest,
                "value-out-of-range",
                "A value is out of the range the field takes.",
                Field: postgres.ColumnName
            ),
            _ => new ExceptionAnswer(StatusCodes.Status400BadRequest, "invalid-value", "A value cannot be stored as given.", Field: postgres.ColumnName),
        };
}
