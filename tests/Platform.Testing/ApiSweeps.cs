using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.BuildingBlocks.Security;

namespace Platform.Testing;

/// <summary>
/// Rules that hold for every operation of a service, tested by calling every operation its OpenAPI document
/// lists: malformed values in every field are refused as 4xx problem details (never a 5xx), and the same
/// instant written with any offset gets the same answer. A new endpoint is swept the day it is documented.
/// </summary>
public static partial class ApiSweeps
{
    /// <summary>What a sweep sent and what broke.</summary>
    public sealed record Outcome(int Requests, IReadOnlyList<string> Failures);

    private const string Placeholder = "__sweep_value__";

    /// <summary>Values no field should take, as raw JSON: each is put in every field of every body in turn.</summary>
    private static readonly string[] MalformedJson =
    [
        "\"x\\u0000y\"",
        "\"\\ud800x\"",
        "\"\\udc00\"",
        JsonSerializer.Serialize(new string('x', 100_000)),
        "12345",
        "1e400",
        "99999999999999999999999999",
        "-2147483649",
        "true",
        "{}",
        "[]",
        "null",
        "\"NotAValue\"",
        "\"2026-13-45T25:00:00+08:00\"",
        "\"not-a-guid\"",
        """{"type":"Polygon","coordinates":[[[97.0,37.0],[97.1,37.1],[97.0,37.0]]]}""",
        """{"type":"Nope","coordinates":[]}""",
        """{"type":"Point","coordinates":["a","b"]}""",
    ];

    /// <summary>Bodies that are not the JSON an endpoint reads at all.</summary>
    private static readonly string[] MalformedBodies =
    [
        "not json",
        "[]",
        "null",
        "\"x\"",
        "{\"a\":",
        "{\"a\":\"\\u0000\"}",
        new string('[', 200) + new string(']', 200),
    ];

    /// <summary>Query values, already encoded for the URL.</summary>
    private static readonly string[] MalformedQuery =
    [
        "a%00b",
        "%ED%A0%80",
        new string('x', 100_000),
        "abc",
        "99999999999999999999999999",
        "-1",
        "1e400",
        "NotAValue",
        "2026-13-45T25%3A00%3A00%2B08%3A00",
        "%00",
        "",
    ];

    /// <summary>Path values, already encoded (a NUL in the path is refused by the server itself before any endpoint: Kestrel and the test host both).</summary>
    private static readonly string[] MalformedPath = ["abc", new string('9', 5_000), "-1", "%ED%A0%80"];

    /// <summary>One instant in three forms: local time, another zone, and UTC.</summary>
    public static readonly string[] SameInstant = ["2026-12-01T00:30:00+08:00", "2026-11-30T11:30:00-05:00", "2026-11-30T16:30:00Z"];

    public static async Task<Outcome> MalformedInputAsync(ApiDocument document, IServiceProvider services, Func<TestCaller?, HttpClient> clients)
    {
        var callers = Callers(services);
        var failures = new List<string>();
        var requests = 0;
        foreach (var operation in document.Operations)
        {
            var http = clients(CallerFor(operation, callers));
            async Task Send(string what, string path, string? body)
            {
                requests++;
                using var request = Build(document, operation, path, body);
                using var response = await http.SendAsync(request);
                if (await CheckAsync(operation, response) is { } problem)
                {
                    failures.Add($"{operation} with {what}: {problem}");
                }
            }

            var basePath = BasePath(operation);
            var baseQuery = Query(document, operation, null, null);
            var baseBody = BodyTemplate(document, operation);

            foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
            {
                foreach (var value in MalformedPath)
                {
                    var path = ApiDocument
                        .Fill(operation.Path, name => name == parameter.Name ? "\u0001" : PathValue(document, operation, name))
                        .Replace("%01", value, StringComparison.Ordinal);
                    await Send($"path {parameter.Name}={Short(value)}", path + baseQuery, baseBody?.Json);
                }
            }

            foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
            {
                foreach (var value in MalformedQuery)
                {
                    await Send($"query {parameter.Name}={Short(value)}", basePath + Query(document, operation, parameter.Name, value), baseBody?.Json);
                }
            }

            if (baseBody is null)
            {
                continue;
            }

            if (operation.BodyMediaType == "application/json")
            {
                foreach (var body in MalformedBodies)
                {
                    await Send($"body {Short(body)}", basePath + baseQuery, body);
                }
            }

            foreach (var field in baseBody.Fields)
            {
                foreach (var value in MalformedJson)
                {
                    await Send($"{field}={Short(value)}", basePath + baseQuery, baseBody.With(field, value));
                }
            }
        }

        return new Outcome(requests, failures);
    }

