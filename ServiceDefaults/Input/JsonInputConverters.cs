using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.ServiceDefaults.Time;

namespace Platform.ServiceDefaults.Input;

/// <summary>
/// Instants in JSON bodies, read by <see cref="Instants"/> (any offset; none means the subdistrict's local time) and
/// normalised to UTC before a handler sees them; answers write UTC with a <c>Z</c>. Postgres, whose
/// <c>timestamptz</c> takes UTC only, never sees an offset.
/// </summary>
public sealed class UtcInstantConverter(TimeZoneInfo zone) : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Instants.TryParse(reader.GetString(), zone, out var instant)
            ? instant
            : throw new JsonException($"Expected {Instants.Expected}.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Instants.Write(value));
}

/// <summary>Every JSON string a request carries is checked by <see cref="TextRules"/>; answers are written as they are.</summary>
public sealed class CheckedTextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected text, got {Describe(reader.TokenType)}.");
        }

        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) cannot become a .NET string.
            throw new InvalidTextException("must not contain a lone UTF-16 surrogate (half a character).");
        }

        return TextRules.Problem(value) is { } problem ? throw new InvalidTextException(problem) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}
