using Platform.BuildingBlocks.Domain;

namespace Platform.Grid.Grids;

/// <summary>
/// How grid codes are laid out: named digit segments, configurable (<c>Platform:Grid:CodeLayout</c>, such as
/// <c>division:6,subdistrict:3,community:3,sequence:3</c>). The default is the 15-digit layout of Beijing's
/// unit-grid standard: 6-digit administrative division, 3-digit subdistrict, 3-digit community, 3-digit grid
/// sequence (numbered west to east, north to south). A layout needs a community and a sequence segment.
/// Segments every grid of this subdistrict shares (its division and its own code) are fixed by configuration
/// (<c>Platform:Grid:CodeParts</c>), so a code from elsewhere is refused naming the part.
/// </summary>
public sealed record GridCodeLayout(IReadOnlyList<(string Name, int Length)> Segments)
{
    /// <summary>Segments with the one value every code here has (division, subdistrict).</summary>
    public IReadOnlyDictionary<string, string> Fixed { get; init; } = new Dictionary<string, string>();

    /// <summary>This layout with fixed segment values; each must be a segment's length of digits.</summary>
    public GridCodeLayout WithFixed(IReadOnlyDictionary<string, string> parts)
    {
        foreach (var (name, value) in parts)
        {
            if (
                Segments.FirstOrDefault(s => s.Name == name.ToLowerInvariant()) is not { Length: > 0 } segment
                || value.Length != segment.Length
                || !value.All(char.IsAsciiDigit)
            )
            {
                throw new InvalidOperationException(
                    $"Platform:Grid:CodeParts:{name} = '{value}' is not a {name} segment of the layout with its number of digits."
                );
            }
        }

        return this with
        {
            Fixed = parts.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value),
        };
    }

    public const string DefaultText = "division:6,subdistrict:3,community:3,sequence:3";

    public static readonly GridCodeLayout Default = Parse(DefaultText);

    public int Length => Segments.Sum(s => s.Length);

    public static GridCodeLayout Parse(string text)
    {
        var segments = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part =>
                part.Split(':', StringSplitOptions.TrimEntries) is [var name, var length] && int.TryParse(length, out var n) && n is > 0 and <= 12
                    ? (name.ToLowerInvariant(), n)
                    : throw new InvalidOperationException($"Grid code layout segment '{part}' is not name:length.")
            )
            .ToList();
        if (!segments.Any(s => s.Item1 == "community") || !segments.Any(s => s.Item1 == "sequence"))
        {
            throw new InvalidOperationException($"Grid code layout '{text}' needs a community and a sequence segment.");
        }

        return new GridCodeLayout(segments);
    }

    /// <summary>Checks a code against the layout and, when known, the community's own code; names the wrong part.</summary>
    public DomainError? Check(string? code, string? communityCode = null)
    {
        var expected = string.Join(", ", Segments.Select(s => $"{s.Length}-digit {s.Name}"));
        if (string.IsNullOrWhiteSpace(code) || code.Length != Length || !code.All(char.IsAsciiDigit))
        {
            return DomainError.Invalid("code", "invalid-grid-code", $"code must be {Length} digits: {expected}.");
        }

        var start = 0;
        foreach (var (name, length) in Segments)
        {
            var part = code.AsSpan(start, length);
            if (part.IndexOfAnyExcept('0') < 0)
            {
                return DomainError.Invalid(
                    "code",
                    "invalid-grid-code",
                    $"The {name} part of code (digits {start + 1}-{start + length}) must not be all zeros."
                );
            }

            if (Fixed.TryGetValue(name, out var expectedPart) && !part.SequenceEqual(expectedPart.AsSpan()))
            {
                return DomainError.Invalid(
                    "code",
                    $"grid-code-{name}-mismatch",
                    $"The {name} part of code (digits {start + 1}-{start + length}) is {part}, but this subdistrict's {name} code is {expectedPart}."
                );
            }

            if (name == "community" && communityCode is not null && !part.SequenceEqual(communityCode.PadLeft(length, '0').AsSpan()))
            {
                return DomainError.Invalid(
                    "code",
                    "grid-code-community-mismatch",
                    $"The community part of code (digits {start + 1}-{start + length}) is {part}, but the grid's community has code {communityCode}."
                );
            }

            start += length;
        }

        return null;
    }
}
