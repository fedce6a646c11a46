using System.Text.Json.Serialization;
using Platform.ServiceDefaults.Domain;

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

/// <summary>How one kind of input turns into points: per event, or per unit of its quantity (hours, say), up to a cap.</summary>
public sealed record RubricItem(string Input, decimal PointsPer, bool PerQuantity = false, decimal? Cap = null);

/// <summary>A component of an index (服务, 组织生活...): its items, and the range its points are held to.</summary>
public sealed record RubricComponent(string Code, string Name, decimal MaxPoints, IReadOnlyList<RubricItem> Items, decimal MinPoints = 0);

/// <summary>A grade or star rating, reached from <paramref name="MinScore"/> up.</summary>
public sealed record RubricGrade(string Name, decimal MinScore);

/// <summary>
/// A version of an index's rubric: a base score, components with their items and caps, inputs that reset
/// the score (一票否决), grades. Kept as data; a period is always scored by the version in force then.
/// </summary>
public sealed record Rubric(
    IndexKind Index, int Version, decimal BaseScore, decimal MaxScore, IReadOnlyList<RubricComponent> Components, IReadOnlyList<string> ResetInputs,
    IReadOnlyList<RubricGrade> Grades, string? OrganizationType = null)
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
            if (component is null || string.IsNullOrWhiteSpace(component.Code) || component.Items is null || component.Items.Any(i => i is null || string.IsNullOrWhiteSpace(i.Input)))
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

    /// <summary>
    /// The default Vanguard rubric (先锋指数) for members: a basic 60, points for service, cases handled,
    /// visits, party life and commendations, penalties taken off, and a serious disciplinary sanction resetting
    /// the score (see docs/indices.md).
    /// </summary>
    public static Rubric DefaultVanguard { get; } = new(
        IndexKind.Vanguard, 1, BaseScore: 60, MaxScore: 100,
        Components:
        [
            new("service", "志愿服务 (volunteer service)", 15, [new("ServiceHoursApproved", 0.5m, PerQuantity: true, Cap: 12), new("WishFulfilled", 1, Cap: 5)]),
            new("cases", "接诉即办 (cases handled)", 10, [new("CaseClosedOnTime", 1), new("CaseRatedSatisfied", 0.5m)]),
            new("visits", "联系服务群众 (visits)", 5, [new("VisitLogged", 0.5m)]),
            new("party-life", "组织生活 (party life)", 10, [new("ActivityAttended", 1), new("RegisteredInCommunity", 2, Cap: 2)]),
            new("commendations", "表彰 (commendations)", 10, [new("Commendation", 5)]),
            new("penalties", "扣分 (penalties)", 0, [new("Penalty", -5), new("CaseOverdue", -1)], MinPoints: -30),
        ],
        ResetInputs: ["SeriousDisciplinarySanction"],
        Grades: [new("★★★★★", 90), new("★★★★", 80), new("★★★", 70), new("★★", 60), new("★", 0)]);
}
