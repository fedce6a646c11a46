using NetTopologySuite.Geometries;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Workflow.Cases;

/// <summary>
/// A problem reported through any channel (归口收集: the app, the hotline, a patrol, an inspection, a visit, Open311),
/// as the channel took it. <see cref="CaseIntake"/> is the one path from here to a case: it checks the report
/// (<see cref="Check"/>, then the category, building and grid it names), places it, and numbers it.
/// </summary>
public sealed record ReportCase
{
    public const int MaxNameLength = 50;
    public const int MaxAddressLength = 200;

    /// <summary>The category's code (GET /api/workflow/categories).</summary>
    public required string? Category { get; init; }

    public required string? Description { get; init; }

    public required CaseChannel Channel { get; init; }

    public CasePriority Priority { get; init; } = CasePriority.Normal;

    /// <summary>Where, in one of these ways at least: a point, a grid, a building, an address or (from a visit) a community.</summary>
    public Point? Location { get; init; }

    public Guid? GridId { get; init; }

    public Guid? BuildingId { get; init; }

    public string? Address { get; init; }

    public Guid? CommunityId { get; init; }

    public IReadOnlyList<string>? PhotoUrls { get; init; }

    /// <summary>A reporter who is not signed in (a caller on the hotline, an Open311 client's resident): protected at rest.</summary>
    public string? ReporterName { get; init; }

    public string? ReporterPhone { get; init; }

    /// <summary>The signed-in reporter's account, and their person when they are staff.</summary>
    public string? ReporterSubject { get; init; }

    public Guid? ReporterPersonId { get; init; }

    /// <summary>The report's origin outside this service (visit:{id}, open311:{token}): unique, so a source becomes one case.</summary>
    public string? SourceRef { get; init; }

    /// <summary>
    /// What a report must hold, whatever its channel: checked before the case takes a number, so a refused report
    /// leaves no gap. The category, building and grid it names are checked by intake against what this service knows.
    /// </summary>
    public DomainError? Check()
    {
        if (ReporterName is { } name && (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength))
        {
            return DomainError.Invalid("reporterName", "invalid-reporter-name", $"reporterName is at most {MaxNameLength} characters.");
        }

        if (ReporterPhone is not null && PhoneNumber.Parse(ReporterPhone, "reporterPhone").Error is { } phoneError)
        {
            return phoneError;
        }

        if (Address is { } address && (string.IsNullOrWhiteSpace(address) || address.Trim().Length > MaxAddressLength))
        {
            return DomainError.Invalid("address", "invalid-address", $"address is at most {MaxAddressLength} characters.");
        }

        var description = Description?.Trim();
        if (string.IsNullOrEmpty(description) || description.Length > Case.MaxDescriptionLength)
        {
            return DomainError.Invalid("description", "invalid-description", $"description is required and at most {Case.MaxDescriptionLength} characters.");
        }

        var photos = PhotoUrls ?? [];
        if (photos.Count > Case.MaxPhotos)
        {
            return DomainError.Invalid("photoUrls", "too-many-photos", $"At most {Case.MaxPhotos} photos per case.");
        }

        if (photos.FirstOrDefault(p => !IsWebAddress(p)) is { } bad)
        {
            return DomainError.Invalid(
                "photoUrls",
                "invalid-photo-url",
                $"'{Truncate(bad)}' is not an absolute http(s) address of at most {Case.MaxUrlLength} characters."
            );
        }

        return Location is null && GridId is null && CommunityId is null && BuildingId is null && Address is null
            ? DomainError.Invalid("location", "location-required", "Say where: a point (latitude, longitude), a building, an address or a grid.")
            : null;
    }

    private static bool IsWebAddress(string? url) =>
        url is { Length: > 0 and <= Case.MaxUrlLength }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..60] + "…";
}

/// <summary>
/// What intake settled about a checked report before it becomes a case: the grid and community it falls in, its point
/// (a building's when none was given), the reporter and the address protected, and an open case it may repeat.
/// </summary>
public sealed record IntakeFindings
{
    public required Guid? GridId { get; init; }

    public required Guid? CommunityId { get; init; }

    public required Point? Location { get; init; }

    public CaseReporter? Reporter { get; init; }

    public ProtectedValue? Address { get; init; }

    public Guid? PossibleDuplicateOf { get; init; }
}
