using Platform.BuildingBlocks.Domain;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Routing;

/// <summary>Where a case goes on dispatch, and why.</summary>
public sealed record CaseRoute(HandlerLevel Level, string? Department, Guid? RuleId, string Explanation);

/// <summary>
/// A dispatch rule (分流规则), kept as data the subdistrict edits: for a category and/or a grid or community
/// (each optional: empty matches any), the level that handles it — a grid, its community, the subdistrict, or
/// the department responsible for an overlaid network (layer) in the case's grid, or a named department.
/// </summary>
public sealed class RoutingRule
{
    public const int MaxNoteLength = 200;

    private RoutingRule() { }

    public Guid Id { get; private set; }

    public string? Category { get; private set; }

    public Guid? GridId { get; private set; }

    public Guid? CommunityId { get; private set; }

    public HandlerLevel Level { get; private set; }

    /// <summary>For the Department level: the layer whose responsible department in the case's grid handles it.</summary>
    public string? Layer { get; private set; }

    /// <summary>For the Department level: a named department, when the case is not tied to a layer.</summary>
    public string? Department { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    /// <summary>More specific rules win: a category outweighs a place, a grid outweighs a community.</summary>
    public int Specificity => (Category is null ? 0 : 4) + (GridId is null ? 0 : 2) + (CommunityId is null ? 0 : 1);

    public static Result<RoutingRule> Create(
        string? category,
        Guid? gridId,
        Guid? communityId,
        HandlerLevel level,
        string? layer,
        string? department,
        string? note,
        DateTimeOffset now
    )
    {
        var rule = new RoutingRule { Id = Guid.CreateVersion7(now), CreatedAt = now };
        return rule.Change(category, gridId, communityId, level, layer, department, note, now) is { } error ? error : rule;
    }

    public DomainError? Change(
        string? category,
        Guid? gridId,
        Guid? communityId,
        HandlerLevel level,
        string? layer,
        string? department,
        string? note,
        DateTimeOffset now
    )
    {
        layer = string.IsNullOrWhiteSpace(layer) ? null : layer.Trim();
        department = string.IsNullOrWhiteSpace(department) ? null : department.Trim();
        if (level == HandlerLevel.Department && (layer is null) == (department is null))
        {
            return DomainError.Invalid(
                "layer",
                "department-rule-target",
                "A Department rule names either a layer (its department in the case's grid) or a department, not both."
            );
        }

        if (level != HandlerLevel.Department && (layer is not null || department is not null))
        {
            return DomainError.Invalid("level", "layer-without-department-level", "layer and department belong to Department rules only.");
        }

        if (gridId is not null && communityId is not null)
        {
            return DomainError.Invalid("communityId", "grid-or-community", "A rule matches a grid or a community, not both.");
        }

        if (note is { Length: > MaxNoteLength })
        {
            return DomainError.Invalid("note", "invalid-note", $"note is at most {MaxNoteLength} characters.");
        }

        (Category, GridId, CommunityId, Level, Layer, Department, Note, UpdatedAt) = (
            string.IsNullOrWhiteSpace(category) ? null : category.Trim(),
            gridId,
            communityId,
            level,
            layer,
            department,
            note?.Trim(),
            now
        );
        Version++;
        return null;
    }

    public bool Matches(string category, Guid? gridId, Guid? communityId) =>
        (Category is null || Category == category) && (GridId is null || GridId == gridId) && (CommunityId is null || CommunityId == communityId);
}
