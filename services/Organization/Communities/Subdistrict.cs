using Platform.BuildingBlocks.Domain;

namespace Platform.Organization.Communities;

/// <summary>
/// The subdistrict (街道) itself: the one administrative unit above the communities, with the codes that begin
/// every grid code (6-digit administrative division, 3-digit subdistrict).
/// </summary>
public sealed class Subdistrict
{
    /// <summary>There is one subdistrict per deployment.</summary>
    public static readonly Guid TheId = Guid.Parse("0195a000-0000-7000-8000-0000000000aa");

    private Subdistrict() { }

    public Guid Id { get; private set; } = TheId;

    public string DivisionCode { get; private set; } = "";

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Result<Subdistrict> Define(string? divisionCode, string? code, string? name, DateTimeOffset now)
    {
        var subdistrict = new Subdistrict();
        return subdistrict.Update(divisionCode, code, name, now) is { } error ? error : subdistrict;
    }

    public DomainError? Update(string? divisionCode, string? code, string? name, DateTimeOffset now)
    {
        if (divisionCode is not { Length: 6 } || !divisionCode.All(char.IsAsciiDigit) || divisionCode == "000000")
        {
            return DomainError.Invalid("divisionCode", "invalid-division-code", "divisionCode is the 6-digit administrative division code (e.g. 632802).");
        }

        if (code is not { Length: 3 } || !code.All(char.IsAsciiDigit) || code == "000")
        {
            return DomainError.Invalid("code", "invalid-subdistrict-code", "code is the 3-digit subdistrict code, 001 to 999.");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return DomainError.Invalid("name", "invalid-subdistrict-name", "name is required and at most 100 characters.");
        }

        DivisionCode = divisionCode;
        Code = code;
        Name = name.Trim();
        UpdatedAt = now;
        return null;
    }
}
