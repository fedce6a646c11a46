namespace Platform.BuildingBlocks.Problems;

/// <summary>What an exception becomes in a response: status, code, title, and the field it concerns.</summary>
public sealed record ExceptionAnswer(int Status, string Code, string Title, string? Detail = null, string? Field = null, string? FieldMessage = null);

/// <summary>
/// Failures of the servers a host stands on (its database, its broker), told apart for the one exception handler:
/// a server away (503, send again) or a value or race the server refused (4xx). The data building blocks register
/// one for Postgres and RabbitMQ; a host without them (the gateway) has none.
/// </summary>
public interface IServerFailures
{
    /// <summary>The failure in the exception's chain that says a server cannot be reached now, or null.</summary>
    Exception? Unavailable(Exception exception);

    /// <summary>A refusal the server made on the client's input or a lost race, as an answer; null when it is not one.</summary>
    ExceptionAnswer? Classify(Exception exception);
}
