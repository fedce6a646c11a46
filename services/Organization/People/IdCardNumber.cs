using System.Globalization;
using Platform.BuildingBlocks.Domain;

namespace Platform.Organization.People;

/// <summary>
/// A resident identity card number (GB 11643-1999): 6-digit division, 8-digit birth date, 3-digit sequence and
/// a check character computed from the first 17 (ISO 7064 MOD 11-2).
/// </summary>
public sealed record IdCardNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private IdCardNumber(string value) => Value = value;

    public string Value { get; }

    public static Result<IdCardNumber> Parse(string? raw)
    {
        var value = (raw ?? "").Trim().ToUpperInvariant();
        if (value.Length != 18 || !value.AsSpan(0, 17).ContainsOnlyDigits() || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            return DomainError.Invalid("idCardNumber", "invalid-id-card", "idCardNumber must be 18 characters: 17 digits and a check digit or X.");
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return DomainError.Invalid("idCardNumber", "invalid-id-card", "idCardNumber has no valid birth date in digits 7-14.");
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (value[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11] == value[17]
            ? new IdCardNumber(value)
            : DomainError.Invalid("idCardNumber", "invalid-id-card", "idCardNumber's check character does not match: a digit is wrong.");
    }
}

internal static class SpanExtensions
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
