using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Organization.Data;

namespace Platform.Organization.Indices;

public sealed record PublicationResponse(
    IndexKind Index,
    string Period,
    PublicationStatus Status,
    int Subjects,
    string OpenedBy,
    DateTimeOffset TakenAt,
    string? PublishedBy,
    DateTimeOffset? PublishedAt
)
{
    public static PublicationResponse Of(IndexPublication p) =>
        new(p.Index, p.Period, p.Status, p.Subjects, p.OpenedBy, p.TakenAt, p.PublishedBy, p.PublishedAt);
}

public sealed record PublicationDetail(PublicationResponse Publication, Page<RankedScore> Rows);

/// <summary>
/// Publication (公示): once a period is over, the committee takes its figures for review (every subject of the
/// index, ranked; taken again as often as needed while under review), then publishes them. Publishing freezes
/// them: the rankings and each score show the published figures from then on, whatever arrives later.
/// </summary>
public static class PublicationsApi
{
    public static RouteGroupBuilder MapPublicationsApi(this RouteGroupBuilder indices)
    {
        indices
            .MapGet("/{index}/publications", List)
            .WithName("IndexPublications")
            .Allow([.. Roles.Organizers])
            .WithDescription("The periods of an index taken for review or published, newest first.")
            .Refuses(404, "index-not-found");
        indices
            .MapGet("/{index}/publications/{period}", Show)
            .WithName("IndexPublication")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("The figures taken for review (or published) for a period, ranked.")
            .Refuses(400, "invalid-page", "invalid-page-size", "invalid-period")
            .Refuses(404, "index-not-found")
            .Refuses(404, "publication-not-found");
        indices
            .MapPost("/{index}/publications/{period}", Take)
            .WithName("ReviewIndexPeriod")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("Takes a finished period's figures for review (again, while under review). 409 once published.")
            .Refuses(400, "invalid-period")
            .Refuses(404, "index-not-found")
            .Refuses(409, "period-not-over", "period-published");
        indices
            .MapPost("/{index}/publications/{period}/publish", Publish)
            .WithName("PublishIndexPeriod")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("Publishes the figures under review; from then on they are frozen.")
            .Refuses(400, "invalid-period")
            .Refuses(404, "index-not-found")
            .Refuses(409, "not-reviewed", "period-published");
        return indices;
    }

    public static async Task<Results<Ok<List<PublicationResponse>>, ProblemHttpResult>> List(
        [OneOf<IndexKind>] string index,
        OrganizationDbContext db,
        CancellationToken ct
    )
    {
        if (IndicesApi.ParseIndex(index) is not { } kind)
        {
            return IndicesApi.UnknownIndex(index);
        }

        var all = await db.IndexPublications.AsNoTracking().Where(p => p.Index == kind).ToListAsync(ct);
        return TypedResults.Ok(all.OrderByDescending(p => p.TakenAt).Select(PublicationResponse.Of).ToList());
    }

    public static async Task<Results<Ok<PublicationDetail>, ProblemHttpResult>> Show(
        [OneOf<IndexKind>] string index,
        string period,
        int? page,
        int? pageSize,
        OrganizationDbContext db,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var pagingError))
        {
            return Problems.From(pagingError);
        }

        if (!(await FindAsync(index, period, db, ct)).TryGet(out var found, out var error))
        {
            return Problems.From(error);
        }

        if (found.Publication is not { } publication)
        {
            return Problems.From(DomainError.NotFound("publication-not-found", $"{found.Period} has not been taken for review."));
        }

        var rows = await db
            .PublishedScores.AsNoTracking()
            .Where(s => s.PublicationId == publication.Id)
            .OrderBy(s => s.Rank)
            .ThenBy(s => s.SubjectId)
            .ToPageAsync(paging, s => new RankedScore(s.Rank, s.SubjectId, s.Name, null, null, s.Total, s.Grade, s.RubricVersion, 0), ct);
        return TypedResults.Ok(new PublicationDetail(PublicationResponse.Of(publication), rows));
    }

    public static async Task<Results<Ok<PublicationResponse>, ProblemHttpResult>> Take(
        [OneOf<IndexKind>] string index,
        string period,
        Caller caller,
        OrganizationDbContext db,
        IndexSubjectDirectory directory,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!(await FindAsync(index, period, db, ct)).TryGet(out var found, out var error))
        {
            return Problems.From(error);
        }

        var (kind, when, publication) = found;
        var now = clock.GetUtcNow();
        if (publication is null)
        {
            if (!IndexPublication.Open(kind, when, caller.Name, now).TryGet(out var opened, out var openError))
            {
                return Problems.From(openError);
            }

            publication = opened;
            db.IndexPublications.Add(publication);
        }

        var ranked = await IndicesApi.RankLiveAsync(db, kind, when, await directory.VisibleAsync(caller, kind, null, null, ct), ct);
        if (publication.Took(ranked.Count, caller.Name, now) is { } frozen)
        {
            return Problems.From(frozen);
        }

        await using var transaction = await db.BeginUnlessOpenAsync(ct);
        await db.PublishedScores.Where(s => s.PublicationId == publication.Id).ExecuteDeleteAsync(ct);
        db.PublishedScores.AddRange(ranked.Select(r => PublishedScore.Of(publication.Id, r)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitIfOwnAsync(ct);
        return TypedResults.Ok(PublicationResponse.Of(publication));
    }

    public static async Task<Results<Ok<PublicationResponse>, ProblemHttpResult>> Publish(
        [OneOf<IndexKind>] string index,
        string period,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!(await FindAsync(index, period, db, ct)).TryGet(out var found, out var error))
        {
            return Problems.From(error);
        }

        if (found.Publication is not { } publication)
        {
            return Problems.From(DomainError.Conflict("not-reviewed", $"{found.Period} has not been taken for review: take its figures first."));
        }

        if (publication.Publish(caller.Name, clock.GetUtcNow()) is { } frozen)
        {
            return Problems.From(frozen);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PublicationResponse.Of(publication));
    }

    private static async Task<Result<(IndexKind Index, IndexPeriod Period, IndexPublication? Publication)>> FindAsync(
        [OneOf<IndexKind>] string index,
        string period,
        OrganizationDbContext db,
        CancellationToken ct
    )
    {
        if (IndicesApi.ParseIndex(index) is not { } kind)
        {
            return IndicesApi.UnknownIndexError(index);
        }

        if (!IndexPeriod.Parse(period).TryGet(out var parsed, out var error))
        {
            return error;
        }

        var name = parsed.ToString();
        return (kind, parsed, await db.IndexPublications.FirstOrDefaultAsync(p => p.Index == kind && p.Period == name, ct));
    }
}
