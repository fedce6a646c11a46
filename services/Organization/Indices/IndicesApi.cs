using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Domain;
using Platform.Organization.Data;

namespace Platform.Organization.Indices;

/// <summary>A subject's place in a ranking (ties share a rank), with the figure it is ranked by.</summary>
public sealed record RankedScore(
    int Rank,
    Guid SubjectId,
    string Name,
    Guid? CommunityId,
    string? OrganizationType,
    decimal Total,
    string? Grade,
    int RubricVersion,
    int Inputs
);

/// <summary>A ranking for a period: live, or the published (frozen) figures once the period is published.</summary>
public sealed record IndexRanking(IndexKind Index, string Period, bool Published, DateTimeOffset? PublishedAt, Page<RankedScore> Rows);

/// <summary>The published (frozen) figure of a subject for the period, beside the live one.</summary>
public sealed record PublishedFigure(decimal Total, string? Grade, int Rank, DateTimeOffset PublishedAt);

/// <summary>
/// A subject's score for a period with its reasons: every component, and each input's points unless there are
/// too many to list (<see cref="LinesShown"/>); the published figure when the period is published.
/// </summary>
public sealed record IndexScoreResponse(
    IndexKind Index,
    Guid SubjectId,
    string Name,
    string Period,
    DateTimeOffset From,
    DateTimeOffset To,
    IndexScore Score,
    bool LinesShown,
    PublishedFigure? Published
);

public sealed record RecomputeRequest([property: Required] string? Period, string? Index, bool WithParts = false);

/// <summary>
/// The three indices (考评体系): each subject's score for a month, quarter or year, live from the input ledger
/// under the rubric version in force at the period's start and explained input by input; rankings within a
/// community, an organization type or the whole subdistrict; a recompute from the stored inputs; manual items,
/// rubrics and publication (公示) in their own files.
/// </summary>
public static class IndicesApi
{
    /// <summary>Above this many inputs, a score is explained component by component without listing each input.</summary>
    public const int MaxLines = 1000;

    public static RouteGroupBuilder MapIndicesApi(this RouteGroupBuilder api)
    {
        var indices = api.MapGroup("/indices").WithTags("Indices");
        indices
            .MapGet("/{index}/scores/{subject}", ScoreOf)
            .WithName("IndexScore")
            .AllowSignedIn()
            .WithDescription(
                "A subject's score for a period (period=2026-11, 2026-Q4 or 2026; default this month) with its reasons. "
                    + "Vanguard: a member (their own; their organization's secretary; organizers in scope). Fortress: an "
                    + "organization. Service: a community, or 'subdistrict'."
            )
            .Refuses(404, "community-not-found", "index-not-found", "organization-not-found", "person-not-found");
        indices
            .MapGet("/{index}/ranking", RankingOf)
            .WithName("IndexRanking")
            .AllowSignedIn()
            .WithDescription(
                "The subjects the caller may see ranked for a period, optionally within one community (communityId), "
                    + "organization type (organizationType) or organization (organizationId: its members, or itself); ties share a "
                    + "rank. Live, or the published figures once the period is published."
            )
            .Refuses(400, "invalid-organization-type")
            .Refuses(404, "index-not-found");
        indices
            .MapPost("/recompute", Recompute)
            .WithName("RecomputeIndices")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription(
                "Rebuilds the live scores of a period (with withParts, a year's months and quarters too) from the stored "
                    + "inputs; the figures equal the live ones."
            )
            .Refuses(400, "invalid-period");
        indices.MapIndexItemsApi();
        indices.MapPublicationsApi();
        indices.MapRubricsApi();
        return api;
    }

