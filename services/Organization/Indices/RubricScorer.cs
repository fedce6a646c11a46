namespace Platform.Organization.Indices;

/// <summary>One input to an index: an event consumed (service hours, a case closed...) or an item entered by hand.</summary>
/// <summary>An input as the scorer reads it; <paramref name="Source"/> names the record it came from (a case, an hours record).</summary>
public sealed record IndexInput(Guid Id, string Kind, decimal Quantity, DateTimeOffset At, string? Note = null, string? Source = null);

/// <summary>How many inputs of one kind a subject has in a period, and their quantities added up: all the arithmetic needs.</summary>
public readonly record struct Tally(int Count, decimal Quantity)
{
    public Tally Add(Tally other) => new(Count + other.Count, Quantity + other.Quantity);
}

/// <summary>What one input contributed (its share, for a rate), and the note it came with.</summary>
/// <summary>One input's points, and where its source record is read (<see cref="SourceLinks"/>): a case, a project, an activity.</summary>
public sealed record ScoreLine(Guid InputId, string Kind, decimal Points, string? Note, string? Link = null);

public sealed record ComponentScore(
    string Code,
    string Name,
    decimal Raw,
    decimal Points,
    decimal MinPoints,
    decimal MaxPoints,
    bool Capped,
    IReadOnlyList<ScoreLine> Lines
);

/// <summary>A score with its reasons: the rubric version, each component, each input's points, and what reset it.</summary>
public sealed record IndexScore(IndexKind Index, int RubricVersion, decimal Total, string? Grade, Guid? ResetBy, IReadOnlyList<ComponentScore> Components);

/// <summary>A score's figure alone: what the live table and a recompute store.</summary>
public readonly record struct ScoreFigure(decimal Total, string? Grade);

/// <summary>
/// The rubric arithmetic, pure. An item's points are its inputs' (per event, per unit of quantity, or a rate of
/// one kind out of another) held to the item's cap; a component's are its items' held to its range (components
/// for other organization types are left out); the total is the base plus the components held to [0, maximum];
/// an input the rubric lists as a reset makes the total 0. The figure depends only on each kind's count and
/// quantity (<see cref="Tally"/>), so a live update, a recompute and an explanation agree whatever order the
/// inputs came in.
/// </summary>
public static class RubricScorer
{
    /// <summary>The figure from each kind's tally: the live table and the recompute use this.</summary>
    public static ScoreFigure Figure(Rubric rubric, IReadOnlyDictionary<string, Tally> tallies, string? organizationType = null)
    {
        decimal sum = 0;
        foreach (var component in rubric.Components.Where(c => c.AppliesTo(organizationType)))
        {
            sum += Math.Clamp(component.Items.Sum(item => ItemPoints(item, tallies)), component.MinPoints, component.MaxPoints);
        }

        return FigureOf(rubric, sum, rubric.ResetInputs.Any(r => tallies.TryGetValue(r, out var t) && t.Count > 0));
    }

    /// <summary>The score with its reasons, from the inputs themselves; the same figure as <see cref="Figure"/> on their tallies.</summary>
    public static IndexScore Score(Rubric rubric, IEnumerable<IndexInput> inputs, string? organizationType = null)
    {
        var ordered = inputs.DistinctBy(i => i.Id).OrderBy(i => i.At).ThenBy(i => i.Id).ToList();
        return Explain(rubric, TallyOf(ordered), organizationType, ordered);
    }

    /// <summary>
    /// The score with its components from the tallies, and each input's points when the inputs are given (a
    /// subject with too many inputs to list, the whole subdistrict say, is explained component by component).
    /// </summary>
    public static IndexScore Explain(
        Rubric rubric,
        IReadOnlyDictionary<string, Tally> tallies,
        string? organizationType,
        IReadOnlyList<IndexInput>? inputs = null
    )
    {
        var components = new List<ComponentScore>();
        foreach (var component in rubric.Components.Where(c => c.AppliesTo(organizationType)))
        {
            var lines = new List<ScoreLine>();
            decimal raw = 0;
            var capped = false;
            foreach (var item in component.Items)
            {
                raw += ItemPoints(item, tallies, out var itemCapped);
                capped |= itemCapped;
                var share = item.OutOf is { } outOf ? item.PointsPer / Math.Max(1, tallies.GetValueOrDefault(outOf).Count) : item.PointsPer;
                lines.AddRange(
                    (inputs ?? [])
                        .Where(i => i.Kind == item.Input)
                        .Select(i => new ScoreLine(i.Id, i.Kind, Round((item.PerQuantity ? i.Quantity : 1) * share), i.Note, SourceLinks.For(i.Kind, i.Source)))
                );
                if (item.OutOf is { } denominator && inputs is not null)
                {
                    // A rate lists every record of its denominator: those not in the numerator lower the share.
                    var counted = inputs.Where(i => i.Kind == item.Input).Select(i => i.Source ?? i.Note).ToHashSet();
                    lines.AddRange(
                        inputs
                            .Where(i => i.Kind == denominator && !counted.Contains(i.Source ?? i.Note))
                            .Select(i => new ScoreLine(
                                i.Id,
                                i.Kind,
                                0,
                                $"{i.Note}: counted in {denominator} but not {item.Input}, so it lowers the share",
                                SourceLinks.For(i.Kind, i.Source)
                            ))
                    );
                }
            }

            var held = Math.Clamp(raw, component.MinPoints, component.MaxPoints);
            components.Add(
                new ComponentScore(component.Code, component.Name, raw, held, component.MinPoints, component.MaxPoints, capped || held != raw, lines)
            );
        }

        var reset = rubric.ResetInputs.Any(r => tallies.TryGetValue(r, out var t) && t.Count > 0);
        var figure = FigureOf(rubric, components.Sum(c => c.Points), reset);
        return new IndexScore(
            rubric.Index,
            rubric.Version,
            figure.Total,
            figure.Grade,
            inputs?.FirstOrDefault(i => rubric.ResetInputs.Contains(i.Kind))?.Id,
            components
        );
    }

    public static Dictionary<string, Tally> TallyOf(IEnumerable<IndexInput> inputs)
    {
        var tallies = new Dictionary<string, Tally>();
        foreach (var input in inputs)
        {
            tallies[input.Kind] = tallies.GetValueOrDefault(input.Kind).Add(new Tally(1, input.Quantity));
        }

        return tallies;
    }

    private static ScoreFigure FigureOf(Rubric rubric, decimal components, bool reset)
    {
        var total = reset ? 0 : Round(Math.Clamp(rubric.BaseScore + components, 0, rubric.MaxScore));
        return new ScoreFigure(total, rubric.Grades.Where(g => g.MinScore <= total).OrderByDescending(g => g.MinScore).FirstOrDefault()?.Name);
    }

    private static decimal ItemPoints(RubricItem item, IReadOnlyDictionary<string, Tally> tallies) => ItemPoints(item, tallies, out _);

    private static decimal ItemPoints(RubricItem item, IReadOnlyDictionary<string, Tally> tallies, out bool capped)
    {
        var tally = tallies.GetValueOrDefault(item.Input);
        var points = item switch
        {
            { OutOf: { } outOf } => tallies.GetValueOrDefault(outOf).Count is var of and > 0 ? Round(item.PointsPer * Math.Min(tally.Count, of) / of) : 0,
            { PerQuantity: true } => item.PointsPer * tally.Quantity,
            _ => item.PointsPer * tally.Count,
        };
        capped = item.Cap is { } cap && Math.Abs(points) > cap;
        return capped ? Math.Sign(points) * item.Cap!.Value : points;
    }

    private static decimal Round(decimal points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);
}
