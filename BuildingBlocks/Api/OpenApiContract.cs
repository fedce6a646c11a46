using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.BuildingBlocks.Input;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Time;

namespace Platform.BuildingBlocks.Api;

/// <summary>
/// The OpenAPI documents as a contract clients are generated from (the web and phone apps' types are): every
/// operation has a summary, a description that says who may call it, and its error answers as problem details
/// with the codes they carry; text-valued enumerations are schemas of their own; a request property is required
/// only when the server requires it and nullable only when it takes null; answers list every property they carry.
/// </summary>
internal static partial class OpenApiContract
{
    public const string ProblemSchema = "ProblemDetails";
    private const string ProblemJson = "application/problem+json";
    private const string DefaultedExtension = "x-defaulted";
    private const string EnumExtension = "x-enum-name";
    private const string CodesExtension = "x-problem-codes";
    private const string RequiredWhenExtension = "x-required-when";

    public static OpenApiOptions AddPlatformContract(this OpenApiOptions options)
    {
        options.AddSchemaTransformer(TransformSchema);
        options.AddOperationTransformer(TransformOperation);
        options.AddDocumentTransformer(TransformDocument);
        return options;
    }

    private static Task TransformSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonPropertyInfo is { } property)
        {
            DescribeProperty(schema, property, context);
        }
        else if (context.JsonTypeInfo.Type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
        }
        else if (context.JsonTypeInfo.Type == typeof(string) || context.JsonTypeInfo.Type == typeof(DateTimeOffset))
        {
            // An item of a list (or a parameter): text or an instant, through our converters.
            schema.Type ??= JsonSchemaType.String;
            schema.Format ??= context.JsonTypeInfo.Type == typeof(DateTimeOffset) ? "date-time" : null;
        }

        // An object's schema, whether it is a body, a list's item or a property's type.
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && context.JsonTypeInfo.Properties.Count > 0)
        {
            // Required: what must be there. A value type left out takes its default, which the server accepts: it is
            // marked so the document can require it in answers (always written) but not in requests.
            schema.Required = new HashSet<string>(context.JsonTypeInfo.Properties.Where(p => !IsNullable(p)).Select(p => p.Name));
            // A value marked [Required] must be given, whatever its C# type (the edge refuses a body without it).
            schema.Required.UnionWith(context.JsonTypeInfo.Properties.Where(RequiredValues.IsRequired).Select(p => p.Name));
            var defaulted = context
                .JsonTypeInfo.Properties.Where(p => !IsNullable(p) && p.PropertyType.IsValueType && !RequiredValues.IsRequired(p))
                .Select(p => (JsonNode)p.Name)
                .ToArray();
            if (defaulted.Length > 0)
            {
                schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                schema.Extensions[DefaultedExtension] = new JsonNodeExtension(new JsonArray(defaulted));
            }

            var conditional = context
                .JsonTypeInfo.Properties.Select(p =>
                    (
                        p.Name,
                        When: p.AttributeProvider?.GetCustomAttributes(typeof(RequiredWhenAttribute), true).OfType<RequiredWhenAttribute>().FirstOrDefault()
                    )
                )
                .Where(p => p.When is not null)
                .ToList();
            if (conditional.Count > 0)
            {
                schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                schema.Extensions[RequiredWhenExtension] = new JsonNodeExtension(
                    new JsonObject(conditional.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.When!.Condition)))
                );
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Types the framework cannot infer through our converters (text, instants), nullability, and text enumerations.</summary>
    private static void DescribeProperty(OpenApiSchema schema, JsonPropertyInfo property, OpenApiSchemaTransformerContext context)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var nullable = IsNullable(property) && !RequiredValues.IsRequired(property);
        if (property.AttributeProvider?.GetCustomAttributes(typeof(RequiredWhenAttribute), true).FirstOrDefault() is RequiredWhenAttribute when)
        {
            schema.Description = $"Required when {when.Condition}.";
        }

        if (property.AttributeProvider?.GetCustomAttributes(true).OfType<IOneOf>().FirstOrDefault() is { } oneOf)
        {
            MakeEnumeration(schema, oneOf.EnumType, nullable);
            return;
        }

        if (type == typeof(string) || type == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : 0);
            if (type == typeof(DateTimeOffset))
            {
                schema.Format = "date-time";
                schema.Description ??= "UTC, written with Z; any ISO 8601 offset is read (none: the subdistrict's local time).";
            }
        }
        else if (type != typeof(string) && ItemType(type) is { } item && (item == typeof(string) || item == typeof(DateTimeOffset)) && schema.Items is null)
        {
            // A list of text or instants: its items' schema is lost through our converters.
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = item == typeof(DateTimeOffset) ? "date-time" : null };
            schema.Type = JsonSchemaType.Array | (nullable ? JsonSchemaType.Null : 0);
        }
        else if (schema.Type is { } known && !type.IsEnum)
        {
            schema.Type = nullable ? known | JsonSchemaType.Null : known & ~JsonSchemaType.Null;
        }
    }

    /// <summary>Marks a text property as one of an enumeration's names; the document transformer makes it a reference.</summary>
    private static void MakeEnumeration(OpenApiSchema schema, Type enumType, bool nullable)
    {
        schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : 0);
        schema.Enum = [.. Enum.GetNames(enumType).Select(n => (JsonNode)n!)];
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions[EnumExtension] = new JsonNodeExtension(JsonValue.Create(enumType.Name));
    }

    /// <summary>A reference to the enumeration's own schema (made once per document), or null-or-it.</summary>
    private static IOpenApiSchema EnumReference(string name, IEnumerable<string> values, OpenApiDocument document, bool nullable)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(name))
        {
            document.Components.Schemas[name] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)v!)] };
        }

        var reference = new OpenApiSchemaReference(name, document);
        return nullable ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] } : reference;
    }

    private static IOpenApiSchema EnumReference(Type enumType, OpenApiDocument document, bool nullable) =>
        EnumReference(enumType.Name, Enum.GetNames(enumType), document, nullable);

    /// <summary>Text properties marked as an enumeration become references to its schema.</summary>
    private static void ReferenceEnumerations(OpenApiSchema schema, OpenApiDocument document)
    {
        foreach (var (name, property) in schema.Properties?.ToList() ?? [])
        {
            if (
                property is OpenApiSchema inline
                && inline.Extensions?.TryGetValue(EnumExtension, out var marker) == true
                && marker is JsonNodeExtension { Node: { } enumName }
            )
            {
                var nullable = inline.Type?.HasFlag(JsonSchemaType.Null) == true;
                schema.Properties![name] = EnumReference(enumName.GetValue<string>(), inline.Enum!.Select(v => v!.GetValue<string>()), document, nullable);
            }
        }
    }

    private static Type? ItemType(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces()
                .Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0];

    private static bool IsNullable(JsonPropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null || (!property.PropertyType.IsValueType && property.IsGetNullable);

    private static Task TransformOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var rule = metadata.OfType<AccessRule>().FirstOrDefault();
        operation.Summary ??= Humanize(operation.OperationId ?? description.RelativePath ?? "operation");
        var access = rule is null or { Public: true } ? "Public: no token needed." : $"Roles: {string.Join(", ", rule.Roles)}.";
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? access : $"{operation.Description}\n\n{access}";

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (
                description.ParameterDescriptions.FirstOrDefault(p => p.Name == parameter.Name)?.ParameterDescriptor
                    is IParameterInfoParameterDescriptor { ParameterInfo: var info }
                && info.GetCustomAttributes(true).OfType<IOneOf>().FirstOrDefault() is { } oneOf
                && parameter is OpenApiParameter concrete
            )
            {
                concrete.Schema = EnumReference(oneOf.EnumType, context.Document!, nullable: false);
            }
            else if (parameter is OpenApiParameter { Schema: OpenApiSchema { Format: "date-time" } instant } && instant.Type is null)
            {
                instant.Type = JsonSchemaType.String;
            }
        }

        if (metadata.OfType<FileBody>().FirstOrDefault() is { } file && operation.RequestBody is null)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = file.MediaTypes.ToDictionary(
                    t => t,
                    _ => new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    }
                ),
            };
        }

        if (metadata.OfType<IdempotentEndpoint>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(
                new OpenApiParameter
                {
                    Name = IdempotencyKey.Header,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description =
                        "Sent again with the same key and body, the request gets its first answer again (with Idempotent-Replayed: "
                        + "true) instead of being carried out twice; the same key with another request is a 422. A UUID per request, "
                        + "kept by the client until it has the answer.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                }
            );
        }

        operation.Responses ??= [];
        // A file answered as itself (a photo) is binary, not the base64 text a byte[] would be in JSON.
        foreach (var (type, content) in operation.Responses.Values.SelectMany(r => r.Content ?? new Dictionary<string, OpenApiMediaType>()))
        {
            if (!type.Contains("json", StringComparison.Ordinal) && content.Schema is OpenApiSchema { Format: "byte" } bytes)
            {
                bytes.Format = "binary";
            }
        }

        var hasInput = (operation.Parameters?.Count ?? 0) > 0 || operation.RequestBody is not null;
        var path = description.RelativePath ?? "";
        var isOpen311 = path.StartsWith("open311/", StringComparison.Ordinal);
        if (isOpen311)
        {
            return Task.CompletedTask;
        }

        // Each status with the codes it can carry: the suite's machinery by the operation's shape, then what the endpoint declares.
        var answers = new SortedDictionary<int, SortedSet<string>>();
        void Add(int status, IEnumerable<string> codes) =>
            (answers.TryGetValue(status, out var set) ? set : answers[status] = new SortedSet<string>(StringComparer.Ordinal)).UnionWith(codes);
        if (hasInput)
        {
            Add(StatusCodes.Status400BadRequest, Refusals.Machinery[StatusCodes.Status400BadRequest]);
        }

        if (operation.RequestBody is not null)
        {
            Add(StatusCodes.Status413PayloadTooLarge, Refusals.Machinery[StatusCodes.Status413PayloadTooLarge]);
        }

        if (rule is not { Public: true })
        {
            Add(StatusCodes.Status401Unauthorized, Refusals.Machinery[StatusCodes.Status401Unauthorized]);
            Add(StatusCodes.Status403Forbidden, Refusals.Machinery[StatusCodes.Status403Forbidden]);
        }

        if (description.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            Add(StatusCodes.Status409Conflict, Refusals.Machinery[StatusCodes.Status409Conflict]);
        }

        Add(StatusCodes.Status429TooManyRequests, Refusals.Machinery[StatusCodes.Status429TooManyRequests]);
        foreach (var refusal in metadata.OfType<Refusal>())
        {
            Add(refusal.Status, refusal.Codes);
        }

        foreach (var (status, codes) in answers)
        {
            AddProblem(operation, context, status, codes);
        }

        return Task.CompletedTask;
    }

    private static string Meaning(int status) =>
        status switch
        {
            StatusCodes.Status400BadRequest => "The request breaks a rule of its own: a field is missing, malformed or out of range (errors names it).",
            StatusCodes.Status401Unauthorized => "No valid access token.",
            StatusCodes.Status403Forbidden => "The caller's roles or scope do not admit this.",
            StatusCodes.Status404NotFound => "A record the request names does not exist, or is outside the caller's scope (a read outside scope is a 404).",
            StatusCodes.Status409Conflict => "The request clashes with the record's current state or a concurrent change.",
            StatusCodes.Status413PayloadTooLarge => "The body is larger than the service reads.",
            StatusCodes.Status429TooManyRequests => "Too many requests from this caller (the gateway's limits); Retry-After says when to come back.",
            _ => "The request is refused.",
        };

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, IEnumerable<string> codes)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = Meaning(status),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
            },
            Extensions = new Dictionary<string, IOpenApiExtension>
            {
                [CodesExtension] = new JsonNodeExtension(new JsonArray([.. codes.Select(c => (JsonNode)c)])),
            },
        };
    }

    private static Task TransformDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        document.Info.Description ??=
            "Errors are RFC 9457 problem details with a machine-readable code. Instants are answered in UTC (Z); any ISO 8601 offset is read, "
            + "and one without an offset is the subdistrict's local time (UTC+8). Lists take page (from 1) and pageSize (1 to 200).";

        var requestSchemas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in Operations(document))
        {
            foreach (var content in operation.RequestBody?.Content?.Values ?? [])
            {
                Collect(content.Schema, document, requestSchemas);
            }
        }

        foreach (var (name, schema) in document.Components.Schemas.ToList())
        {
            if (schema is OpenApiSchema { Enum.Count: > 0 } enumeration)
            {
                // An enumeration's own schema lists its names; where it may be null, its use says so (oneOf with null).
                enumeration.Type = JsonSchemaType.String;
                enumeration.Enum = [.. enumeration.Enum.Where(v => v is not null)];
                continue;
            }

            if (schema is not OpenApiSchema concrete || concrete.Properties is null)
            {
                continue;
            }

            ReferenceEnumerations(concrete, document);

            var defaulted =
                concrete.Extensions?.TryGetValue(DefaultedExtension, out var d) == true && d is JsonNodeExtension { Node: JsonArray list }
                    ? list.Select(n => n!.GetValue<string>()).ToHashSet()
                    : [];
            concrete.Extensions?.Remove(DefaultedExtension);
            concrete.Required = requestSchemas.Contains(name)
                ? new HashSet<string>((concrete.Required ?? new HashSet<string>()).Where(p => !defaulted.Contains(p)))
                : new HashSet<string>(concrete.Properties.Keys);
        }

        foreach (var operation in Operations(document))
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var content) == true && content.Schema is not null)
            {
                content.Example ??= Example(content.Schema, document, 0);
                // A body without a required value is refused at the edge, each with its own code.
                var reached = new HashSet<string>(StringComparer.Ordinal);
                Collect(content.Schema, document, reached);
                var required = reached
                    .Select(n => document.Components.Schemas[n])
                    .Append(content.Schema)
                    .SelectMany(s => s.Required ?? new HashSet<string>())
                    .Select(RequiredValues.CodeFor);
                if (
                    operation.Responses?.TryGetValue("400", out var refused) == true
                    && refused.Extensions?.TryGetValue(CodesExtension, out var codes) == true
                    && codes is JsonNodeExtension { Node: JsonArray list }
                )
                {
                    var all = list.Select(n => n!.GetValue<string>()).Concat(required).Distinct().Order(StringComparer.Ordinal);
                    refused.Extensions[CodesExtension] = new JsonNodeExtension(new JsonArray([.. all.Select(c => (JsonNode)c)]));
                }
            }
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<OpenApiOperation> Operations(OpenApiDocument document) =>
        document.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []) ?? [];

    /// <summary>Every component schema a request body reaches, through properties, items and alternatives.</summary>
    private static void Collect(IOpenApiSchema? schema, OpenApiDocument document, HashSet<string> names)
    {
        switch (schema)
        {
            case null:
                return;
            case OpenApiSchemaReference reference when reference.Reference.Id is { } id:
                if (names.Add(id) && document.Components?.Schemas?.TryGetValue(id, out var target) == true)
                {
                    Collect(target, document, names);
                }

                return;
        }

        foreach (
            var inner in (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? []).Append(schema.Items)
        )
        {
            Collect(inner, document, names);
        }
    }

    /// <summary>An example body built from the schema: enumerations take their first name, formats a typical value.</summary>
    private static JsonNode? Example(IOpenApiSchema schema, OpenApiDocument document, int depth)
    {
        if (depth > 5)
        {
            return null;
        }

        if (schema is OpenApiSchemaReference { Reference.Id: { } id } && document.Components?.Schemas?.TryGetValue(id, out var target) == true)
        {
            schema = target;
        }

        if (schema.Enum is { Count: > 0 } values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }

        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.Object) || schema.Properties is { Count: > 0 })
        {
            var obj = new JsonObject();
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                obj[name] = Example(property, document, depth + 1);
            }

            return obj;
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            return schema.Items is { } items && Example(items, document, depth + 1) is { } item ? new JsonArray(item) : new JsonArray();
        }

        if (type.HasFlag(JsonSchemaType.String))
        {
            return schema.Format switch
            {
                "uuid" => "0195a000-0000-7000-8000-000000000001",
                "date-time" => Instants.Write(new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero)),
                "date" => "2026-12-01",
                _ => "string",
            };
        }

        if (type.HasFlag(JsonSchemaType.Integer))
        {
            return 1;
        }

        if (type.HasFlag(JsonSchemaType.Number))
        {
            return 1.5;
        }

        return type.HasFlag(JsonSchemaType.Boolean) ? false : null;
    }

    private static OpenApiSchema Problem() =>
        new()
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details, with the platform's machine-readable code and the ids to find the request in the traces.",
            Required = new HashSet<string> { "title", "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, for a person." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "What went wrong, for a program (see each answer's x-problem-codes).",
                },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "The fields at fault, each with its messages.",
                    AdditionalProperties = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        Items = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };

    /// <summary>"ListServiceHours" → "List service hours".</summary>
    private static string Humanize(string name)
    {
        var words = Words().Matches(name).Select(m => m.Value).ToList();
        return words.Count == 0
            ? name
            : string.Join(
                ' ',
                words.Select(
                    (w, i) =>
                        i == 0 ? w
                        : w.All(char.IsUpper) && w.Length > 1 ? w
                        : w.ToLowerInvariant()
                )
            );
    }

    [GeneratedRegex("[A-Z]{2,}(?=[A-Z][a-z]|[0-9]|$)|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex Words();
}