    public static async Task<Results<Ok<IndexScoreResponse>, ProblemHttpResult>> ScoreOf(
        [OneOf<IndexKind>] string index,
        string subject,
        string? period,
        Caller caller,
        ReadDb<OrganizationDbContext> read,
        IndexSubjectDirectory directory,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var db = read.Context;
        if (ParseIndex(index) is not { } kind)
        {
            return UnknownIndex(index);
        }

        if (!PeriodOrThisMonth(period, clock).TryGet(out var parsed, out var periodError))
        {
            return Problems.From(periodError);
        }

        var when = parsed;
        if (IndexSubjects.Parse(kind, subject) is not { } subjectKey || await directory.FindAsync(caller, kind, subjectKey, ct) is not { } found)
        {
            return Problems.NotFound(
                kind == IndexKind.Vanguard ? "person"
                    : kind == IndexKind.Fortress ? "organization"
                    : "community",
                subject
            );
        }

        var key = new ScoreKey(kind, subjectKey, when);
        var rubric = await RubricsApi.InForceAsync(db, kind, when.FirstDay, ct);
        // The inputs themselves when there are few enough to list (one query); otherwise their tallies.
        var inputs = await InputsAsync(db, key, ct, limit: MaxLines + 1);
        var listed = inputs.Count <= MaxLines;
        var score = listed
            ? RubricScorer.Score(rubric, inputs, found.OrganizationType)
            : RubricScorer.Explain(rubric, await new ScoreKeeper(db, clock).TalliesAsync(key, ct), found.OrganizationType);
        var published = await db
            .IndexPublications.AsNoTracking()
            .Where(p => p.Index == kind && p.Period == when.ToString() && p.Status == PublicationStatus.Published)
            .Join(
                db.PublishedScores,
                p => p.Id,
                s => s.PublicationId,
                (p, s) =>
                    new
                    {
                        s.SubjectId,
                        s.Total,
                        s.Grade,
                        s.Rank,
                        p.PublishedAt,
                    }
            )
            .Where(s => s.SubjectId == subjectKey)
            .FirstOrDefaultAsync(ct);
        return TypedResults.Ok(
            new IndexScoreResponse(
                kind,
                subjectKey,
                found.Name,
                when.ToString(),
                when.Start,
                when.End,
                score,
                listed,
                published is null ? null : new PublishedFigure(published.Total, published.Grade, published.Rank, published.PublishedAt!.Value)
            )
        );
    }

