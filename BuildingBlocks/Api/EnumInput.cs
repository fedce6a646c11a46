using Platform.BuildingBlocks.Domain;

namespace Platform.BuildingBlocks.Api;

/// <summary>Reads an enum from request text (case-insensitive, names only: a number is refused), naming the allowed values when it fails.</summary>
public static class EnumInput
{
    public static Result<T> Parse<T>(string? value, string field)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !long.TryParse(value, out _) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : DomainError.Invalid(field, $"invalid-{CodeWords.Of(field)}", $"{field} must be one of {string.Join(", ", Enum.GetNames<T>())}.");

    /// <summary>Like <see cref="Parse{T}"/>, but a missing value is fine (null).</summary>
    public static Result<T?> ParseOptional<T>(string? value, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (T?)null;
        }

        var parsed = Parse<T>(value, field);
        return parsed.Error is { } error ? error : parsed.Value;
    }
}
