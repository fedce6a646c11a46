using System.ComponentModel.DataAnnotations;
using Platform.BuildingBlocks.Domain;
using Platform.Contracts.Volunteer;

namespace Platform.Volunteer.Projects;

public enum ProjectStatus
{
    Draft,
    Published,

    /// <summary>As many units' claims are confirmed as the project needs.</summary>
    Claimed,
    InProgress,
    Completed,
    Evaluated,
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ClaimStatus>))]
public enum ClaimStatus
{
    Pending,
    Confirmed,
    Declined,
}

/// <summary>A member unit's claim (认领) of a project; the publisher confirms or declines it.</summary>
public sealed record ProjectClaim(Guid UnitId, string UnitName, ClaimStatus Status, DateTimeOffset ClaimedAt, DateTimeOffset? DecidedAt);

/// <summary>The publisher's evaluation of a claiming unit at the end (1–5 and a comment).</summary>
public sealed record UnitEvaluation([property: Required] Guid UnitId, int Rating, string Comment);

/// <summary>
/// A public-service project (公益服务项目) published by the subdistrict or a community and claimed by member
/// units: Draft → Published → Claimed → In progress → Completed → Evaluated.
/// </summary>
public sealed class Project : Aggregate
{
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 1000;

    private Project() { }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The field of service (助老, 环保, 青少年教育...).</summary>
    public string Field { get; private set; } = "";

    /// <summary>The publishing community, or none for a subdistrict project.</summary>
    public Guid? CommunityId { get; private set; }

    public Guid? GridId { get; private set; }

    public string Goal { get; private set; } = "";

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public int UnitsNeeded { get; private set; }

    public ProjectStatus Status { get; private set; }

    public List<ProjectClaim> Claims { get; private set; } = [];

    public List<UnitEvaluation> Evaluations { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public IEnumerable<ProjectClaim> ConfirmedClaims => Claims.Where(c => c.Status == ClaimStatus.Confirmed);

    public static Result<Project> Draft(
        string? title,
        string? field,
        Guid? communityId,
        Guid? gridId,
        string? goal,
        DateOnly? from,
        DateOnly? to,
        int? unitsNeeded,
        DateTimeOffset now
    )
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength)
        {
            return DomainError.Invalid("title", "invalid-title", $"title is required and at most {MaxTitleLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(field) || field.Trim().Length > 40 || string.IsNullOrWhiteSpace(goal) || goal.Trim().Length > MaxTextLength)
        {
            return DomainError.Invalid(
                string.IsNullOrWhiteSpace(goal) ? "goal" : "field",
                "invalid-project",
                $"field (at most 40 characters) and goal (at most {MaxTextLength}) are required."
            );
        }

        if (from is not { } start || to is not { } end || end < start)
        {
            return DomainError.Invalid("to", "invalid-period", "from and to are required dates, to not before from.");
        }

        if (unitsNeeded is not (>= 1 and <= 50))
        {
            return DomainError.Invalid("unitsNeeded", "invalid-units-needed", "unitsNeeded is 1 to 50.");
        }

        return new Project
        {
            Id = Guid.CreateVersion7(),
            Title = title.Trim(),
            Field = field.Trim(),
            CommunityId = communityId,
            GridId = gridId,
            Goal = goal.Trim(),
            From = start,
            To = end,
            UnitsNeeded = unitsNeeded.Value,
            Status = ProjectStatus.Draft,
            UpdatedAt = now,
            Version = 1,
        };
    }

    public DomainError? Publish(DateTimeOffset now) => Move(ProjectStatus.Draft, ProjectStatus.Published, now);

    public DomainError? Claim(Guid unitId, string unitName, DateTimeOffset now)
    {
        if (Status is not (ProjectStatus.Published or ProjectStatus.Claimed))
        {
            return DomainError.Conflict("project-not-open", $"The project is {Status}; units claim published projects.");
        }

        if (Claims.Any(c => c.UnitId == unitId && c.Status != ClaimStatus.Declined))
        {
            return DomainError.Conflict("already-claimed", $"{unitName} has already claimed this project.");
        }

        Claims = [.. Claims, new ProjectClaim(unitId, unitName, ClaimStatus.Pending, now, null)];
        Touch(now);
        return null;
    }

    /// <summary>The publisher confirms (or declines) a pending claim; with enough confirmed units the project is Claimed.</summary>
    public Result<ProjectClaimed?> Decide(Guid unitId, bool confirm, Guid? partyOrganizationId, DateTimeOffset now)
    {
        var claim = Claims.FirstOrDefault(c => c.UnitId == unitId && c.Status == ClaimStatus.Pending);
        if (claim is null)
        {
            return DomainError.NotFound("claim-not-found", "This unit has no pending claim on the project.");
        }

        if (confirm && ConfirmedClaims.Count() >= UnitsNeeded)
        {
            return DomainError.Conflict("units-enough", $"The project already has the {UnitsNeeded} unit(s) it needs.");
        }

        Claims = [.. Claims.Select(c => c == claim ? c with { Status = confirm ? ClaimStatus.Confirmed : ClaimStatus.Declined, DecidedAt = now } : c)];
        if (confirm && ConfirmedClaims.Count() == UnitsNeeded)
        {
            Status = ProjectStatus.Claimed;
        }

        Touch(now);
        return confirm
            ? Raised(
                new ProjectClaimed
                {
                    ProjectId = Id,
                    Title = Title,
                    UnitId = unitId,
                    PartyOrganizationId = partyOrganizationId,
                    CommunityId = CommunityId,
                    OccurredAt = now,
                }
            )
            : (ProjectClaimed?)null;
    }

    public DomainError? Start(DateTimeOffset now) => Move(ProjectStatus.Claimed, ProjectStatus.InProgress, now);

    public DomainError? Complete(DateTimeOffset now) => Move(ProjectStatus.InProgress, ProjectStatus.Completed, now);

    /// <summary>The publisher evaluates every confirmed unit at the end.</summary>
    public DomainError? Evaluate(IReadOnlyCollection<UnitEvaluation> evaluations, DateTimeOffset now)
    {
        if (Status != ProjectStatus.Completed)
        {
            return DomainError.Conflict("project-not-completed", $"The project is {Status}; it is evaluated once completed.");
        }

        var units = ConfirmedClaims.Select(c => c.UnitId).ToHashSet();
        if (!units.SetEquals(evaluations.Select(e => e.UnitId)) || evaluations.Any(e => e.Rating is < 1 or > 5 || e.Comment.Length > MaxTextLength))
        {
            return DomainError.Invalid("evaluations", "invalid-evaluations", "Evaluate each confirmed unit once, rating 1 to 5.");
        }

        Evaluations = [.. evaluations];
        return Move(ProjectStatus.Completed, ProjectStatus.Evaluated, now);
    }

    private DomainError? Move(ProjectStatus from, ProjectStatus to, DateTimeOffset now)
    {
        if (Status != from)
        {
            return DomainError.Conflict("invalid-project-transition", $"The project is {Status}; only a {from} project becomes {to}.");
        }

        Status = to;
        Touch(now);
        return null;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
