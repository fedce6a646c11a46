using System.Text.RegularExpressions;
using Platform.BuildingBlocks.Domain;

namespace Platform.BuildingBlocks.PersonalData;

/// <summary>A mainland mobile number (11 digits from 13x to 19x) or a landline with its area code.</summary>
public sealed partial record PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    public static Result<PhoneNumber> Parse(string? raw, string field = "phone")
    {
        var value = (raw ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (value.StartsWith("+86", StringComparison.Ordinal))
        {
            value = value[3..];
        }

        return Mobile().IsMatch(value) || Landline().IsMatch(value)
            ? new PhoneNumber(value)
            : DomainError.Invalid(field, "invalid-phone", $"{field} must be a mobile number (11 digits starting 13-19) or a landline with area code.");
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex("^0[1-9][0-9]{1,2}[0-9]{7,8}$")]
    private static partial Regex Landline();
}
