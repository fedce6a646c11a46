using System.Text.Json.Serialization;
using Platform.BuildingBlocks.Api;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Assessment;

/// <summary>Whose figures: a grid's or community's area, a department's dispatched cases, a handler's own.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssessmentLevel>))]
public enum AssessmentLevel
{
    Handler,
    Grid,
    Community,
    Department,
}

/// <summary>What the assessment reads of one case: its stored record, nothing computed elsewhere.</summary>
public sealed record CaseFacts(
    Guid Id,
    Guid? GridId,
    Guid? CommunityId,
    string? Department,
    Guid? HandlerPersonId,
    string? HandlerSubject,
    CaseState State,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? DueAt,
    bool? OnTime,
    CaseRating? Rating,
    bool? ReporterSaysResolved,
    int Reopens,
    int Returns,
    int Extensions,
    int Deferrals,
    DateTimeOffset? VoidedAt
);

/// <summary>Assessment settings (<c>Platform:Workflow:Assessment</c>).</summary>
public sealed class AssessmentOptions
{
    /// <summary>A dispatched case accepted within this long counts as responded to.</summary>
    public TimeSpan RespondWithin { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How much each rating counts towards the satisfaction rate (dissatisfied counts 0).</summary>
    public double SatisfiedWeight { get; set; } = 1.0;

    public double BasicallySatisfiedWeight { get; set; } = 0.8;

    /// <summary>Weights of the rates in the ranking score (out of 100), before reward and penalty points.</summary>
    public double ResponseWeight { get; set; } = 10;

    public double OnTimeClosureWeight { get; set; } = 30;

    public double ClosureWeight { get; set; } = 20;

    public double SatisfactionWeight { get; set; } = 30;

    /// <summary>Subtracted per unit of the rework rate.</summary>
    public double ReworkWeight { get; set; } = 10;

    /// <summary>Penalty points recorded against the handler when the timer finds a case overdue.</summary>
    public decimal OverduePenalty { get; set; } = 1;
}

/// <summary>One subject's figures for a period. Rates are null where there was nothing to divide by.</summary>
public sealed record AssessmentRow(
    string SubjectId,
    string SubjectName,
    int Dispatched,
    int Responded,
    double? ResponseRate,
    int Due,
    int Closed,
    int ClosedOnTime,
    double? ClosureRate,
    double? OnTimeClosureRate,
    int Rated,
    double? SatisfactionRate,
    int ResolutionAnswers,
    double? ResolutionRate,
    int Reworked,
    double? ReworkRate,
    int Returns,
    int Extensions,
    int Deferrals,
    int Voids,
    decimal Rewards,
    decimal Penalties,
    double Score,
    int Rank
);

/// <summary>
/// The assessment figures (考核) for any period and level, from case records alone (docs/architecture.md, The case loop).
/// For a period [from, to):
/// <list type="bullet">
/// <item>dispatched: cases whose latest dispatch fell in the period; responded: of those, accepted within
/// <see cref="AssessmentOptions.RespondWithin"/>; response rate = responded / dispatched;</item>
/// <item>due (应结案数): cases whose deadline fell in the period, so a case dispatched in one period and due in
/// the next counts in the next; closed (结案数) and closed on time (按期结案数: result in before the deadline,
/// never overdue; an approved extension moves the deadline) are of those; closure rate = closed / due,
/// on-time closure rate = closed on time / due;</item>
/// <item>satisfaction rate = (satisfied × w₁ + basically satisfied × w₂) / rated, of the due cases rated;
/// resolution rate = the reporters who said it was resolved / those who answered;</item>
/// <item>rework rate = due cases reopened at least once / due; returns, extensions and deferrals are summed
/// over the due cases; voids are the cases voided in the period, by area;</item>
/// <item>score = the weighted rates (out of 100) − rework + rewards − penalties; ranked by score, then by
/// cases due, then by subject id, so ties rank equal and list in a stable order.</item>
/// </list>
/// </summary>
public static class AssessmentCalculator
{
    public static IReadOnlyList<AssessmentRow> Compute(
        IReadOnlyCollection<CaseFacts> cases,
        IReadOnlyCollection<AssessmentPoints> points,
        AssessmentLevel level,
        DateTimeOffset from,
        DateTimeOffset to,
        AssessmentOptions options,
        IReadOnlyDictionary<string, string> names
    )
    {
        bool In(DateTimeOffset? at) => at is { } t && t >= from && t < to;
        var rows = new List<AssessmentRow>();
        var subjects = cases
            .Select(c => SubjectOf(c, level))
            .Where(s => s is not null)
            .Select(s => s!)
            .Concat(points.Select(p => p.SubjectId))
            .Distinct(StringComparer.Ordinal);
        foreach (var subject in subjects)
        {
            var mine = cases.Where(c => SubjectOf(c, level) == subject).ToList();
            var dispatched = mine.Where(c => In(c.DispatchedAt)).ToList();
            var responded = dispatched.Count(c => c.AcceptedAt is { } accepted && accepted - c.DispatchedAt!.Value <= options.RespondWithin);
            var due = mine.Where(c => In(c.DueAt) && c.State != CaseState.Voided).ToList();
            var closed = due.Count(c => c.State == CaseState.Closed);
            var onTime = due.Count(c => c.State == CaseState.Closed && c.OnTime == true);
            var rated = due.Where(c => c.Rating is not null).ToList();
            var satisfaction = rated.Sum(c =>
                c.Rating switch
                {
                    CaseRating.Satisfied => options.SatisfiedWeight,
                    CaseRating.BasicallySatisfied => options.BasicallySatisfiedWeight,
                    _ => 0,
                }
            );
            var answered = due.Where(c => c.ReporterSaysResolved is not null).ToList();
            var reworked = due.Count(c => c.Reopens > 0);
            var mySubjectPoints = points.Where(p => p.SubjectId == subject && In(p.At)).ToList();
            var rewards = mySubjectPoints.Where(p => p.Points > 0).Sum(p => p.Points);
            var penalties = -mySubjectPoints.Where(p => p.Points < 0).Sum(p => p.Points);
            var row = new AssessmentRow(
                subject,
                names.GetValueOrDefault(subject, subject),
                dispatched.Count,
                responded,
                Rate(responded, dispatched.Count),
                due.Count,
                closed,
                onTime,
                Rate(closed, due.Count),
                Rate(onTime, due.Count),
                rated.Count,
                rated.Count == 0 ? null : Math.Round(satisfaction / rated.Count, 4),
                answered.Count,
                Rate(answered.Count(c => c.ReporterSaysResolved == true), answered.Count),
                reworked,
                Rate(reworked, due.Count),
                due.Sum(c => c.Returns),
                due.Sum(c => c.Extensions),
                due.Sum(c => c.Deferrals),
                mine.Count(c => In(c.VoidedAt)),
                rewards,
                penalties,
                0,
                0
            );
            rows.Add(row with { Score = Score(row, options) });
        }

        var ordered = rows.OrderByDescending(r => r.Score).ThenByDescending(r => r.Due).ThenBy(r => r.SubjectId, StringComparer.Ordinal).ToList();
        var ranks = Ranking.Competition(ordered, r => r.Score);
        return [.. ordered.Select((r, i) => r with { Rank = ranks[i] })];
    }

