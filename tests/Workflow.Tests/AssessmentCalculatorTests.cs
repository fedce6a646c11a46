using Platform.Workflow.Assessment;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Tests;

/// <summary>The assessment rates on small examples worked out by hand.</summary>
public class AssessmentCalculatorTests
{
    private static readonly DateTimeOffset November = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset December = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid GridA = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid GridB = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly AssessmentOptions Options = new();

    private static CaseFacts Case(
        Guid grid,
        int dispatchedDay,
        int dueDay,
        CaseState state = CaseState.Closed,
        bool? onTime = true,
        CaseRating? rating = null,
        bool? resolved = null,
        int reopens = 0,
        int returns = 0,
        int extensions = 0,
        double acceptedAfterHours = 2,
        int dueMonth = 11
    ) =>
        new(
            Guid.NewGuid(),
            grid,
            Guid.Empty,
            null,
            null,
            null,
            state,
            November.AddDays(dispatchedDay - 1),
            November.AddDays(dispatchedDay - 1).AddHours(acceptedAfterHours),
            new DateTimeOffset(2026, dueMonth, dueDay, 0, 0, 0, TimeSpan.Zero),
            onTime,
            rating,
            resolved,
            reopens,
            returns,
            extensions,
            0,
            null
        );

    private static AssessmentRow Row(IReadOnlyList<AssessmentRow> rows, Guid grid) => rows.Single(r => r.SubjectId == grid.ToString());

    private static IReadOnlyList<AssessmentRow> Grids(params CaseFacts[] cases) =>
        AssessmentCalculator.Compute(cases, [], AssessmentLevel.Grid, November, December, Options, new Dictionary<string, string>());

    [Fact]
    public void Four_cases_due_in_the_month_give_the_rates_worked_out_by_hand()
    {
        var rows = Grids(
            Case(GridA, 2, 5, rating: CaseRating.Satisfied, resolved: true), // closed on time, satisfied
            Case(GridA, 3, 10, onTime: false, rating: CaseRating.BasicallySatisfied, resolved: true, reopens: 1), // closed late, reworked
            Case(GridA, 4, 12, state: CaseState.Accepted, onTime: null, acceptedAfterHours: 30), // still open, accepted after 30 h
            Case(GridA, 5, 20, rating: CaseRating.Dissatisfied, resolved: false, extensions: 1, returns: 2)
        );

        var a = Row(rows, GridA);
        Assert.Equal((4, 3, 0.75), (a.Dispatched, a.Responded, a.ResponseRate)); // 3 of 4 accepted within a day
        Assert.Equal((4, 3, 2, 0.75, 0.5), (a.Due, a.Closed, a.ClosedOnTime, a.ClosureRate, a.OnTimeClosureRate));
        Assert.Equal(3, a.Rated);
        Assert.Equal(0.6, a.SatisfactionRate); // (1 + 0.8 + 0) / 3
        Assert.Equal(0.6667, a.ResolutionRate); // 2 of 3 said resolved
        Assert.Equal((1, 0.25), (a.Reworked, a.ReworkRate));
        Assert.Equal((2, 1), (a.Returns, a.Extensions));
        // 0.75×10 + 0.5×30 + 0.75×20 + 0.6×30 − 0.25×10 = 7.5 + 15 + 15 + 18 − 2.5
        Assert.Equal(53, a.Score);
    }

    [Fact]
    public void A_case_dispatched_in_one_month_and_due_in_the_next_counts_its_closure_in_the_month_it_is_due()
    {
        var crossing = Case(GridA, 28, 3, dueMonth: 12);

        var november = Row(Grids(crossing), GridA);
        var december = Row(
            AssessmentCalculator.Compute([crossing], [], AssessmentLevel.Grid, December, December.AddMonths(1), Options, new Dictionary<string, string>()),
            GridA
        );

        Assert.Equal((1, 0, null), (november.Dispatched, november.Due, november.ClosureRate));
        Assert.Equal((0, 1, 1.0), (december.Dispatched, december.Due, december.ClosureRate));
        Assert.Null(december.ResponseRate);
    }

    [Fact]
    public void An_empty_period_has_no_rows_and_a_subject_with_only_points_has_no_rates()
    {
        Assert.Empty(Grids());

        var rows = AssessmentCalculator.Compute(
            [],
            [new AssessmentPoints(GridB.ToString(), -2, November.AddDays(3))],
            AssessmentLevel.Grid,
            November,
            December,
            Options,
            new Dictionary<string, string>()
        );

        var b = Assert.Single(rows);
        Assert.Equal((0, null, null, null), (b.Due, b.ClosureRate, b.SatisfactionRate, b.ResponseRate));
        Assert.Equal((0m, 2m, -2.0), (b.Rewards, b.Penalties, b.Score));
    }

    [Fact]
    public void Ties_share_a_rank_and_list_in_a_stable_order()
    {
        var rows = Grids(Case(GridB, 2, 5), Case(GridA, 2, 5), Case(Guid.Parse("00000000-0000-0000-0000-00000000000c"), 2, 5, onTime: false));

        Assert.Equal([GridA.ToString(), GridB.ToString(), "00000000-0000-0000-0000-00000000000c"], rows.Select(r => r.SubjectId));
        Assert.Equal([1, 1, 3], rows.Select(r => r.Rank));
    }

    [Fact]
    public void An_extension_moves_the_deadline_so_a_case_closed_within_it_is_on_time()
    {
        // Due 10 November, extended to 13 November, result in on the 12th: on time, with one extension counted.
        var extended = Case(GridA, 2, 13, extensions: 1);

        var a = Row(Grids(extended), GridA);

        Assert.Equal((1, 1.0, 1), (a.ClosedOnTime, a.OnTimeClosureRate, a.Extensions));
    }
}
