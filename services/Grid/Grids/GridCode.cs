using Platform.ServiceDefaults.Domain;

namespace Platform.Grid.Grids;

/// <summary>
/// A grid's 15-digit code in the layout of Beijing's unit-grid standard: 6-digit administrative division,
/// 3-digit subdistrict, 3-digit community, 3-digit grid sequence (numbered west to east, north to south).
/// </summary>
public sealed record GridCode
{
    public const int Length = 15;

    private static readonly (string Name, int Start, int Length)[] Parts =
    [
        ("administrative division", 0, 6),
        ("subdistrict", 6, 3),
        ("community", 9, 3),
        ("grid sequence", 12, 3),
    ];

    private GridCode(string value) => Value = value;

    public string Value { get; }

    public string Division => Value[..6];

    public string Subdistrict => Value[6..9];

    public string Community => Value[9..12];

    public string Sequence => Value[12..];

    public static Result<GridCode> Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length != Length || !value.All(char.IsAsciiDigit))
        {
            return DomainError.Invalid("code", "invalid-grid-code",
                $"code must be {Length} digits: 6-digit administrative division, 3-digit subdistrict, 3-digit community, 3-digit grid sequence.");
        }

        foreach (var (name, start, length) in Parts)
        {
            if (value.AsSpan(start, length).IndexOfAnyExcept('0') < 0)
            {
                return DomainError.Invalid("code", "invalid-grid-code",
                    $"The {name} part of code (digits {start + 1}-{start + length}) must not be all zeros.");
            }
        }

        return new GridCode(value);
    }

    public override string ToString() => Value;
}
