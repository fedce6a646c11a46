using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Platform.BuildingBlocks.Input;

/// <summary>A required value left out of a body or sent as null, thrown while the body is read.</summary>
public sealed class MissingValueException(string field) : JsonException($"{field} is required.")
{
    public string Field { get; } = field;
}

/// <summary>
/// A request property marked <see cref="RequiredAttribute"/>, or typed as a non-nullable reference, must be in the body
/// and not null: a body without it is a 400 naming it (<c>&lt;field&gt;-required</c>) before any handler runs. The
/// OpenAPI documents mark the same properties required and not nullable, so the contract says what the edge enforces.
/// Other value types left out take their default, which the handlers accept; on a non-nullable value type
/// <see cref="RequiredAttribute"/> means its default is no answer (an empty id, the year 1), refused the same way.
/// </summary>
public static class RequiredValues
{
    /// <summary>The code a missing value is refused with: "reporterPhone" → "reporter-phone-required".</summary>
    public static string CodeFor(string property) => $"{Api.CodeWords.Of(property)}-required";

    public static bool IsRequired(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true
        || !property.PropertyType.IsValueType && !property.IsGetNullable;

    private static bool IsMissing(object? value, Type type) =>
        value is null || type.IsValueType && Nullable.GetUnderlyingType(type) is null && value.Equals(Activator.CreateInstance(type));

    public static void Modifier(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Namespace?.StartsWith("Platform.", StringComparison.Ordinal) != true)
        {
            return;
        }

        var required = typeInfo.Properties.Where(p => p.Get is not null && (p.Set is not null || p.AssociatedParameter is not null) && IsRequired(p)).ToList();
        if (required.Count == 0)
        {
            return;
        }

        var earlier = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            if (required.FirstOrDefault(p => IsMissing(p.Get!(value), p.PropertyType)) is { } missing)
            {
                throw new MissingValueException(missing.Name);
            }
        };
    }
}