    /// <summary>
    /// Every operation that takes an instant (query or body) is called with the same instant as <see cref="SameInstant"/>'s
    /// three forms: never a 5xx, and the same status (reads: the same body) each time.
    /// </summary>
    public static async Task<Outcome> SameInstantAsync(ApiDocument document, IServiceProvider services, Func<TestCaller?, HttpClient> clients)
    {
        var callers = Callers(services);
        var failures = new List<string>();
        var requests = 0;
        foreach (var operation in document.Operations)
        {
            var instantQuery = operation.Parameters.Where(p => p.In == "query" && document.IsDateTime(p.Schema)).Select(p => p.Name).ToList();
            var body = BodyTemplate(document, operation);
            var instantFields = body?.Fields.Where(body.IsInstant).ToList() ?? [];
            if (instantQuery.Count == 0 && instantFields.Count == 0)
            {
                continue;
            }

            var http = clients(CallerFor(operation, callers));
            var answers = new List<(HttpStatusCode Status, string Body)>();
            foreach (var form in SameInstant)
            {
                var query = Query(document, operation, null, null, instantQuery.ToDictionary(n => n, _ => Uri.EscapeDataString(form)));
                var json = body?.Json;
                foreach (var field in instantFields)
                {
                    json = Body.Set(json!, field, JsonSerializer.Serialize(form));
                }

                requests++;
                using var request = Build(document, operation, BasePath(operation) + query, json);
                using var response = await http.SendAsync(request);
                if (await CheckAsync(operation, response) is { } problem)
                {
                    failures.Add($"{operation} with {form}: {problem}");
                }

                answers.Add((response.StatusCode, Comparable(await response.Content.ReadAsStringAsync())));
            }

            var first = answers[0];
            foreach (var (answer, form) in answers.Zip(SameInstant).Skip(1))
            {
                var repeatedCreate = operation.Method != "GET" && answer.Status == HttpStatusCode.Conflict;
                if (answer.Status != first.Status && !repeatedCreate)
                {
                    failures.Add($"{operation}: {form} got {(int)answer.Status}, {SameInstant[0]} got {(int)first.Status}");
                }
                else if (operation.Method == "GET" && answer.Body != first.Body)
                {
                    failures.Add($"{operation}: {form} answered otherwise than {SameInstant[0]}:\n{Short(answer.Body, 300)}\n{Short(first.Body, 300)}");
                }
            }
        }

        return new Outcome(requests, failures);
    }

