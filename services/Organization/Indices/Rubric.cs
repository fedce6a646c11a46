using System.Text.Json.Serialization;
using Platform.BuildingBlocks.Domain;
using Platform.Organization.PartyOrganizations;

namespace Platform.Organization.Indices;

/// <summary>The three indices of the evaluation system (考评体系): the subdistrict's, each party organization's, each member's.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndexKind>))]
public enum IndexKind
{
    /// <summary>先锋指数: a party member's.</summary>
    Vanguard,

    /// <summary>堡垒指数: a party organization's.</summary>
    Fortress,

    /// <summary>服务指数: the subdistrict's and each community's.</summary>
    Service,
}

/// <summary>
/// How one kind of input turns into points: per event, per unit of its quantity (hours, say), or, with
/// <paramref name="OutOf"/>, as a rate (closed on time out of closed: <paramref name="PointsPer"/> × the share); up to a cap.
/// </summary>
public sealed record RubricItem(string Input, decimal PointsPer, bool PerQuantity = false, decimal? Cap = null, string? OutOf = null);

/// <summary>
/// A component of an index (服务, 组织生活...): its items, and the range its points are held to. A Fortress
/// component can be for some organization types only (<paramref name="ForTypes"/>: community branches, unit
/// organizations...); it is left out of the others' scores.
/// </summary>
public sealed record RubricComponent(
    string Code,
    string Name,
    decimal MaxPoints,
    IReadOnlyList<RubricItem> Items,
    decimal MinPoints = 0,
    IReadOnlyList<string>? ForTypes = null
)
{
    public bool AppliesTo(string? organizationType) => ForTypes is not { Count: > 0 } || organizationType is not null && ForTypes.Contains(organizationType);
}

/// <summary>A grade or star rating, reached from <paramref name="MinScore"/> up.</summary>
public sealed record RubricGrade(string Name, decimal MinScore);

/// <summary>
/// A version of an index's rubric: a base score, components with their items and caps, inputs that reset
/// the score (一票否决), grades. Kept as data; a period is always scored by the version in force then.
/// </summary>
public sealed record Rubric(
    IndexKind Index,
    int Version,
    decimal BaseScore,
    decimal MaxScore,
    IReadOnlyList<RubricComponent> Components,
    IReadOnlyList<string> ResetInputs,
    IReadOnlyList<RubricGrade> Grades
)
{
    /// <summary>What must hold before a draft is published; every broken rule named.</summary>
    public IReadOnlyList<DomainError> Check()
    {
        var errors = new List<DomainError>();
        void Add(string code, string message) => errors.Add(DomainError.Invalid("components", code, message));
        if (BaseScore < 0 || MaxScore <= 0 || BaseScore > MaxScore)
        {
            Add("invalid-score-range", "The base score is from 0 to the maximum score, which is positive.");
        }

        foreach (var duplicate in Components.Where(c => c is not null).GroupBy(c => c.Code).Where(g => g.Count() > 1))
        {
            Add("duplicate-component", $"Component '{duplicate.Key}' appears more than once.");
        }

        foreach (var component in Components)
        {
            if (
                component is null
                || string.IsNullOrWhiteSpace(component.Code)
                || component.Items is null
                || component.Items.Any(i => i is null || string.IsNullOrWhiteSpace(i.Input))
            )
            {
                Add("incomplete-component", "Every component has a code and items, and every item names its input.");
                continue;
            }

            if (component.MinPoints > component.MaxPoints)
            {
                Add("invalid-component-range", $"Component '{component.Code}': its least points are above its most.");
            }

            if (component.Items.Count == 0)
            {
                Add("empty-component", $"Component '{component.Code}' has no items.");
            }

            foreach (var item in component.Items.Where(i => i.PointsPer == 0 || i.Cap is <= 0))
            {
                Add("invalid-item", $"Component '{component.Code}', input '{item.Input}': points per input are not 0 and a cap is positive.");
            }

            foreach (var item in component.Items.Where(i => i.OutOf is not null && (i.PerQuantity || i.OutOf == i.Input || string.IsNullOrWhiteSpace(i.OutOf))))
            {
                Add("invalid-rate", $"Component '{component.Code}', input '{item.Input}': a rate counts one input out of another, not per quantity.");
            }

            foreach (
                var type in (component.ForTypes ?? []).Where(t =>
                    !Enum.TryParse<OrganizationKind>(t, out var kind) || !Enum.IsDefined(kind) || int.TryParse(t, out _)
                )
            )
            {
                Add(
                    "unknown-organization-type",
                    $"Component '{component.Code}': '{type}' is not an organization type ({string.Join(", ", Enum.GetNames<OrganizationKind>())})."
                );
            }

            if (component.ForTypes is { Count: > 0 } && Index != IndexKind.Fortress)
            {
                Add("types-only-for-fortress", $"Component '{component.Code}': only the Fortress Index scores by organization type.");
            }
        }

        if (Grades.Any(g => g is null || string.IsNullOrWhiteSpace(g.Name)))
        {
            Add("incomplete-grade", "Every grade has a name.");
        }
        else if (Grades.GroupBy(g => g.MinScore).Any(g => g.Count() > 1))
        {
            Add("duplicate-grade", "Two grades start at the same score.");
        }

        return errors;
    }
}
