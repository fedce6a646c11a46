namespace Platform.BuildingBlocks.Input;

/// <summary>
/// Text the database cannot store or the JSON reader cannot decode: a NUL character (Postgres text has no
/// room for U+0000) and lone UTF-16 surrogates (half a character, not valid Unicode). Refused at the edge
/// for every string a request carries, so no handler has to think about it.
/// </summary>
public static class TextRules
{
    public const string Code = "invalid-text";

    /// <summary>Why <paramref name="value"/> cannot be taken, or null when it can.</summary>
    public static string? Problem(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return "must not contain a NUL character (U+0000).";
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return "must not contain a lone UTF-16 surrogate (half a character).";
            }

            if (char.IsLowSurrogate(c))
            {
                return "must not contain a lone UTF-16 surrogate (half a character).";
            }
        }

        return null;
    }
}
