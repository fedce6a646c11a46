using System.Globalization;
using Platform.Organization.Indices;

namespace Platform.Organization.Tests;

/// <summary>The index rubric arithmetic, without a server: items, caps, ranges, resets, grades, and order not mattering.</summary>
public class IndexRubricTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static IndexInput Input(string kind, decimal quantity = 1, int day = 1) => new(Guid.NewGuid(), kind, quantity, T0.AddDays(day));

    [Fact]
    public void A_members_month_scores_as_worked_out_by_hand()
    {
        IndexInput[] inputs =
        [
            Input("ServiceHoursApproved", 6), // 6 h × 0.5 = 3
            Input("ServiceHoursApproved", 4), // 4 h × 0.5 = 2
            Input("CaseClosedOnTime"), // 1
            Input("CaseRatedSatisfied"), // 0.5
            Input("VisitLogged"), // 0.5
            Input("ActivityAttended"), // 1
            Input("Penalty"), // −5
            Input("UnknownKind"), // no item: no points
        ];

        var score = RubricScorer.Score(DefaultRubrics.Vanguard, inputs);

        // 60 + service 5 + cases 1.5 + visits 0.5 + party life 1 + penalties −5 = 63
        Assert.Equal(63m, score.Total);
        Assert.Equal("★★", score.Grade);
        Assert.Equal(5m, score.Components.Single(c => c.Code == "service").Points);
        Assert.Equal(-5m, score.Components.Single(c => c.Code == "penalties").Points);
        Assert.Equal(7, score.Components.Sum(c => c.Lines.Count));
        Assert.Equal(1, score.RubricVersion);
    }

    [Fact]
    public void Caps_hold_an_item_and_a_component_and_say_so()
    {
        // 40 hours would be 20 points: the item is capped at 12; wishes add 5 (cap 5 of 7); the component is capped at 15.
        IndexInput[] inputs = [Input("ServiceHoursApproved", 40), .. Enumerable.Range(0, 7).Select(_ => Input("WishFulfilled"))];

        var service = RubricScorer.Score(DefaultRubrics.Vanguard, inputs).Components.Single(c => c.Code == "service");

        Assert.Equal(17m, service.Raw);
        Assert.Equal(15m, service.Points);
        Assert.True(service.Capped);
        Assert.Equal(20m, service.Lines.First().Points);
    }

    [Fact]
    public void Penalties_stop_at_their_floor_and_the_total_never_falls_below_zero()
    {
        var score = RubricScorer.Score(DefaultRubrics.Vanguard, [.. Enumerable.Range(0, 10).Select(_ => Input("Penalty"))]);

        Assert.Equal(-30m, score.Components.Single(c => c.Code == "penalties").Points);
        Assert.Equal(30m, score.Total);
        var floor = RubricScorer.Score(DefaultRubrics.Vanguard with { BaseScore = 10 }, [Input("Penalty"), Input("Penalty"), Input("Penalty")]);
        Assert.Equal(0m, floor.Total);
    }

    [Fact]
    public void A_reset_input_makes_the_score_zero_and_names_the_input()
    {
        var sanction = Input("SeriousDisciplinarySanction", day: 20);

        var score = RubricScorer.Score(DefaultRubrics.Vanguard, [Input("Commendation"), sanction]);

        Assert.Equal(0m, score.Total);
        Assert.Equal(sanction.Id, score.ResetBy);
        Assert.Equal(5m, score.Components.Single(c => c.Code == "commendations").Points);
        Assert.Equal("★", score.Grade);
    }

    [Fact]
    public void The_same_inputs_in_any_order_or_delivered_twice_give_the_same_score()
    {
        IndexInput[] inputs = [Input("ServiceHoursApproved", 3), Input("Commendation"), Input("OverduePenalty"), Input("VisitLogged", day: 3)];

        var once = RubricScorer.Score(DefaultRubrics.Vanguard, inputs);
        var shuffled = RubricScorer.Score(DefaultRubrics.Vanguard, [.. inputs.Reverse(), inputs[0], inputs[2]]);

        Assert.Equal(once.Total, shuffled.Total);
        Assert.Equal(once.Components.SelectMany(c => c.Lines).Select(l => l.InputId), shuffled.Components.SelectMany(c => c.Lines).Select(l => l.InputId));
    }

    [Fact]
    public void A_rubric_that_cannot_be_scored_is_refused_naming_every_problem()
    {
        var broken = DefaultRubrics.Vanguard with
        {
            BaseScore = 120,
            Components =
            [
                .. DefaultRubrics.Vanguard.Components,
                new RubricComponent("service", "again", 5, []),
                new RubricComponent("odd", "odd", -1, [new("X", 0)], MinPoints: 0),
            ],
        };

        var codes = broken.Check().Select(e => e.Code).ToList();

        Assert.Equal(["invalid-score-range", "duplicate-component", "empty-component", "invalid-component-range", "invalid-item"], codes);
        Assert.Empty(DefaultRubrics.Vanguard.Check());
    }

    [Fact]
    public void A_fortress_scores_the_common_part_and_its_own_types_part_only()
    {
        IndexInput[] inputs =
        [
            Input("LeadershipReview", 12), // leadership 12
            Input("PartyActivityHeld"),
            Input("PartyActivityHeld"), // mechanisms 3
            Input("ProjectClaimed"), // units: 4; others: 4; community: nothing
            Input("CaseClosedOnTime"),
            Input("CaseClosedOnTime"), // community: 1; others: 1; units: nothing
            Input("LaggingFinding"), // −10
        ];

        var community = RubricScorer.Score(DefaultRubrics.Fortress, inputs, "CommunityBranch");
        var unit = RubricScorer.Score(DefaultRubrics.Fortress, inputs, "MemberUnitOrganization");

        // community branch: 12 + 3 + 1 − 10 = 6; unit organization: 12 + 3 + 4 − 10 = 9
        Assert.Equal((6m, 9m), (community.Total, unit.Total));
        Assert.Contains("community-governance", community.Components.Select(c => c.Code));
        Assert.DoesNotContain("co-building", community.Components.Select(c => c.Code));
        Assert.Equal(["leadership", "member-team", "mechanisms", "guarantees", "co-building", "lagging"], unit.Components.Select(c => c.Code));
    }

    [Fact]
    public void The_service_index_scores_rates_and_explains_each_cases_share()
    {
        // 4 closed, 3 on time: 25 × 3/4 = 18.75; 2 rated, 1 satisfied: 15 × 1/2 = 7.5; 1 overdue: −0.5
        IndexInput[] inputs =
        [
            .. Enumerable.Range(0, 4).Select(_ => Input("CaseClosed")),
            .. Enumerable.Range(0, 3).Select(_ => Input("CaseClosedOnTime")),
            Input("CaseRated"),
            Input("CaseRated"),
            Input("CaseRatedSatisfied"),
            Input("CaseOverdue"),
        ];

        var score = RubricScorer.Score(DefaultRubrics.Service, inputs);

        Assert.Equal(26.25m, score.Components.Single(c => c.Code == "responsiveness").Points);
        Assert.Equal(25.75m, score.Total);
        Assert.Equal("待改进", score.Grade);
        Assert.All(score.Components.Single(c => c.Code == "responsiveness").Lines.Where(l => l.Kind == "CaseClosedOnTime"), l => Assert.Equal(6.25m, l.Points));
        Assert.Equal(0m, RubricScorer.Score(DefaultRubrics.Service, [Input("CaseClosedOnTime")]).Total);
    }

    [Fact]
    public void A_rates_explanation_lists_every_case_of_its_denominator_and_what_a_basically_satisfied_one_does()
    {
        IndexInput Of(string kind, string caseNumber) => new(Guid.NewGuid(), kind, 1, T0.AddDays(1), $"case {caseNumber}", caseNumber);
        IndexInput[] inputs =
        [
            Of("CaseClosed", "2026-000001"),
            Of("CaseClosed", "2026-000002"),
            Of("CaseClosedOnTime", "2026-000001"),
            Of("CaseRated", "2026-000001"),
            Of("CaseRated", "2026-000002"),
            Of("CaseRatedSatisfied", "2026-000001"),
        ];

        var lines = RubricScorer.Score(DefaultRubrics.Service, inputs).Components.Single(c => c.Code == "responsiveness").Lines;

        // Case 2 was closed late and rated only "basically satisfied": it is in both denominators, lowering both shares.
        var late = Assert.Single(lines, l => l.Kind == "CaseClosed");
        var basically = Assert.Single(lines, l => l.Kind == "CaseRated");
        Assert.Equal((0m, 0m), (late.Points, basically.Points));
        Assert.StartsWith("case 2026-000002: counted in CaseClosed but not CaseClosedOnTime", late.Note, StringComparison.Ordinal);
        Assert.StartsWith("case 2026-000002: counted in CaseRated but not CaseRatedSatisfied", basically.Note, StringComparison.Ordinal);
        Assert.Equal([12.5m, 7.5m], lines.Where(l => l.Points > 0).Select(l => l.Points));
    }

    [Fact]
    public void The_figure_from_tallies_equals_the_explained_score_for_every_index()
    {
        var random = new Random(7);
        string[] kinds = [.. typeof(InputKinds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!)];
        string?[] types = [null, "CommunityBranch", "MemberUnitOrganization", "MassOrganization"];
        for (var round = 0; round < 200; round++)
        {
            var inputs = Enumerable
                .Range(0, random.Next(0, 40))
                .Select(_ => Input(kinds[random.Next(kinds.Length)], random.Next(1, 9), random.Next(0, 28)))
                .ToList();
            foreach (var rubric in new[] { DefaultRubrics.Vanguard, DefaultRubrics.Fortress, DefaultRubrics.Service })
            {
                var type = rubric.Index == IndexKind.Fortress ? types[random.Next(types.Length)] : null;
                var explained = RubricScorer.Score(rubric, inputs, type);
                Assert.Equal(new ScoreFigure(explained.Total, explained.Grade), RubricScorer.Figure(rubric, RubricScorer.TallyOf(inputs), type));
            }
        }
    }

    [Fact]
    public void The_default_rubrics_pass_their_own_checks_and_a_rubric_naming_an_unknown_type_does_not()
    {
        Assert.Empty(DefaultRubrics.Vanguard.Check());
        Assert.Empty(DefaultRubrics.Fortress.Check());
        Assert.Empty(DefaultRubrics.Service.Check());
        var wrong = DefaultRubrics.Fortress with
        {
            Components = [new("x", "X", 5, [new("CaseClosed", 1, PerQuantity: true, OutOf: "CaseRated")], ForTypes: ["Club"])],
        };
        Assert.Equal(["invalid-rate", "unknown-organization-type"], wrong.Check().Select(e => e.Code));
    }

    [Theory]
    [InlineData("2026-11", "2026-10-31T16:00:00Z", "2026-11-30T16:00:00Z")]
    [InlineData("2026-Q4", "2026-09-30T16:00:00Z", "2026-12-31T16:00:00Z")]
    [InlineData("2026", "2025-12-31T16:00:00Z", "2026-12-31T16:00:00Z")]
    public void Periods_run_from_local_midnight(string text, string start, string end)
    {
        var period = IndexPeriod.Parse(text).Value;
        Assert.Equal(
            (DateTimeOffset.Parse(start, CultureInfo.InvariantCulture), DateTimeOffset.Parse(end, CultureInfo.InvariantCulture)),
            (period.Start, period.End)
        );
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("26")]
    [InlineData("2026-1")]
    [InlineData("last month")]
    public void A_period_that_is_not_one_is_named(string text) => Assert.Equal("invalid-period", IndexPeriod.Parse(text).Error!.Code);

    [Fact]
    public void An_instant_falls_in_its_local_month_quarter_and_year()
    {
        // 2026-12-31 17:00 UTC is 2027-01-01 01:00 in the subdistrict.
        Assert.Equal(
            ["2027-01", "2027-Q1", "2027"],
            IndexPeriod.Containing(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero)).Select(p => p.ToString())
        );
    }
}
