using Platform.Workflow.Cases;

namespace Platform.Workflow.Routing;

/// <summary>
/// Dispatch by the rules: the most specific matching rule decides the level, and the level resolves to the
/// lowest handler that exists for the case. A grid-level rule for a case outside every grid goes to the
/// community, then the subdistrict; a layer whose department is not known in the case's grid goes to the
/// subdistrict, which dispatches by hand. With no matching rule: the grid when the case has one, else the
/// community, else the subdistrict.
/// </summary>
public static class Router
{
    public static CaseRoute Choose(IEnumerable<RoutingRule> rules, string category, Guid? gridId, Guid? communityId, Func<string, string?> departmentForLayer)
    {
        var rule = rules
            .Where(r => r.Matches(category, gridId, communityId))
            .OrderByDescending(r => r.Specificity)
            .ThenBy(r => r.CreatedAt)
            .ThenBy(r => r.Id)
            .FirstOrDefault();
        if (rule is null)
        {
            return Lowest(HandlerLevel.Grid, gridId, communityId, null, "no rule matched: the lowest level that has the case");
        }

        var why = $"rule {rule.Id}{(rule.Note is null ? "" : $" ({rule.Note})")}";
        if (rule.Level != HandlerLevel.Department)
        {
            return Lowest(rule.Level, gridId, communityId, rule.Id, why);
        }

        if (rule.Department is { } named)
        {
            return new CaseRoute(HandlerLevel.Department, named, rule.Id, $"{why}: department {named}");
        }

        return departmentForLayer(rule.Layer!) is { } department
            ? new CaseRoute(HandlerLevel.Department, department, rule.Id, $"{why}: the {rule.Layer} department of the case's grid, {department}")
            : new CaseRoute(
                HandlerLevel.Subdistrict,
                null,
                rule.Id,
                $"{why}: no department answers for {rule.Layer} in the case's grid; the subdistrict dispatches by hand"
            );
    }

    private static CaseRoute Lowest(HandlerLevel level, Guid? gridId, Guid? communityId, Guid? ruleId, string why) =>
        level switch
        {
            HandlerLevel.Grid when gridId is not null => new CaseRoute(HandlerLevel.Grid, null, ruleId, $"{why}: the grid"),
            HandlerLevel.Grid or HandlerLevel.Community when communityId is not null => new CaseRoute(
                HandlerLevel.Community,
                null,
                ruleId,
                $"{why}: the community"
            ),
            _ => new CaseRoute(HandlerLevel.Subdistrict, null, ruleId, $"{why}: the subdistrict"),
        };
}
