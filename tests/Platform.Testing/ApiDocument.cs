using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Testing;

/// <summary>A parameter of an operation as its OpenAPI document declares it (in: path, query or header).</summary>
public sealed record ApiParameter(string Name, string In, JsonElement Schema, bool Required);

/// <summary>One operation of a service's OpenAPI document: what the generated sweeps call.</summary>
public sealed record ApiOperation(
    string Method,
    string Path,
    string? OperationId,
    IReadOnlyList<ApiParameter> Parameters,
    JsonElement? Body,
    string? BodyMediaType,
    JsonElement Raw
)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// A service's OpenAPI document read for tests: its operations, their parameters and body schemas (with
/// <c>$ref</c> followed), and plausible values built from the schemas, so a test can call every operation
/// the document lists without knowing any of them.
/// </summary>
public sealed partial class ApiDocument(JsonElement root)
{
    public JsonElement Root { get; } = root;

    public static async Task<ApiDocument> ReadAsync(HttpClient client, string path = "/openapi/v1.json")
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return new ApiDocument(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public IEnumerable<ApiOperation> Operations
    {
        get
        {
            foreach (var path in Root.GetProperty("paths").EnumerateObject())
            {
                foreach (var item in path.Value.EnumerateObject())
                {
                    if (item.Name is "parameters" or "summary" or "description" or "servers")
                    {
                        continue;
                    }

                    var operation = item.Value;
                    var parameters = operation.TryGetProperty("parameters", out var list)
                        ? list.EnumerateArray()
                            .Select(Resolve)
                            .Select(p => new ApiParameter(
                                p.GetProperty("name").GetString()!,
                                p.GetProperty("in").GetString()!,
                                p.TryGetProperty("schema", out var s) ? Resolve(s) : default,
                                p.TryGetProperty("required", out var r) && r.GetBoolean()
                            ))
                            .ToList()
                        : [];
                    JsonElement? body = null;
                    string? mediaType = null;
                    if (operation.TryGetProperty("requestBody", out var requestBody) && Resolve(requestBody).TryGetProperty("content", out var content))
                    {
                        var first = content.EnumerateObject().First();
                        mediaType = first.Name;
                        body = first.Value.TryGetProperty("schema", out var schema) ? Resolve(schema) : null;
                    }

                    yield return new ApiOperation(
                        item.Name.ToUpperInvariant(),
                        path.Name,
                        operation.TryGetProperty("operationId", out var id) ? id.GetString() : null,
                        parameters,
                        body,
                        mediaType,
                        operation
                    );
                }
            }
        }
    }

    /// <summary>The schema or object a <c>$ref</c> points at (followed until it is not one).</summary>
    public JsonElement Resolve(JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            var target = Root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            element = target;
        }

        return element;
    }

    /// <summary>The schema's types without "null" (3.1 writes a nullable string as ["null", "string"]), or its one alternative's.</summary>
    public IReadOnlyList<string> TypesOf(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        if (schema.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!).Where(t => t != "null")] : [type.GetString()!];
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var alternatives))
            {
                return [.. alternatives.EnumerateArray().SelectMany(TypesOf).Distinct()];
            }
        }

        return schema.TryGetProperty("properties", out _) ? ["object"] : [];
    }

    /// <summary>Whether a schema takes null: "null" among its types, or a null alternative.</summary>
    public bool TakesNull(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Any(t => t.GetString() == "null") : type.GetString() == "null";
        }

        return new[] { "oneOf", "anyOf" }.Any(c => schema.TryGetProperty(c, out var alternatives) && alternatives.EnumerateArray().Any(TakesNull));
    }

    /// <summary>The first non-null alternative of a schema, resolved.</summary>
    public JsonElement Main(JsonElement schema)
    {
        schema = Resolve(schema);
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(combinator, out var alternatives))
            {
                foreach (var alternative in alternatives.EnumerateArray())
                {
                    var resolved = Resolve(alternative);
                    var onlyNull =
                        resolved.ValueKind == JsonValueKind.Object
                        && resolved.TryGetProperty("type", out var type)
                        && type.ValueKind == JsonValueKind.String
                        && type.GetString() == "null";
                    if (!onlyNull)
                    {
                        return resolved;
                    }
                }
            }
        }

        return schema;
    }

    public static string? FormatOf(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    public bool IsDateTime(JsonElement schema) => FormatOf(Main(schema)) == "date-time";

    /// <summary>The properties of an object schema, resolved.</summary>
    public IReadOnlyList<(string Name, JsonElement Schema)> PropertiesOf(JsonElement schema)
    {
        schema = Main(schema);
        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties)
            ? [.. properties.EnumerateObject().Select(p => (p.Name, Resolve(p.Value)))]
            : [];
    }

    /// <summary>A plausible value for a schema: enums take their first value, ids a fresh guid, instants now.</summary>
    public JsonNode? Example(JsonElement schema, int depth = 0)
    {
        schema = Main(schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > 6)
        {
            return null;
        }

        if (
            schema.TryGetProperty("enum", out var values)
            && values.EnumerateArray().FirstOrDefault(v => v.ValueKind != JsonValueKind.Null) is { ValueKind: not JsonValueKind.Undefined } first
        )
        {
            return JsonNode.Parse(first.GetRawText());
        }

        var types = TypesOf(schema);
        var format = FormatOf(schema);
        return types.FirstOrDefault() switch
        {
            "string" => format switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date-time" => "2026-12-01T09:30:00+08:00",
                "date" => "2026-12-01",
                "time" => "09:30:00",
                "uri" => "https://example.org/x.jpg",
                _ => "x",
            },
            "integer" => 1,
            "number" => 1,
            "boolean" => false,
            "array" => schema.TryGetProperty("items", out var items) && Example(items, depth + 1) is { } item ? new JsonArray(item) : new JsonArray(),
            "object" or null when PropertiesOf(schema) is { Count: > 0 } properties => new JsonObject(
                properties.Select(p => KeyValuePair.Create(p.Name, Example(p.Schema, depth + 1)))
            ),
            "object" => new JsonObject(),
            _ => null,
        };
    }

    /// <summary>A concrete path for a template: each parameter's value from <paramref name="value"/>.</summary>
    public static string Fill(string template, Func<string, string> value) =>
        PathParameter().Replace(template, m => Uri.EscapeDataString(value(m.Groups["name"].Value)));

    [GeneratedRegex(@"\{(?<name>[^}:]+)[^}]*\}")]
    private static partial Regex PathParameter();
}
