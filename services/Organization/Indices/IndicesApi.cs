using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Organization.Data;
using Platform.Organization.People;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Domain;

namespace Platform.Organization.Indices;

/// <summary>A place in a Vanguard ranking; ties share a rank.</summary>
public sealed record VanguardRankRow(int Rank, Guid PersonId, string Name, Guid? OrganizationId, decimal Total, string? Grade);

public sealed record VanguardRanking(DateTimeOffset From, DateTimeOffset To, int RubricVersion, Page<VanguardRankRow> Rows);

/// <summary>A member's Vanguard score for a period, with its reasons.</summary>
public sealed record VanguardScoreResponse(Guid PersonId, string Name, DateTimeOffset From, DateTimeOffset To, IndexScore Score);

/// <summary>
/// The indices (issue 9, in progress): for now a member's Vanguard Index for any period, live from the stored
/// inputs under the rubric version in force, explained component by component and input by input.
/// </summary>
public static class IndicesApi
{
    public static RouteGroupBuilder MapIndicesApi(this RouteGroupBuilder api)
    {
        var indices = api.MapGroup("/indices").WithTags("Indices");
        indices.MapGet("/vanguard/{personId:guid}", Vanguard).WithName("VanguardScore").AllowSignedIn()
            .WithDescription("A member's 先锋指数 for [from, to) (default: this month so far) under the rubric version in force at its start, with each component and each input's points. A member sees their own; organizers those in their scope.");
        indices.MapGet("/vanguard", Ranking).WithName("VanguardRanking").Allow([.. Roles.Organizers])
            .WithDescription("The members in the caller's scope ranked by 先锋指数 for [from, to) (default: this month so far), optionally within one party organization or community; ties share a rank.");
        indices.MapRubricsApi();
        return api;
    }

    public static async Task<Results<Ok<VanguardScoreResponse>, ProblemHttpResult>> Vanguard(
        Guid personId, Caller caller, OrganizationDbContext db, TimeProvider clock, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null || !(caller.IsPerson(personId) || caller.IsIn([.. Roles.Organizers]) && Person.Scope.Covers(caller, person)))
        {
            return Problems.NotFound("person", personId);
        }

        var period = PeriodOf(from, to, clock.GetUtcNow());
        if (period.Error is { } periodError)
        {
            return Problems.From(periodError);
        }

        var (start, end) = period.Value;

        var rubric = await RubricsApi.InForceAsync(db, IndexKind.Vanguard, DateOnly.FromDateTime(start.UtcDateTime), ct);
        return TypedResults.Ok(new VanguardScoreResponse(personId, person.Name, start, end, RubricScorer.Score(rubric, await InputsAsync(db, personId, start, end, ct))));
    }

    public static async Task<Results<Ok<VanguardRanking>, ProblemHttpResult>> Ranking(
        Caller caller, OrganizationDbContext db, TimeProvider clock, Guid? organizationId, Guid? communityId, DateTimeOffset? from, DateTimeOffset? to,
        int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.Validate(page, pageSize);
        if (paging.Error is { } pagingError)
        {
            return Problems.From(pagingError);
        }

        var period = PeriodOf(from, to, clock.GetUtcNow());
        if (period.Error is { } periodError)
        {
            return Problems.From(periodError);
        }

        var (start, end) = period.Value;

        var members = db.People.AsNoTracking().VisibleTo(caller, Person.Scope).Where(p => p.Membership != null);
        members = organizationId is { } organization ? members.Where(p => p.Membership!.OrganizationId == organization) : members;
        members = communityId is { } community ? members.Where(p => p.CommunityId == community) : members;
        var people = await members.Select(p => new { p.Id, p.Name, OrganizationId = (Guid?)p.Membership!.OrganizationId }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var inputs = (await db.IndexInputs.AsNoTracking().Where(i => ids.Contains(i.PersonId) && i.At >= start && i.At < end).ToListAsync(ct))
            .ToLookup(i => i.PersonId, i => i.ToInput());
        var rubric = await RubricsApi.InForceAsync(db, IndexKind.Vanguard, DateOnly.FromDateTime(start.UtcDateTime), ct);
        var scored = people.Select(p => (Person: p, Score: RubricScorer.Score(rubric, inputs[p.Id])))
            .OrderByDescending(s => s.Score.Total).ThenBy(s => s.Person.Id).ToList();
        var ranks = Platform.ServiceDefaults.Api.Ranking.Competition(scored, s => s.Score.Total);
        var rows = scored.Select((s, i) => new VanguardRankRow(ranks[i], s.Person.Id, s.Person.Name, s.Person.OrganizationId, s.Score.Total, s.Score.Grade)).ToList();

        return TypedResults.Ok(new VanguardRanking(start, end, rubric.Version, rows.ToPage(paging.Value, r => r)));
    }

    /// <summary>The period asked for; by default this month so far.</summary>
    private static Result<(DateTimeOffset Start, DateTimeOffset End)> PeriodOf(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now)
    {
        var start = from ?? new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var end = to ?? now;
        return end > start ? (start, end) : DomainError.Invalid("to", "invalid-period", "to must be after from.");
    }

    /// <summary>A person's inputs in [from, to), from the ledger.</summary>
    public static async Task<List<IndexInput>> InputsAsync(OrganizationDbContext db, Guid personId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        (await db.IndexInputs.AsNoTracking().Where(i => i.PersonId == personId && i.At >= from && i.At < to).ToListAsync(ct)).Select(i => i.ToInput()).ToList();
}
