using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml.Linq;

namespace Platform.Workflow.Open311;

/// <summary>
/// Writes a GeoReport v2 answer in the format the path asked for: JSON, or XML (the spec's required format),
/// from the same records. Element and property names are the spec's (their <see cref="JsonPropertyNameAttribute"/>);
/// a list is wrapped in the spec's root element (services/service, service_requests/request, errors/error).
/// </summary>
public sealed class Open311Result(int status, string format, string root, string item, object body) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never, Converters = { new W3cDateTime() } };

    public int? StatusCode => status;

    public string? ContentType => format == Open311Formats.Xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = ContentType;
        if (format == Open311Formats.Xml)
        {
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null), ToXml());
            await httpContext.Response.WriteAsync(document.Declaration + Environment.NewLine + document.Root, httpContext.RequestAborted);
            return;
        }

        await JsonSerializer.SerializeAsync(httpContext.Response.Body, body, body.GetType(), Json, httpContext.RequestAborted);
    }

    private XElement ToXml() =>
        body is System.Collections.IEnumerable items and not string
            ? new XElement(root, items.Cast<object>().Select(i => Element(item, i)))
            : Element(root, body);

    private static XElement Element(string name, object record) =>
        new(
            name,
            record
                .GetType()
                .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p =>
                {
                    var element = p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name;
                    return p.GetValue(record) switch
                    {
                        null => new XElement(element),
                        System.Collections.IEnumerable list and not string => new XElement(
                            element,
                            list.Cast<object>()
                                .Select(v => v is string or IFormattable ? new XElement(SingularOf(element), Text(v)) : Element(SingularOf(element), v))
                        ),
                        var value => new XElement(element, Text(value)),
                    };
                })
        );

    private static string SingularOf(string plural) => plural.EndsWith('s') ? plural[..^1] : plural;

    private static string Text(object value) =>
        value switch
        {
            DateTimeOffset at => W3cDateTime.Format(at),
            bool flag => flag ? "true" : "false",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
}

public static class Open311Formats
{
    public const string Json = "json";
    public const string Xml = "xml";

    public static bool IsKnown(string? format) => format is Json or Xml;

    /// <summary>The format an extension asks for, in any case (.JSON is .json).</summary>
    public static string Normalize(string? format) => format?.ToLowerInvariant() ?? "";

    /// <summary>The format a path asks for by its extension; JSON when it names none this endpoint serves.</summary>
    public static string OfPath(string? path) => Normalize(Path.GetExtension(path ?? "").TrimStart('.')) is Xml ? Xml : Json;
}

/// <summary>The spec's error entry: a list of these is every error answer.</summary>
public sealed record Open311Error([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("description")] string Description);

/// <summary>Times as the spec writes them: W3C date-time with the offset, to the second (2010-04-14T06:37:38-08:00).</summary>
public sealed class W3cDateTime : JsonConverter<DateTimeOffset>
{
    public static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(Format(value));
}
