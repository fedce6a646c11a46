using System.Text.Json.Serialization;

namespace Platform.Workflow.Open311;

/// <summary>GET services: one per case category (GeoReport v2 field names).</summary>
public sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string Keywords,
    [property: JsonPropertyName("group")] string Group
);

/// <summary>GET services/{code}: no extra attributes are asked for (metadata is false for every service).</summary>
public sealed record Open311ServiceDefinition(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("attributes")] IReadOnlyList<object> Attributes
);

/// <summary>GET requests and requests/{id}: a case as the public sees it (no reporter, the address masked).</summary>
public sealed record Open311ServiceRequest(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string? StatusNotes,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("agency_responsible")] string? AgencyResponsible,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice,
    [property: JsonPropertyName("requested_datetime")] DateTimeOffset RequestedDatetime,
    [property: JsonPropertyName("updated_datetime")] DateTimeOffset UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime")] DateTimeOffset? ExpectedDatetime,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("address_id")] string? AddressId,
    [property: JsonPropertyName("zipcode")] string? Zipcode,
    [property: JsonPropertyName("lat")] double? Lat,
    [property: JsonPropertyName("long")] double? Long,
    [property: JsonPropertyName("media_url")] string? MediaUrl
);

/// <summary>
/// POST requests: the case is created at once, so its id comes back and no token (the spec: the id "should not be
/// returned if token is returned", and the other way round).
/// </summary>
public sealed record Open311Created(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice,
    [property: JsonPropertyName("account_id")] string? AccountId
);

/// <summary>GET discovery: where the endpoint is, which specification and formats it speaks, whom to ask.</summary>
public sealed record Open311Discovery(
    [property: JsonPropertyName("changeset")] DateTimeOffset Changeset,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("key_service")] string KeyService,
    [property: JsonPropertyName("endpoints")] IReadOnlyList<Open311Endpoint> Endpoints
);

public sealed record Open311Endpoint(
    [property: JsonPropertyName("specification")] string Specification,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("changeset")] DateTimeOffset Changeset,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("formats")] IReadOnlyList<string> Formats
);

/// <summary>GET tokens/{token}.</summary>
public sealed record Open311Token(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("token")] string Token
);
