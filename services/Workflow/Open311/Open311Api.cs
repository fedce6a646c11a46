using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Workflow.Cases;
using Platform.Workflow.Data;
using Platform.Workflow.Grids;

namespace Platform.Workflow.Open311;

/// <summary>Open311 settings (<c>Platform:Workflow:Open311</c>).</summary>
public sealed class Open311Options
{
    /// <summary>This endpoint's jurisdiction: a request naming another one is a 404.</summary>
    public string Jurisdiction { get; set; } = "hexi.delingha.qh.cn";

    /// <summary>Shown to clients as agency_responsible for cases not yet dispatched.</summary>
    public string Agency { get; set; } = "河西街道";

    /// <summary>The discovery document's contact: whom a client's developers ask.</summary>
    public string Contact { get; set; } = "河西街道网格化服务管理中心";

    /// <summary>The discovery document's key_service: how a client gets an api_key.</summary>
    public string KeyService { get; set; } = "api_key from the subdistrict's administrator (Workflow: POST /api/workflow/open311-clients)";

    /// <summary>When this endpoint last changed as clients see it (the discovery document's changeset).</summary>
    public DateTimeOffset Changeset { get; set; } = new(2026, 12, 2, 0, 0, 0, TimeSpan.FromHours(8));
}

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2/</c> (public through the gateway): services are the case categories,
/// a POST with a valid api_key takes a case in through the same intake as every channel (channel Open311),
/// and requests show cases as the public may see them: no reporter, the address masked, and never a dispute in
/// mediation (it names private parties). Every path ends in .json or .xml; errors are the
/// spec's list of {code, description} with 400, 403 or 404.
/// </summary>
public static class Open311Api
{
    private const int MaxRequests = 1000;
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    public static WebApplication MapOpen311Api(this WebApplication app)
    {
        var open311 = app.MapGroup("/open311/v2").WithTags("Open311 GeoReport v2").AllowPublic().DisableAntiforgery().WithMetadata(new Open311InputRefusal());
        open311
            .MapGet("/discovery.{format}", Discovery)
            .WithName("Open311Discovery")
            .WithDescription("The service discovery document: this endpoint's url, specification, formats, changeset and contact.");
        open311.MapGet("/services.{format}", Services).WithName("Open311Services").WithDescription("The service list: one service per active case category.");
        open311.MapGet("/services/{code}.{format}", Definition).WithName("Open311ServiceDefinition");
        open311
            .MapGet("/requests.{format}", Requests)
            .WithName("Open311Requests")
            .WithDescription(
                "service_request_id (comma-separated; the other filters are then ignored), service_code, start_date, end_date "
                    + "(W3C; default the last 90 days), status (open, closed); at most 1,000, newest first."
            );
        open311
            .MapPost("/requests.{format}", Create)
            .WithName("Open311CreateRequest")
            .WithDescription(
                "Form-encoded as the spec says: api_key (or in the query), service_code, lat and long (or address_string, or "
                    + "address_id), description (optional, up to 4,000 characters), media_url, first_name, last_name, phone. The "
                    + "case is created at once: the answer carries its service_request_id (and so no token). A case number is taken "
                    + "only once the request is accepted."
            );
        open311.MapGet("/requests/{id}.{format}", Request).WithName("Open311Request");
        open311.MapGet("/tokens/{token}.{format}", Token).WithName("Open311Token");
        // Anything else under /open311/v2/ (an unknown path, a method the path does not take) is the spec's error list too.
        open311
            .MapMethods("/{**rest}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], NotAResource)
            .ExcludeFromDescription();
        return app;
    }

    public static Open311Result NotAResource(string? rest) =>
        Error(Open311Formats.OfPath(rest), StatusCodes.Status404NotFound, $"{rest} is not a GeoReport v2 resource: see discovery.json");

    public static Open311Result Discovery(string format, HttpRequest http, IOptions<Open311Options> options)
    {
        format = Open311Formats.Normalize(format);
        if (Refused(format, null, options.Value) is { } refused)
        {
            return refused;
        }

        var settings = options.Value;
        var url = $"{http.Scheme}://{http.Host}{http.PathBase}/open311/v2/";
        return Ok(
            format,
            "discovery",
            "discovery",
            new Open311Discovery(
                settings.Changeset,
                settings.Contact,
                settings.KeyService,
                [new Open311Endpoint("http://wiki.open311.org/GeoReport_v2", url, settings.Changeset, "production", ["text/xml", "application/json"])]
            )
        );
    }

    public static async Task<Open311Result> Services(
        string format,
        string? jurisdiction_id,
        WorkflowDbContext db,
        IOptions<Open311Options> options,
        CancellationToken ct
    )
    {
        format = Open311Formats.Normalize(format);
        if (Refused(format, jurisdiction_id, options.Value) is { } refused)
        {
            return refused;
        }

        var categories = await db.Categories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Code).ToListAsync(ct);
        return Ok(
            format,
            "services",
            "service",
            categories
                .Select(c =>
                    c.DefaultType == CaseType.Mediation
                        ? new Open311Service(
                            c.Code,
                            c.Name,
                            $"{c.Name}（{c.WorkingDays} 个工作日内办理；涉及个人信息，不在公开查询中显示）",
                            false,
                            "realtime",
                            "private",
                            ""
                        )
                        : new Open311Service(c.Code, c.Name, $"{c.Name}（{c.WorkingDays} 个工作日内办理）", false, "realtime", "", "")
                )
                .ToList()
        );
    }

