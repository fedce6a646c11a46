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
            Input("ServiceHoursApproved", 6),   // 6 h × 0.5 = 3
            Input("ServiceHoursApproved", 4),   // 4 h × 0.5 = 2
            Input("CaseClosedOnTime"),          // 1
            Input("CaseRatedSatisfied"),        // 0.5
            Input("VisitLogged"),               // 0.5
            Input("ActivityAttended"),          // 1
            Input("Penalty"),                   // −5
            Input("UnknownKind"),               // no item: no points
        ];

        var score = RubricScorer.Score(Rubric.DefaultVanguard, inputs);

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

        var service = RubricScorer.Score(Rubric.DefaultVanguard, inputs).Components.Single(c => c.Code == "service");

        Assert.Equal(17m, service.Raw);
        Assert.Equal(15m, service.Points);
        Assert.True(service.Capped);
        Assert.Equal(20m, service.Lines.First().Points);
    }

    [Fact]
    public void Penalties_stop_at_their_floor_and_the_total_never_falls_below_zero()
    {
        var score = RubricScorer.Score(Rubric.DefaultVanguard, [.. Enumerable.Range(0, 10).Select(_ => Input("Penalty"))]);

        Assert.Equal(-30m, score.Components.Single(c => c.Code == "penalties").Points);
        Assert.Equal(30m, score.Total);
        var floor = RubricScorer.Score(Rubric.DefaultVanguard with { BaseScore = 10 }, [Input("Penalty"), Input("Penalty"), Input("Penalty")]);
        Assert.Equal(0m, floor.Total);
    }

    [Fact]
    public void A_reset_input_makes_the_score_zero_and_names_the_input()
    {
        var sanction = Input("SeriousDisciplinarySanction", day: 20);

        var score = RubricScorer.Score(Rubric.DefaultVanguard, [Input("Commendation"), sanction]);

        Assert.Equal(0m, score.Total);
        Assert.Equal(sanction.Id, score.ResetBy);
        Assert.Equal(5m, score.Components.Single(c => c.Code == "commendations").Points);
        Assert.Equal("★", score.Grade);
    }

    [Fact]
    public void The_same_inputs_in_any_order_or_delivered_twice_give_the_same_score()
    {
        IndexInput[] inputs = [Input("ServiceHoursApproved", 3), Input("Commendation"), Input("CaseOverdue"), Input("VisitLogged", day: 3)];

        var once = RubricScorer.Score(Rubric.DefaultVanguard, inputs);
        var shuffled = RubricScorer.Score(Rubric.DefaultVanguard, [.. inputs.Reverse(), inputs[0], inputs[2]]);

        Assert.Equal(once.Total, shuffled.Total);
        Assert.Equal(once.Components.SelectMany(c => c.Lines).Select(l => l.InputId), shuffled.Components.SelectMany(c => c.Lines).Select(l => l.InputId));
    }

    [Fact]
    public void A_rubric_that_cannot_be_scored_is_refused_naming_every_problem()
    {
        var broken = Rubric.DefaultVanguard with
        {
            BaseScore = 120,
            Components = [.. Rubric.DefaultVanguard.Components, new RubricComponent("service", "again", 5, []), new RubricComponent("odd", "odd", -1, [new("X", 0)], MinPoints: 0)],
        };

        var codes = broken.Check().Select(e => e.Code).ToList();

        Assert.Equal(["invalid-score-range", "duplicate-component", "empty-component", "invalid-component-range", "invalid-item"], codes);
        Assert.Empty(Rubric.DefaultVanguard.Check());
    }
}
