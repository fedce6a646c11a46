using Platform.Workflow.Cases;
using Platform.Workflow.Routing;

namespace Platform.Workflow.Tests;

public class RoutingRulesTests
{
    private static readonly Guid Grid = Guid.NewGuid();
    private static readonly Guid Community = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static RoutingRule Rule(
        string? category,
        HandlerLevel level,
        Guid? grid = null,
        Guid? community = null,
        string? layer = null,
        string? department = null,
        int minutes = 0
    ) => RoutingRule.Create(category, grid, community, level, layer, department, null, T0.AddMinutes(minutes)).Value!;

    private static string? Departments(string layer) => layer == "urban-management" ? "cgj-hexi" : null;

    [Fact]
    public void Without_a_matching_rule_the_case_goes_to_the_lowest_level_that_has_it()
    {
        Assert.Equal(HandlerLevel.Grid, Router.Choose([], "garbage", Grid, Community, Departments).Level);
        Assert.Equal(HandlerLevel.Community, Router.Choose([], "garbage", null, Community, Departments).Level);
        Assert.Equal(HandlerLevel.Subdistrict, Router.Choose([], "garbage", null, null, Departments).Level);
    }

    [Fact]
    public void A_layer_rule_sends_the_case_to_the_department_responsible_for_that_layer_in_the_grid()
    {
        var rule = Rule("road-damage", HandlerLevel.Department, layer: "urban-management");

        var route = Router.Choose([rule], "road-damage", Grid, Community, Departments);

        Assert.Equal(HandlerLevel.Department, route.Level);
        Assert.Equal("cgj-hexi", route.Department);
        Assert.Equal(rule.Id, route.RuleId);
    }

    [Fact]
    public void A_layer_without_a_known_department_in_the_grid_goes_to_the_subdistrict_to_dispatch_by_hand()
    {
        var route = Router.Choose([Rule("noise", HandlerLevel.Department, layer: "public-security")], "noise", Grid, Community, Departments);

        Assert.Equal(HandlerLevel.Subdistrict, route.Level);
        Assert.Contains("public-security", route.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_most_specific_rule_wins_category_over_place_and_grid_over_community()
    {
        var anyGarbage = Rule("garbage", HandlerLevel.Community);
        var thisGridAnything = Rule(null, HandlerLevel.Subdistrict, grid: Grid);
        var thisGridGarbage = Rule("garbage", HandlerLevel.Grid, grid: Grid);
        var communityGarbage = Rule("garbage", HandlerLevel.Department, community: Community, department: "street-cleaning");
        RoutingRule[] all = [anyGarbage, thisGridAnything, thisGridGarbage, communityGarbage];

        Assert.Equal(thisGridGarbage.Id, Router.Choose(all, "garbage", Grid, Community, Departments).RuleId);
        Assert.Equal(communityGarbage.Id, Router.Choose(all, "garbage", Guid.NewGuid(), Community, Departments).RuleId);
        Assert.Equal("street-cleaning", Router.Choose(all, "garbage", Guid.NewGuid(), Community, Departments).Department);
        Assert.Equal(anyGarbage.Id, Router.Choose(all, "garbage", Guid.NewGuid(), Guid.NewGuid(), Departments).RuleId);
        Assert.Equal(thisGridAnything.Id, Router.Choose(all, "noise", Grid, Community, Departments).RuleId);
    }

    [Fact]
    public void A_grid_level_rule_for_a_case_outside_every_grid_goes_to_its_community()
    {
        var route = Router.Choose([Rule("garbage", HandlerLevel.Grid)], "garbage", null, Community, Departments);

        Assert.Equal(HandlerLevel.Community, route.Level);
    }

    [Theory]
    [InlineData(HandlerLevel.Department, null, null, "department-rule-target")]
    [InlineData(HandlerLevel.Department, "urban-management", "cgj", "department-rule-target")]
    [InlineData(HandlerLevel.Grid, "urban-management", null, "layer-without-department-level")]
    public void A_rule_that_cannot_name_a_handler_is_refused(HandlerLevel level, string? layer, string? department, string code)
    {
        var created = RoutingRule.Create("noise", null, null, level, layer, department, null, T0);

        Assert.Equal(code, created.Error!.Code);
    }
}