    public static async Task<Open311Result> Definition(
        string code,
        string format,
        string? jurisdiction_id,
        WorkflowDbContext db,
        IOptions<Open311Options> options,
        CancellationToken ct
    )
    {
        format = Open311Formats.Normalize(format);
        if (Refused(format, jurisdiction_id, options.Value) is { } refused)
        {
            return refused;
        }

        return await db.Categories.AnyAsync(c => c.Code == code && c.Active, ct)
            ? Ok(format, "service_definition", "service_definition", new Open311ServiceDefinition(code, []))
            : Error(format, 404, $"service_code {code} not found");
    }

    public static async Task<Open311Result> Requests(
        string format,
        string? jurisdiction_id,
        string? service_request_id,
        string? service_code,
        string? start_date,
        string? end_date,
        string? status,
        WorkflowDbContext db,
        IOptions<Open311Options> options,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        format = Open311Formats.Normalize(format);
        if (Refused(format, jurisdiction_id, options.Value) is { } refused)
        {
            return refused;
        }

        var query = PublicCases(db);
        if (!string.IsNullOrWhiteSpace(service_request_id))
        {
            var ids = Split(service_request_id);
            query = query.Where(c => ids.Contains(c.Number));
        }
        else
        {
            if (!TryDate(start_date, out var start) || !TryDate(end_date, out var end))
            {
                return Error(format, 400, "start_date and end_date are W3C date-times, such as 2026-11-01T00:00:00+08:00");
            }

            var until = end ?? clock.GetUtcNow();
            var since = start ?? until - DefaultWindow;
            query = query.Where(c => c.ReportedAt >= since && c.ReportedAt <= until);
            if (!string.IsNullOrWhiteSpace(service_code))
            {
                var codes = Split(service_code);
                query = query.Where(c => codes.Contains(c.Category));
            }

            if (!string.IsNullOrWhiteSpace(status))
            {
                var statuses = Split(status);
                if (statuses.Any(s => s is not ("open" or "closed")))
                {
                    return Error(format, 400, "status is open, closed, or both separated by a comma");
                }

                query =
                    statuses.Contains("open") == statuses.Contains("closed") ? query
                    : statuses.Contains("closed") ? query.Where(c => c.State == CaseState.Closed || c.State == CaseState.Voided)
                    : query.Where(c => c.State != CaseState.Closed && c.State != CaseState.Voided);
            }
        }

        var cases = await query.OrderByDescending(c => c.ReportedAt).Take(MaxRequests).ToListAsync(ct);
        return Ok(format, "service_requests", "request", await ToPublicAsync(db, cases, options.Value, ct));
    }

    public static async Task<Open311Result> Request(
        string id,
        string format,
        string? jurisdiction_id,
        WorkflowDbContext db,
        IOptions<Open311Options> options,
        CancellationToken ct
    )
    {
        format = Open311Formats.Normalize(format);
        if (Refused(format, jurisdiction_id, options.Value) is { } refused)
        {
            return refused;
        }

        var found = await PublicCases(db).FirstOrDefaultAsync(c => c.Number == id, ct);
        return found is null
            ? Error(format, 404, $"service_request_id {id} not found")
            : Ok(format, "service_requests", "request", await ToPublicAsync(db, [found], options.Value, ct));
    }

