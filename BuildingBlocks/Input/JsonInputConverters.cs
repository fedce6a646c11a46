using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Platform.BuildingBlocks.Time;

namespace Platform.BuildingBlocks.Input;

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

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(Instants.Write(value));
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

    private static string Describe(JsonTokenType token) =>
        token switch
        {
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "true or false",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            _ => token.ToString(),
        };
}

/// <summary>
/// A list in a request never holds null where the server reads items (<c>"tasks": [null]</c>): refused while the body
/// is read, naming the list, instead of reaching a handler that walks the items. Added as a resolver modifier, so the
/// OpenAPI documents still see the plain types.
/// </summary>
public static class NoNullItems
{
    public static void Modifier(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var lists = typeInfo.Properties.Where(p => p.Get is not null && HoldsReferences(p.PropertyType)).ToList();
        if (lists.Count == 0)
        {
            return;
        }

        var earlier = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var list in lists)
            {
                if (list.Get!(value) is System.Collections.IEnumerable items && items.Cast<object?>().Any(item => item is null))
                {
                    throw new JsonException($"{list.Name} must not contain null items.", $"$.{list.Name}", null, null);
                }
            }
        };
    }

    private static bool HoldsReferences(Type type) =>
        type != typeof(string)
        && !typeof(System.Text.Json.Nodes.JsonNode).IsAssignableFrom(type)
        && type != typeof(JsonElement)
        && (
            type.IsArray
                ? type.GetElementType()
                : type.GetInterfaces()
                    .Append(type)
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                    ?.GetGenericArguments()[0]
        )
            is { IsValueType: false } item
        && !item.IsGenericType;
}