    /// <summary>Which subject a case counts for at a level; null when it has none there (an unlocated case has no grid).</summary>
    public static string? SubjectOf(CaseFacts c, AssessmentLevel level) =>
        level switch
        {
            AssessmentLevel.Grid => c.GridId?.ToString(),
            AssessmentLevel.Community => c.CommunityId?.ToString(),
            AssessmentLevel.Department => c.Department,
            _ => HandlerKey(c.HandlerPersonId, c.HandlerSubject),
        };

    /// <summary>A handler is their person id, or their account when it has no person record (a department's handler).</summary>
    public static string? HandlerKey(Guid? personId, string? subject) => personId?.ToString() ?? (subject is null ? null : $"account:{subject}");

    private static double Score(AssessmentRow r, AssessmentOptions o) =>
        Math.Round(
            (r.ResponseRate ?? 0) * o.ResponseWeight
                + (r.OnTimeClosureRate ?? 0) * o.OnTimeClosureWeight
                + (r.ClosureRate ?? 0) * o.ClosureWeight
                + (r.SatisfactionRate ?? 0) * o.SatisfactionWeight
                - (r.ReworkRate ?? 0) * o.ReworkWeight
                + (double)(r.Rewards - r.Penalties),
            2
        );

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

/// <summary>A reward (+) or penalty (−) as the calculator reads it.</summary>
public sealed record AssessmentPoints(string SubjectId, decimal Points, DateTimeOffset At);