    /// <summary>
    /// Every JSON body is sent with each of its fields left out, and each nullable one as null: a field the document
    /// requires must be refused with 400 <c>&lt;field&gt;-required</c> (null where the type cannot be null: 400 invalid-json naming
    /// it); one it leaves optional (or nullable) must not be
    /// refused for being absent (or null), whatever else the answer says. So <c>required</c> and <c>nullable</c> in the
    /// documents are what the services do.
    /// </summary>
    public static async Task<Outcome> RequiredValuesAsync(ApiDocument document, IServiceProvider services, Func<TestCaller?, HttpClient> clients)
    {
        var callers = Callers(services);
        var failures = new List<string>();
        var requests = 0;
        foreach (var operation in document.Operations.Where(o => o.BodyMediaType == "application/json"))
        {
            var body = BodyTemplate(document, operation);
            if (body is null)
            {
                continue;
            }

            var http = clients(CallerFor(operation, callers));
            var path = BasePath(operation) + Query(document, operation, null, null);
            foreach (var field in body.Fields.Where(f => !f.EndsWith("[0]", StringComparison.Ordinal)))
            {
                var leaf = field[(field.LastIndexOf('.') + 1)..];
                var required = body.IsRequired(field);
                if (!required && body.IsConditional(field))
                {
                    continue;
                }

                foreach (
                    var (what, json) in new[]
                    {
                        ("left out", body.Without(field)),
                        ("null", body.IsNullable(field) || required ? body.With(field, "null") : null),
                    }
                )
                {
                    if (json is null)
                    {
                        continue;
                    }

                    requests++;
                    using var request = Build(document, operation, path, json);
                    using var response = await http.SendAsync(request);
                    var answer = await response.Content.ReadAsStringAsync();
                    var problem =
                        (int)response.StatusCode is >= 400 and < 500 && answer.StartsWith('{') ? JsonDocument.Parse(answer).RootElement : (JsonElement?)null;
                    var code = problem is { } p && p.TryGetProperty("code", out var c) ? c.GetString() : null;
                    var names =
                        problem is { } q
                        && q.TryGetProperty("errors", out var errors)
                        && errors.ValueKind == JsonValueKind.Object
                        && errors.EnumerateObject().Any(e => Leaf(e.Name).Equals(leaf, StringComparison.OrdinalIgnoreCase));
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{operation} with {field} {what}: {(int)response.StatusCode} {Short(answer, 200)}");
                    }
                    else if (
                        required
                        && !(
                            response.StatusCode == HttpStatusCode.BadRequest
                            && (code == RequiredCode(leaf) || what == "null" && code == "invalid-json" && names)
                        )
                    )
                    {
                        failures.Add($"{operation}: {field} is required in the document, but {what} it got {(int)response.StatusCode} {code}");
                    }
                    else if (!required && (names || code == RequiredCode(leaf)))
                    {
                        failures.Add(
                            $"{operation}: {field} is optional{(what == "null" ? " and nullable" : "")} in the document, but {what} it was "
                                + $"refused: {code} {Short(answer, 200)}"
                        );
                    }
                }
            }
        }

