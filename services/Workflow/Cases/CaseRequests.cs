using System.ComponentModel.DataAnnotations;
using Platform.BuildingBlocks.Api;
using Platform.Workflow.Approvals;

namespace Platform.Workflow.Cases;

public sealed record CaseIntakeRequest(
    [property: Required] string? Category,
    string? Description,
    [property: OneOf<CaseChannel>] [property: RequiredWhen("a member of staff reports (residents report through the Resident channel)")] string? Channel,
    [property: OneOf<CasePriority>] string? Priority,
    double? Latitude,
    double? Longitude,
    Guid? GridId,
    Guid? BuildingId,
    string? Address,
    IReadOnlyList<string>? PhotoUrls,
    string? ReporterName,
    string? ReporterPhone,
    IReadOnlyList<Guid>? PhotoIds = null
);

public sealed record RegisterRequest([property: OneOf<CasePriority>] string? Priority, [property: OneOf<CaseType>] string? Type);

public sealed record ReasonRequest(string? Reason);

public sealed record TextRequest([property: Required] string? Text);

public sealed record MergeRequest([property: Required] Guid? Into);

public sealed record DispatchRequest([property: OneOf<HandlerLevel>] string? Level, string? Department);

public sealed record RatingRequest([property: OneOf<CaseRating>] [property: Required] string? Rating, string? Comment, bool? Resolved);

public sealed record VerificationRequest([property: Required] bool? Passed, string? Note);

public sealed record ApprovalRequest([property: OneOf<ApprovalKind>] [property: Required] string? Kind, int? WorkingDays, string? Reason);

public sealed record DecisionRequest([property: Required] bool? Approve, string? Note);