    public static async Task<Open311Result> Token(
        string token,
        string format,
        string? jurisdiction_id,
        WorkflowDbContext db,
        IOptions<Open311Options> options,
        CancellationToken ct
    )
    {
        format = Open311Formats.Normalize(format);
        if (Refused(format, jurisdiction_id, options.Value) is { } refused)
        {
            return refused;
        }

        var number = Guid.TryParse(token, out var id)
            ? await db.Cases.AsNoTracking().Where(c => c.Id == id && c.Channel == CaseChannel.Open311).Select(c => c.Number).FirstOrDefaultAsync(ct)
            : null;
        return number is null
            ? Error(format, 404, $"token {token} not found")
            : Ok(format, "service_requests", "request", new List<Open311Token> { new(number, token) });
    }

    public static async Task<Open311Result> Create(
        string format,
        HttpRequest http,
        WorkflowDbContext db,
        CaseIntake intake,
        IOptions<Open311Options> options,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        format = Open311Formats.Normalize(format);
        IFormCollection form;
        try
        {
            form = http.HasFormContentType ? await http.ReadFormAsync(ct) : FormCollection.Empty;
        }
        catch (InvalidDataException ex)
        {
            return Error(Open311Formats.IsKnown(format) ? format : Open311Formats.Json, 400, $"the form could not be read: {ex.Message}");
        }

        string? Field(string name) => form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;
        if (Refused(format, Field("jurisdiction_id"), options.Value) is { } refused)
        {
            return refused;
        }

        var key = Field("api_key") ?? (http.Query["api_key"].ToString() is { Length: > 0 } fromQuery ? fromQuery.Trim() : null);
        var client = key is null
            ? null
            : await db.Open311Clients.AsNoTracking().FirstOrDefaultAsync(c => c.KeyHash == Open311Client.Hash(key) && c.RevokedAt == null, ct);
        if (client is null)
        {
            return Error(format, 403, key is null ? "api_key is required to create a request" : "api_key is not valid");
        }

        if (Field("service_code") is not { } code)
        {
            return Error(format, 400, "service_code is required");
        }

        double? latitude = null,
            longitude = null;
        if (Field("lat") is not null || Field("long") is not null)
        {
            if (
                !double.TryParse(Field("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                || !double.TryParse(Field("long"), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            )
            {
                return Error(format, 400, "lat and long are both required, as decimal degrees");
            }

            (latitude, longitude) = (y, x);
        }

        Guid? building = null;
        if (Field("address_id") is { } addressId)
        {
            if (!Guid.TryParse(addressId, out var id))
            {
                return Error(format, 400, $"address_id {addressId} is not an address this endpoint knows");
            }

            building = id;
        }

        if (!Spatial.OptionalPoint(latitude, longitude).TryGet(out var point, out var pointError))
        {
            return Error(format, 400, pointError.Message);
        }

        // Intake judges the rest (the category, the building, where, the reporter) as for every channel; its refusals
        // are answered in the spec's terms.
        var name = string.Join(" ", new[] { Field("last_name"), Field("first_name") }.Where(n => n is not null));
        var token = Guid.CreateVersion7(clock.GetUtcNow());
        var report = new ReportCase
        {
            Category = code,
            Description = Field("description") ?? await db.Categories.AsNoTracking().Where(c => c.Code == code).Select(c => c.Name).FirstOrDefaultAsync(ct),
            Channel = CaseChannel.Open311,
            Location = point,
            BuildingId = building,
            Address = Field("address_string"),
            PhotoUrls = Field("media_url") is { } media ? [media] : null,
            ReporterName = name.Length == 0 ? null : name,
            ReporterPhone = Field("phone"),
            SourceRef = $"open311:{token}",
        };
        var outcome = await intake.TakeInAsync(report, new Actor($"open311:{client.Id}", client.Name, null), ct);
        if (!outcome.TryGet(out var taken, out var error))
        {
            return error.Code switch
            {
                "unknown-category" => Error(format, 404, $"service_code {code} not found"),
                "unknown-building" => Error(format, 400, $"address_id {building} is not an address this endpoint knows"),
                "location-required" => Error(format, 400, "a location is required: lat and long, address_string or address_id"),
                _ => Error(format, 400, $"{SpecField(error.Field) ?? error.Code}: {error.Message}"),
            };
        }

        await db.SaveChangesAsync(ct);
        var created = taken;
        var notice = $"受理编号 {created.Number}，将于派遣后按时限办理";
        return new Open311Result(
            StatusCodes.Status201Created,
            format,
            "service_requests",
            "request",
            new List<Open311Created> { new(created.Number, notice, null) }
        );
    }

    private static async Task<List<Open311ServiceRequest>> ToPublicAsync(WorkflowDbContext db, List<Case> cases, Open311Options options, CancellationToken ct)
    {
        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        return
        [
            .. cases.Select(c => new Open311ServiceRequest(
                c.Number,
                c.State is CaseState.Closed or CaseState.Voided ? "closed" : "open",
                c.State switch
                {
                    CaseState.Voided => c.VoidReason,
                    CaseState.Closed or CaseState.Verified or CaseState.Resolved => c.Reply ?? c.Result,
                    _ => null,
                },
                names.GetValueOrDefault(c.Category, c.Category),
                c.Category,
                c.Description,
                c.HandlerLevel switch
                {
                    HandlerLevel.Department => c.Department,
                    HandlerLevel.Grid => $"{options.Agency}网格",
                    HandlerLevel.Community => $"{options.Agency}社区",
                    _ => options.Agency,
                },
                null,
                c.ReportedAt,
                c.UpdatedAt,
                c.Deadline.DueAt,
                c.Address?.Masked,
                null,
                null,
                c.Location?.Y,
                c.Location?.X,
                c.PhotoUrls.FirstOrDefault()
            )),
        ];
    }

    private static Open311Result? Refused(string format, string? jurisdiction, Open311Options options)
    {
        if (!Open311Formats.IsKnown(format))
        {
            return Error(Open311Formats.Json, 404, $"format {format} is not served: use .json or .xml");
        }

        // An empty optional parameter is the same as an absent one.
        return !string.IsNullOrWhiteSpace(jurisdiction) && jurisdiction != options.Jurisdiction
            ? Error(format, 404, $"jurisdiction_id {jurisdiction} not found")
            : null;
    }

    /// <summary>
    /// What the public may read: never a case of a private category (one whose cases are mediated: disputes name
    /// private parties), nor one that is or ever was in mediation, whatever type it has now; decided by the category
    /// and the case's whole life, so a dispute is private from the moment it is reported, and stays so if voided.
    /// </summary>
    private static IQueryable<Case> PublicCases(WorkflowDbContext db) =>
        db
            .Cases.AsNoTracking()
            .Where(c =>
                c.Type != CaseType.Mediation
                && !db.Categories.Any(k => k.Code == c.Category && k.DefaultType == CaseType.Mediation)
                && !db.CaseSteps.Any(s => s.CaseId == c.Id && s.To == CaseState.Mediating)
            );

    /// <summary>The spec's name for an intake field, so an error names what the client sent.</summary>
    private static string? SpecField(string? field) =>
        field switch
        {
            null => null,
            "photoUrls" => "media_url",
            "address" => "address_string",
            "buildingId" => "address_id",
            "latitude" => "lat",
            "longitude" => "long",
            "category" => "service_code",
            "reporterPhone" => "phone",
            "reporterName" => "first_name",
            _ => field,
        };

    private static Open311Result Ok(string format, string root, string item, object body) => new(StatusCodes.Status200OK, format, root, item, body);

    internal static Open311Result Error(string format, int status, string description) =>
        new(status, format, "errors", "error", new List<Open311Error> { new(status, description) });

    private static List<string> Split(string value) => [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool TryDate(string? value, out DateTimeOffset? at)
    {
        at = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        at = parsed.ToUniversalTime();
        return true;
    }
}

/// <summary>Input the platform refuses for every endpoint (text Postgres cannot hold) is answered in the spec's error list.</summary>
internal sealed class Open311InputRefusal : Platform.BuildingBlocks.Input.IInputRefusal
{
    public IResult Refuse(HttpContext context, string field, string message) =>
        Open311Api.Error(
            context.GetRouteValue("format") is string format && Open311Formats.IsKnown(format) ? format : Open311Formats.Json,
            StatusCodes.Status400BadRequest,
            $"{field} {message}"
        );
}
