namespace Platform.Organization.Indices;

/// <summary>One input to an index: an event consumed (service hours, a case closed...) or an item entered by hand.</summary>
public sealed record IndexInput(Guid Id, string Kind, decimal Quantity, DateTimeOffset At, string? Note = null);

/// <summary>What one input contributed: its points before the caps, and whether a cap cut the item it counts in.</summary>
public sealed record ScoreLine(Guid InputId, string Kind, decimal Points, string? Note);

public sealed record ComponentScore(string Code, string Name, decimal Raw, decimal Points, decimal MinPoints, decimal MaxPoints, bool Capped, IReadOnlyList<ScoreLine> Lines);

/// <summary>A score with its reasons: the rubric version, each component, each input's points, and what reset it.</summary>
public sealed record IndexScore(IndexKind Index, int RubricVersion, decimal Total, string? Grade, Guid? ResetBy, IReadOnlyList<ComponentScore> Components);

/// <summary>
/// The rubric arithmetic, pure: an item's points are its inputs' (per event, or per unit of quantity) held to the
/// item's cap; a component's are its items' held to its range; the total is the base plus the components held
/// to [0, maximum]; an input the rubric lists as a reset makes the total 0. Inputs are taken in a fixed order
/// (time, then id), so the same inputs always give the same score, whatever order they arrived in.
/// </summary>
public static class RubricScorer
{
    public static IndexScore Score(Rubric rubric, IEnumerable<IndexInput> inputs)
    {
        var ordered = inputs.DistinctBy(i => i.Id).OrderBy(i => i.At).ThenBy(i => i.Id).ToList();
        var components = new List<ComponentScore>();
        foreach (var component in rubric.Components)
        {
            var lines = new List<ScoreLine>();
            decimal raw = 0;
            var capped = false;
            foreach (var item in component.Items)
            {
                var matching = ordered.Where(i => i.Kind == item.Input).ToList();
                var itemLines = matching.Select(i => new ScoreLine(i.Id, i.Kind, Round((item.PerQuantity ? i.Quantity : 1) * item.PointsPer), i.Note)).ToList();
                var sum = itemLines.Sum(l => l.Points);
                if (item.Cap is { } cap && Math.Abs(sum) > cap)
                {
                    sum = Math.Sign(sum) * cap;
                    capped = true;
                }

                raw += sum;
                lines.AddRange(itemLines);
            }

            var points = Math.Clamp(raw, component.MinPoints, component.MaxPoints);
            components.Add(new ComponentScore(component.Code, component.Name, raw, points, component.MinPoints, component.MaxPoints, capped || points != raw, lines));
        }

        var reset = ordered.FirstOrDefault(i => rubric.ResetInputs.Contains(i.Kind));
        var total = reset is null ? Math.Clamp(rubric.BaseScore + components.Sum(c => c.Points), 0, rubric.MaxScore) : 0;
        var grade = rubric.Grades.Where(g => g.MinScore <= total).OrderByDescending(g => g.MinScore).FirstOrDefault()?.Name;
        return new IndexScore(rubric.Index, rubric.Version, Round(total), grade, reset?.Id, components);
    }

    private static decimal Round(decimal points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);
}
