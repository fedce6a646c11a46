using Platform.BuildingBlocks.Domain;
using Platform.Contracts;
using Platform.Contracts.Grid;
using Platform.Grid.People;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Staffing;

public enum GridPostKind
{
    /// <summary>网格长: community staff of the grid's community, keeping their original duties; exactly one per grid.</summary>
    Leader,

    /// <summary>网格协管员: full-time, from the comprehensive management team.</summary>
    Assistant,

    /// <summary>网格参与员: residents and members who help, each with a category.</summary>
    Participant,

    /// <summary>网格指导员: a subdistrict cadre who liaises with the community.</summary>
    Instructor,
}

public enum ParticipantCategory
{
    PartyMemberBackbone,
    ResidentRepresentative,
    GroupLeader,
    BuildingLeader,
    Retiree,

    /// <summary>两代表一委员: a deputy to the people's congress or party congress, or a CPPCC member.</summary>
    DeputyOrMember,
    Volunteer,
    Other,
}

/// <summary>A person's post in a grid over a period: the seed's staffing rules are checked when it is taken up.</summary>
public sealed class GridPost : Aggregate
{
    public const int MaxDutiesLength = 200;

    private GridPost() { }

    public Guid Id { get; private set; }

    public Guid GridId { get; private set; }

    public Guid CommunityId { get; private set; }

    public Guid PersonId { get; private set; }

    public GridPostKind Kind { get; private set; }

    public ParticipantCategory? Category { get; private set; }

    /// <summary>A leader's original duties, which they keep (dual responsibility).</summary>
    public string? OriginalDuties { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsActive => To is null;

    /// <param name="postsInGrid">The grid's active posts.</param>
    /// <param name="teamMember">The person's entry in the comprehensive management team roster, if any.</param>
    public static Result<GridPost> TakeUp(
        GridEntity grid,
        KnownPerson person,
        GridPostKind kind,
        ParticipantCategory? category,
        string? originalDuties,
        IReadOnlyCollection<GridPost> postsInGrid,
        TeamMember? teamMember,
        DateOnly from,
        DateTimeOffset now
    )
    {
        if (!grid.IsActive)
        {
            return DomainError.Conflict("grid-retired", "The grid is retired; no one can take up a post in it.");
        }

        if (postsInGrid.Any(p => p.PersonId == person.Id && p.Kind == kind))
        {
            return DomainError.Conflict("already-in-post", $"{person.Name} already holds this post in the grid.");
        }

        originalDuties = string.IsNullOrWhiteSpace(originalDuties) ? null : originalDuties.Trim();
        var error = kind switch
        {
            GridPostKind.Leader when postsInGrid.Any(p => p.Kind == GridPostKind.Leader) => DomainError.Conflict(
                "leader-in-post",
                "The grid already has a leader; end that post first (one leader per grid)."
            ),
            GridPostKind.Leader when person.StaffCommunityId != grid.CommunityId => DomainError.Conflict(
                "leader-not-community-staff",
                $"{person.Name} is not community staff of the grid's community; a grid leader must be."
            ),
            GridPostKind.Leader when originalDuties is null or { Length: > MaxDutiesLength } => DomainError.Invalid(
                "originalDuties",
                "original-duties-required",
                $"A grid leader keeps their original duties (dual responsibility): name them (at most {MaxDutiesLength} characters)."
            ),
            GridPostKind.Assistant when teamMember is not { Active: true, FullTime: true } => DomainError.Conflict(
                "assistant-not-full-time-team-member",
                $"{person.Name} is not a full-time member of the comprehensive management team; grid assistants are."
            ),
            GridPostKind.Participant when category is null => DomainError.Invalid(
                "category",
                "participant-category-required",
                $"A grid participant has a category: {string.Join(", ", Enum.GetNames<ParticipantCategory>())}."
            ),
            GridPostKind.Instructor when !person.IsCadre => DomainError.Conflict(
                "instructor-not-cadre",
                $"{person.Name} is not a subdistrict cadre; a grid instructor is."
            ),
            GridPostKind.Instructor when postsInGrid.Any(p => p.Kind == GridPostKind.Instructor) => DomainError.Conflict(
                "instructor-in-post",
                "The grid already has an instructor; end that post first."
            ),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var post = new GridPost
        {
            Id = Guid.CreateVersion7(),
            GridId = grid.Id,
            CommunityId = grid.CommunityId,
            PersonId = person.Id,
            Kind = kind,
            Category = kind == GridPostKind.Participant ? category : null,
            OriginalDuties = kind == GridPostKind.Leader ? originalDuties : null,
            From = from,
            UpdatedAt = now,
        };
        post.Changed();
        return post;
    }

    public DomainError? End(DateOnly on, DateTimeOffset now)
    {
        if (!IsActive)
        {
            return DomainError.Conflict("post-ended", "The post has already ended.");
        }

        if (on < From)
        {
            return DomainError.Invalid("on", "end-before-start", "A post cannot end before it started.");
        }

        To = on;
        UpdatedAt = now;
        Changed();
        return null;
    }

    protected override IntegrationEvent Snapshot() => ToEvent();

    public GridStaffChanged ToEvent() =>
        new()
        {
            AssignmentId = Id,
            GridId = GridId,
            CommunityId = CommunityId,
            PersonId = PersonId,
            Post = Kind.ToString(),
            Category = Category?.ToString(),
            Active = IsActive,
            From = From,
            To = To,
            OccurredAt = UpdatedAt,
        };
}

/// <summary>A member of the subdistrict's comprehensive management team (综治队伍), from which grid assistants come.</summary>
public sealed class TeamMember
{
    private TeamMember() { }

    public Guid PersonId { get; private set; }

    public bool FullTime { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static TeamMember Enrol(Guid personId, bool fullTime, DateTimeOffset now) =>
        new()
        {
            PersonId = personId,
            FullTime = fullTime,
            Active = true,
            UpdatedAt = now,
        };

    public void Change(bool fullTime, bool active, DateTimeOffset now) => (FullTime, Active, UpdatedAt) = (fullTime, active, now);
}

/// <summary>
/// How many full-time assistants a grid should have, from its complexity (0–100):
/// <c>clamp(ceil(complexity / PointsPerAssistant), Minimum, Maximum)</c>. The admin adjusts the three numbers.
/// </summary>
public sealed class AssistantQuota
{
    public const int SingletonId = 1;

    private AssistantQuota() { }

    public int Id { get; private set; } = SingletonId;

    public int PointsPerAssistant { get; private set; } = 25;

    public int Minimum { get; private set; } = 1;

    public int Maximum { get; private set; } = 4;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static AssistantQuota Default => new();

    public int SuggestedFor(int complexity) => Math.Clamp((int)Math.Ceiling(complexity / (double)PointsPerAssistant), Minimum, Maximum);

    public DomainError? Set(int? pointsPerAssistant, int? minimum, int? maximum, DateTimeOffset now)
    {
        if (pointsPerAssistant is not (>= 1 and <= 100) || minimum is not (>= 0 and <= 20) || maximum is not (>= 0 and <= 20) || minimum > maximum)
        {
            return DomainError.Invalid(
                "pointsPerAssistant",
                "invalid-quota",
                "pointsPerAssistant is 1–100; minimum and maximum are 0–20 with minimum ≤ maximum."
            );
        }

        (PointsPerAssistant, Minimum, Maximum, UpdatedAt) = (pointsPerAssistant.Value, minimum.Value, maximum.Value, now);
        return null;
    }
}