        return new Outcome(requests, failures);
    }

    private static string Leaf(string field) => LeafName().Match(field).Value;

    private static string RequiredCode(string property) => $"{Capital().Replace(property, "-$0").ToLowerInvariant()}-required";

    [GeneratedRegex(@"[A-Za-z0-9_]+(?=\W*$)")]
    private static partial Regex LeafName();

    [GeneratedRegex("(?<=[a-z0-9])[A-Z]")]
    private static partial Regex Capital();

    /// <summary>What is wrong with an answer: a 5xx, or a 4xx that is not problem details (Open311 answers in its own error format).</summary>
    private static async Task<string?> CheckAsync(ApiOperation operation, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status} {Short(await response.Content.ReadAsStringAsync(), 300)}";
        }

        if (status < 400)
        {
            return null;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (operation.Path.StartsWith("/open311/", StringComparison.Ordinal))
        {
            return mediaType is "application/json" or "text/xml" or "application/xml" ? null : $"{status} as {mediaType}, not the Open311 error list";
        }

        if (mediaType != "application/problem+json")
        {
            return $"{status} as {mediaType ?? "no content"}, not problem details";
        }

        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 } && problem.TryGetProperty("status", out _)
            ? null
            : $"{status} problem details without a title or status";
    }

    private static HttpRequestMessage Build(ApiDocument document, ApiOperation operation, string pathAndQuery, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), pathAndQuery);
        if (body is null)
        {
            return request;
        }

        switch (operation.BodyMediaType)
        {
            case "application/json":
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                break;
            case "application/x-www-form-urlencoded":
                request.Content = new StringContent(FormEncode(body), Encoding.UTF8, "application/x-www-form-urlencoded");
                break;
            case "multipart/form-data":
                var multipart = new MultipartFormDataContent();
                foreach (var (name, value) in Flat(body))
                {
                    var isFile = document
                        .PropertiesOf(operation.Body!.Value)
                        .Any(p => p.Name == name && ApiDocument.FormatOf(document.Main(p.Schema)) == "binary");
                    if (isFile)
                    {
                        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
                        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                        multipart.Add(file, name, "upload.csv");
                    }
                    else
                    {
                        multipart.Add(new StringContent(value), name);
                    }
                }

                request.Content = multipart;
                break;
            default:
                request.Content = new StringContent(body, Encoding.UTF8, operation.BodyMediaType ?? "application/json");
                break;
        }

        return request;
    }

    /// <summary>The fields of a JSON body as name/text pairs, for form and multipart bodies (a malformed value may not be an object).</summary>
    private static IEnumerable<(string Name, string Value)> Flat(string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            yield break;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in root.EnumerateObject())
        {
            string text;
            try
            {
                text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
            catch (InvalidOperationException)
            {
                text = "\ud800";
            }

            yield return (property.Name, text);
        }
    }

    private static string FormEncode(string json) => string.Join("&", Flat(json).Select(p => $"{Uri.EscapeDataString(p.Name)}={Encode(p.Value)}"));

    /// <summary>URL-encodes what <see cref="Uri.EscapeDataString(string)"/> refuses too (a lone surrogate goes as its WTF-8 bytes).</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var rune in value.EnumerateRunesOrSurrogates())
        {
            builder.Append(rune);
        }

        return builder.ToString();
    }

    private static IEnumerable<string> EnumerateRunesOrSurrogates(this string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]) && !(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                var code = value[i];
                yield return $"%{0xE0 | (code >> 12):X2}%{0x80 | ((code >> 6) & 0x3F):X2}%{0x80 | (code & 0x3F):X2}";
                continue;
            }

            var length = char.IsHighSurrogate(value[i]) ? 2 : 1;
            yield return Uri.EscapeDataString(value.Substring(i, length));
            i += length - 1;
        }
    }

    private static string BasePath(ApiOperation operation) => ApiDocument.Fill(operation.Path, _ => Guid.NewGuid().ToString());

    private static string PathValue(ApiDocument document, ApiOperation operation, string name) =>
        operation.Parameters.FirstOrDefault(p => p.In == "path" && p.Name == name) is { } p && document.Example(p.Schema)?.GetValue<object>() is { } value
            ? value.ToString()!
            : Guid.NewGuid().ToString();

    /// <summary>The query string: every required parameter with a plausible value, <paramref name="name"/> with <paramref name="encodedValue"/>.</summary>
    private static string Query(
        ApiDocument document,
        ApiOperation operation,
        string? name,
        string? encodedValue,
        IReadOnlyDictionary<string, string>? overrides = null
    )
    {
        var parts = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            if (parameter.Name == name)
            {
                parts.Add($"{parameter.Name}={encodedValue}");
            }
            else if (overrides is not null && overrides.TryGetValue(parameter.Name, out var value))
            {
                parts.Add($"{parameter.Name}={value}");
            }
            else if (parameter.Required && document.Example(parameter.Schema) is { } example)
            {
                parts.Add($"{parameter.Name}={Uri.EscapeDataString(example is JsonValue v && v.TryGetValue<string>(out var s) ? s : example.ToJsonString())}");
            }
        }

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static Body? BodyTemplate(ApiDocument document, ApiOperation operation) => operation.Body is { } schema ? new Body(document, schema) : null;

    /// <summary>A plausible body and the paths of its fields (top-level, inside objects and the first item of arrays).</summary>
    private sealed partial class Body
    {
        private readonly ApiDocument document;
        private readonly JsonElement schema;

        public Body(ApiDocument document, JsonElement schema)
        {
            this.document = document;
            this.schema = schema;
            var example = document.Example(schema);
            Json = example?.ToJsonString() ?? "{}";
            Fields = example is JsonObject ? [.. FieldsOf(example, "", 0)] : [];
        }

        public string Json { get; }

        public IReadOnlyList<string> Fields { get; }

        public bool IsInstant(string field) => SchemaAt(field) is { } s && document.IsDateTime(s);

        public string With(string field, string rawValue) => Set(Json, field, rawValue);

        /// <summary>The body without the field at <paramref name="path"/>.</summary>
        public string Without(string path)
        {
            var root = JsonNode.Parse(Json)!;
            var parts = PathPart().Matches(path).Select(m => m.Value).ToList();
            var node = root;
            foreach (var part in parts[..^1])
            {
                node = part == "[0]" ? node![0] : node![part];
            }

            node!.AsObject().Remove(parts[^1]);
            return root.ToJsonString();
        }

        /// <summary>Whether the object holding <paramref name="path"/> lists it as required.</summary>
        public bool IsRequired(string path)
        {
            var cut = path.LastIndexOf('.');
            var parent = cut < 0 ? schema : SchemaAt(path[..cut]);
            return parent is { } p
                && document.Main(p) is { ValueKind: JsonValueKind.Object } main
                && main.TryGetProperty("required", out var required)
                && required.EnumerateArray().Any(r => r.GetString() == path[(cut + 1)..]);
        }

        /// <summary>Whether the object holding <paramref name="path"/> says it is required in some cases (x-required-when).</summary>
        public bool IsConditional(string path)
        {
            var cut = path.LastIndexOf('.');
            var parent = cut < 0 ? schema : SchemaAt(path[..cut]);
            return parent is { } p
                && document.Main(p) is { ValueKind: JsonValueKind.Object } main
                && main.TryGetProperty("x-required-when", out var when)
                && when.TryGetProperty(path[(cut + 1)..], out _);
        }

        /// <summary>Whether the field's schema takes null.</summary>
        public bool IsNullable(string path) => SchemaAt(path) is { } s && document.TakesNull(s);

        /// <summary>The body with the field at <paramref name="path"/> (dots, and [0] for an array's first item) set to raw JSON.</summary>
        public static string Set(string json, string path, string rawValue)
        {
            var root = JsonNode.Parse(json)!;
            var parts = PathPart().Matches(path).Select(m => m.Value).ToList();
            var node = root;
            for (var i = 0; i < parts.Count - 1; i++)
            {
                node = parts[i] == "[0]" ? node![0] : node![parts[i]];
            }

            var last = parts[^1];
            if (last == "[0]")
            {
                node!.AsArray()[0] = JsonValue.Create(Placeholder);
            }
            else
            {
                node![last] = JsonValue.Create(Placeholder);
            }

            return root.ToJsonString().Replace(JsonSerializer.Serialize(Placeholder), rawValue, StringComparison.Ordinal);
        }

        private JsonElement? SchemaAt(string path)
        {
            JsonElement? current = schema;
            foreach (var part in PathPart().Matches(path).Select(m => m.Value))
            {
                if (current is not { } s)
                {
                    return null;
                }

                var main = document.Main(s);
                current =
                    part == "[0]"
                        ? main.TryGetProperty("items", out var items)
                            ? document.Resolve(items)
                            : null
                        : document.PropertiesOf(main).Where(p => p.Name == part).Select(p => (JsonElement?)p.Schema).FirstOrDefault();
            }

            return current;
        }

        private static IEnumerable<string> FieldsOf(JsonNode node, string prefix, int depth)
        {
            if (node is not JsonObject obj || depth > 2)
            {
                yield break;
            }

            foreach (var (name, value) in obj)
            {
                var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
                yield return path;
                foreach (var inner in FieldsOf(value!, path, depth + 1))
                {
                    yield return inner;
                }

                if (value is JsonArray { Count: > 0 } array)
                {
                    yield return $"{path}.[0]";
                    foreach (var inner in FieldsOf(array[0]!, $"{path}.[0]", depth + 1))
                    {
                        yield return inner;
                    }
                }
            }
        }

        [GeneratedRegex(@"\[0\]|[^.]+")]
        private static partial Regex PathPart();
    }

    /// <summary>Each endpoint's declared access, by method and path (route constraints dropped, as the document writes them).</summary>
    private static Dictionary<string, AccessRule?> Callers(IServiceProvider services) =>
        AccessMatrix
            .Endpoints(services)
            .GroupBy(e => $"{e.Method} {Constraint().Replace(e.Template, "}").TrimEnd('/')}")
            .ToDictionary(g => g.Key, g => g.First().Rule);

    /// <summary>A caller the operation admits: none for public ones, the admin where admitted, else its first role.</summary>
    private static TestCaller? CallerFor(ApiOperation operation, Dictionary<string, AccessRule?> rules)
    {
        var rule = rules.GetValueOrDefault($"{operation.Method} {operation.Path.TrimEnd('/')}");
        if (rule is null || rule.Public)
        {
            return null;
        }

        return rule.Roles.Contains(Roles.SubdistrictAdmin) ? TestCaller.Admin : TestCaller.In(rule.Roles[0]);
    }

    /// <summary>An answer without what differs between two identical calls (trace ids).</summary>
    private static string Comparable(string body) => TraceId().Replace(body, "\"traceId\":\"\"");

    private static string Short(string value, int max = 40) => value.Length <= max ? value : $"{value[..max]}…({value.Length})";

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex Constraint();

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