    public static async Task<Results<Ok<IndexRanking>, ProblemHttpResult>> RankingOf(
        [OneOf<IndexKind>] string index,
        string? period,
        Guid? communityId,
        [OneOf<PartyOrganizations.OrganizationKind>] string? organizationType,
        Guid? organizationId,
        int? page,
        int? pageSize,
        Caller caller,
        ReadDb<OrganizationDbContext> read,
        IndexSubjectDirectory directory,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var db = read.Context;
        if (ParseIndex(index) is not { } kind)
        {
            return UnknownIndex(index);
        }

        var paging = Paging.Validate(page, pageSize);
        var when = PeriodOrThisMonth(period, clock);
        var type = EnumInput.ParseOptional<PartyOrganizations.OrganizationKind>(organizationType, "organizationType");
        if ((paging.Error ?? when.Error ?? type.Error) is { } error)
        {
            return Problems.From(error);
        }

        var subjects = await directory.VisibleAsync(caller, kind, communityId, type.Value?.ToString(), ct, organizationId);
        var publication = await db
            .IndexPublications.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Index == kind && p.Period == when.Value.ToString() && p.Status == PublicationStatus.Published, ct);
        var ranked = publication is null ? await RankLiveAsync(db, kind, when.Value, subjects, ct) : await RankPublishedAsync(db, publication.Id, subjects, ct);
        return TypedResults.Ok(
            new IndexRanking(kind, when.Value.ToString(), publication is not null, publication?.PublishedAt, ranked.ToPage(paging.Value, r => r))
        );
    }

    public static async Task<Results<Ok<RecomputeResult>, ProblemHttpResult>> Recompute(
        RecomputeRequest request,
        IndexRecompute recompute,
        CancellationToken ct
    )
    {
        if (!IndexPeriod.Parse(request.Period).TryGet(out var period, out var error))
        {
            return Problems.From(error);
        }

        IndexKind[] indices =
            request.Index is null ? Enum.GetValues<IndexKind>()
            : ParseIndex(request.Index) is { } one ? [one]
            : [];
        if (indices.Length == 0)
        {
            return UnknownIndex(request.Index!);
        }

        return TypedResults.Ok(await recompute.RunAsync(indices, period, request.WithParts, ct));
    }

    /// <summary>The subjects ranked by their live figures; a subject without inputs has the rubric's base figure.</summary>
    public static async Task<List<RankedScore>> RankLiveAsync(
        OrganizationDbContext db,
        IndexKind index,
        IndexPeriod period,
        IReadOnlyList<IndexSubject> subjects,
        CancellationToken ct
    )
    {
        var name = period.ToString();
        var live = db.IndexScores.AsNoTracking().Where(s => s.Index == index && s.Period == name);
        if (subjects.Count <= 10_000)
        {
            var ids = subjects.Select(s => s.Id).ToList();
            live = live.Where(s => ids.Contains(s.SubjectId));
        }

        var rows = await live.ToDictionaryAsync(s => s.SubjectId, ct);
        var rubric = await RubricsApi.InForceAsync(db, index, period.FirstDay, ct);
        var bases = new Dictionary<string, ScoreFigure>();
        var scored = subjects
            .Select(s =>
            {
                if (rows.TryGetValue(s.Id, out var row))
                {
                    return (Subject: s, row.Total, row.Grade, Version: row.RubricVersion, row.Inputs);
                }

                var type = s.OrganizationType ?? "";
                if (!bases.TryGetValue(type, out var figure))
                {
                    bases[type] = figure = RubricScorer.Figure(rubric, new Dictionary<string, Tally>(), s.OrganizationType);
                }

                return (Subject: s, figure.Total, figure.Grade, Version: rubric.Version, Inputs: 0);
            })
            .OrderByDescending(s => s.Total)
            .ThenBy(s => s.Subject.Name, StringComparer.Ordinal)
            .ThenBy(s => s.Subject.Id)
            .ToList();
        var ranks = Ranking.Competition(scored, s => s.Total);
        return
        [
            .. scored.Select(
                (s, i) =>
                    new RankedScore(
                        ranks[i],
                        s.Subject.Id,
                        s.Subject.Name,
                        s.Subject.CommunityId,
                        s.Subject.OrganizationType,
                        s.Total,
                        s.Grade,
                        s.Version,
                        s.Inputs
                    )
            ),
        ];
    }

    /// <summary>The published figures of the subjects the caller may see, ranked among themselves.</summary>
    private static async Task<List<RankedScore>> RankPublishedAsync(
        OrganizationDbContext db,
        Guid publication,
        IReadOnlyList<IndexSubject> subjects,
        CancellationToken ct
    )
    {
        var frozen = await db.PublishedScores.AsNoTracking().Where(s => s.PublicationId == publication).ToDictionaryAsync(s => s.SubjectId, ct);
        var scored = subjects
            .Where(s => frozen.ContainsKey(s.Id))
            .Select(s => (Subject: s, Figure: frozen[s.Id]))
            .OrderByDescending(s => s.Figure.Total)
            .ThenBy(s => s.Figure.Rank)
            .ThenBy(s => s.Subject.Id)
            .ToList();
        var ranks = Ranking.Competition(scored, s => s.Figure.Total);
        return
        [
            .. scored.Select(
                (s, i) =>
                    new RankedScore(
                        ranks[i],
                        s.Subject.Id,
                        s.Figure.Name,
                        s.Subject.CommunityId,
                        s.Subject.OrganizationType,
                        s.Figure.Total,
                        s.Figure.Grade,
                        s.Figure.RubricVersion,
                        0
                    )
            ),
        ];
    }

    /// <summary>A subject's inputs in the period, from the ledger (withdrawn ones left out).</summary>
    public static async Task<List<IndexInput>> InputsAsync(OrganizationDbContext db, ScoreKey key, CancellationToken ct, int? limit = null)
    {
        var inputs = db.IndexInputs.AsNoTracking().InputsOf(key);
        inputs = limit is { } most ? inputs.OrderBy(i => i.Id).Take(most) : inputs;
        return [.. (await inputs.ToListAsync(ct)).Select(i => i.ToInput())];
    }

    public static Result<IndexPeriod> PeriodOrThisMonth(string? period, TimeProvider clock) =>
        string.IsNullOrWhiteSpace(period) ? IndexPeriod.MonthOf(clock.GetUtcNow()) : IndexPeriod.Parse(period);

    public static IndexKind? ParseIndex(string index) => EnumInput.Parse<IndexKind>(index, "index") is { Error: null } parsed ? parsed.Value : null;

    public static DomainError UnknownIndexError(string index) => DomainError.NotFound("index-not-found", $"No index '{index}': Vanguard, Fortress or Service.");

    public static ProblemHttpResult UnknownIndex(string index) => Problems.From(UnknownIndexError(index));
}
