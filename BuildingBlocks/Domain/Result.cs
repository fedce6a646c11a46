using System.Diagnostics.CodeAnalysis;

namespace Platform.BuildingBlocks.Domain;

public enum ErrorKind
{
    /// <summary>The input breaks a rule of its own (400).</summary>
    Invalid,

    /// <summary>The input is fine but clashes with the current state (409).</summary>
    Conflict,

    /// <summary>Something the request names does not exist (404).</summary>
    NotFound,

    /// <summary>The caller may use the endpoint but not on this record or area: it is outside their scope (403).</summary>
    OutOfScope,

    /// <summary>The request's content is larger than the endpoint takes (413).</summary>
    TooLarge,

    /// <summary>The request's content is of a kind the endpoint does not take, judged by the content itself (415).</summary>
    UnsupportedContent,

    /// <summary>Well formed, but it cannot be taken as asked: an idempotency key reused for another request (422).</summary>
    Unprocessable,
}

/// <summary>A broken business rule, named so a client can act on it: <paramref name="Field"/> says which input.</summary>
public sealed record DomainError(string Code, string Message, ErrorKind Kind = ErrorKind.Invalid, string? Field = null)
{
    public static DomainError Invalid(string field, string code, string message) => new(code, message, ErrorKind.Invalid, field);

    public static DomainError Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static DomainError NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    public static DomainError OutOfScope(string message) => new("out-of-scope", message, ErrorKind.OutOfScope);
}

/// <summary>What a domain operation returns: a value or the rule it broke. Rules are results, not exceptions.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, DomainError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public DomainError? Error { get; }

    public bool IsSuccess => Error is null;

    /// <summary>
    /// The value, or the rule broken: <c>if (!Grid.Create(...).TryGet(out var grid, out var error)) return Problems.From(error);</c>
    /// and the value reads without a null check after it.
    /// </summary>
    public bool TryGet([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out DomainError? error)
    {
        value = Value;
        error = Error;
        return Error is null;
    }

    /// <summary>
    /// The value of an operation on input known to be valid (demo data, a copy of a valid record): a broken rule there is a
    /// bug in the caller, so it throws instead of returning a problem to a client.
    /// </summary>
    public T OrThrow() => Error is null ? Value! : throw new InvalidOperationException($"{Error.Code}: {Error.Message}");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(DomainError error) => new(default, error);
}
