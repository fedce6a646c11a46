using System.Text.RegularExpressions;
using Platform.BuildingBlocks.Domain;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Categories;

/// <summary>
/// A kind of case (the hotline's 咨询, 求助, 投诉, 举报 and the urban-management kinds below them), with the
/// working days a handler has for it at normal priority. Kept as data: the subdistrict adds and changes them.
/// </summary>
public sealed partial class CaseCategory
{
    public const int MaxNameLength = 50;
    public const int MaxWorkingDays = 60;

    private CaseCategory() { }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Working days from dispatch to the deadline at normal priority (emergencies: the same day).</summary>
    public int WorkingDays { get; private set; }

    /// <summary>The kind of case this category is filed as unless the operator says otherwise (neighbour disputes go to mediation).</summary>
    public CaseType DefaultType { get; private set; }

    /// <summary>Inactive categories are kept for the cases that have them, but new cases cannot use them.</summary>
    public bool Active { get; private set; }

    public long Version { get; private set; }

    public static Result<CaseCategory> Create(string? code, string? name, int? workingDays, CaseType defaultType = CaseType.General)
    {
        if (string.IsNullOrWhiteSpace(code) || !CodePattern().IsMatch(code))
        {
            return DomainError.Invalid("code", "invalid-category-code", "code is 2–40 lower-case letters, digits and dashes, such as road-damage.");
        }

        var category = new CaseCategory { Code = code, Active = true };
        return category.Change(name, workingDays, true, defaultType) is { } error ? error : category;
    }

    /// <summary>The built-in categories (seeded by the first migration); deadlines follow the 12345 hotline's usual terms.</summary>
    public static IReadOnlyList<CaseCategory> Defaults { get; } =
    [
        Default("consultation", "咨询", 3),
        Default("help-request", "求助", 3),
        Default("complaint", "投诉", 13),
        Default("report", "举报", 13),
        Default("garbage", "垃圾清运", 3),
        Default("road-damage", "道路设施破损", 5),
        Default("noise", "噪音扰民", 13),
        Default("pollution", "环境污染", 13),
        Default("fire-hazard", "消防安全隐患", 3),
        Default("public-order", "治安隐患", 3),
        Default("neighbour-dispute", "邻里纠纷", 13, CaseType.Mediation),
        Default("property-management", "物业管理", 13, CaseType.Tripartite),
        Default("other", "其他", 13),
    ];

    public DomainError? Change(string? name, int? workingDays, bool active, CaseType defaultType)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid("name", "invalid-category-name", $"name is required and at most {MaxNameLength} characters.");
        }

        if (workingDays is not { } days || days is < 1 or > MaxWorkingDays)
        {
            return DomainError.Invalid("workingDays", "invalid-working-days", $"workingDays is required, from 1 to {MaxWorkingDays}.");
        }

        (Name, WorkingDays, Active, DefaultType) = (name.Trim(), days, active, defaultType);
        Version++;
        return null;
    }

    private static CaseCategory Default(string code, string name, int days, CaseType type = CaseType.General) =>
        new()
        {
            Code = code,
            Name = name,
            WorkingDays = days,
            Active = true,
            DefaultType = type,
            Version = 1,
        };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}
