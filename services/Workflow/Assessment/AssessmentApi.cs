using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Domain;
using Platform.Workflow.Cases;
using Platform.Workflow.Data;

namespace Platform.Workflow.Assessment;

/// <summary>The figures of a period, with how satisfaction is counted here (the Service Index counts it otherwise: both say so).</summary>
public sealed record AssessmentResponse(
    AssessmentLevel Level,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<AssessmentRow> Rows,
    string SatisfactionRule
);

public sealed record AssessmentItemRequest(
    [property: OneOf<AssessmentLevel>] [property: Required] string? Level,
    [property: Required] string? SubjectId,
    [property: Required] decimal? Points,
    [property: Required] string? Reason,
    string? Evidence
);

public sealed record AssessmentItemResponse(
    Guid Id,
    AssessmentLevel Level,
    string SubjectId,
    decimal Points,
    string Reason,
    string? Evidence,
    string Source,
    Guid? CaseId,
    string RecordedBy,
    DateTimeOffset At
)
{
    public static AssessmentItemResponse From(AssessmentItem i) =>
        new(i.Id, i.Level, i.SubjectId, i.Points, i.Reason, i.Evidence, i.Source, i.CaseId, i.RecordedByName, i.At);
}

/// <summary>
/// Assessment (考核奖惩): the figures and the ranking of any level for any period, computed from the stored case
/// records by <see cref="AssessmentCalculator"/> (one query serves the dashboards and the published ranking),
/// and the rewards and penalties, by rule and by hand.
/// </summary>
public static class AssessmentApi
{
    private static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(366);

    public static RouteGroupBuilder MapAssessmentApi(this RouteGroupBuilder api)
    {
        var assessment = api.MapGroup("/assessment").WithTags("Assessment");
        assessment
            .MapGet("/", Figures)
            .WithName("Assessment")
            .Allow(Roles.SubdistrictAdmin, Roles.SubdistrictCadre, Roles.CommunityStaff)
            .WithDescription(
                """
                level (Handler, Grid, Community, Department) and the period [from, to), at most a year; communityId narrows to one community's
                cases (community staff: their own). Each row: response, closure, on-time closure, satisfaction, resolution and rework rates,
                returns, extensions, deferrals, voids, rewards and penalties, a score and a rank (ties share a rank).
                """
            )
            .Refuses(400, "invalid-level", "invalid-period")
            .Refuses(403, "out-of-scope");
        assessment
            .MapPost("/items", Record)
            .WithName("RecordAssessmentItem")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("A reward (points > 0) or penalty (points < 0) by hand, with a reason and evidence; published as AssessmentRecorded.")
            .Refuses(400, "invalid-evidence", "invalid-level", "invalid-points", "reason-required", "subject-required", "unknown-subject");
        assessment
            .MapGet("/items", Items)
            .WithName("ListAssessmentItems")
            .Allow(Roles.SubdistrictAdmin, Roles.SubdistrictCadre)
            .Refuses(400, "invalid-level", "invalid-page", "invalid-page-size");
        return api;
    }

    public static async Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> Figures(
        Caller caller,
        ReadDb<WorkflowDbContext> read,
        IOptions<AssessmentOptions> options,
        [OneOf<AssessmentLevel>] string? level,
        DateTimeOffset? from,
        DateTimeOffset? to,
        Guid? communityId,
        CancellationToken ct
    )
    {
        var db = read.Context;
        if (!EnumInput.Parse<AssessmentLevel>(level, "level").TryGet(out var parsed, out var levelError))
        {
            return Problems.From(levelError);
        }

        if (from is not { } start || to is not { } end || end <= start || end - start > LongestPeriod)
        {
            return Problems.From(DomainError.Invalid("to", "invalid-period", "Give the period as from and to: to after from, at most a year."));
        }

        if (!caller.IsIn(Roles.SubdistrictAdmin, Roles.SubdistrictCadre) && (communityId is not { } asked || !caller.CoversCommunity(asked)))
        {
            return Problems.From(DomainError.OutOfScope("Community staff see the assessment of their own community: give its communityId."));
        }

        var cases = db
            .Cases.AsNoTracking()
            .Where(c =>
                (c.DispatchedAt >= start && c.DispatchedAt < end)
                || (c.Deadline.DueAt >= start && c.Deadline.DueAt < end)
                || (c.VoidedAt >= start && c.VoidedAt < end)
            );
        cases = communityId is { } community ? cases.Where(c => c.CommunityId == community) : cases;
        var facts = await cases
            .Select(c => new CaseFacts(
                c.Id,
                c.GridId,
                c.CommunityId,
                c.Department,
                c.HandledByPersonId,
                c.HandledBySubject,
                c.State,
                c.DispatchedAt,
                c.AcceptedAt,
                c.Deadline.DueAt,
                c.OnTime,
                c.Rating,
                c.ReporterSaysResolved,
                c.Reopens,
                c.Returns,
                c.Extensions,
                c.Deferrals,
                c.VoidedAt
            ))
            .ToListAsync(ct);
        var points = await db
            .AssessmentItems.AsNoTracking()
            .Where(i => i.Level == parsed && i.At >= start && i.At < end)
            .Select(i => new AssessmentPoints(i.SubjectId, i.Points, i.At))
            .ToListAsync(ct);
        var subjects = facts.Select(f => AssessmentCalculator.SubjectOf(f, parsed)).OfType<string>().ToHashSet();
        if (communityId is not null)
        {
            points = [.. points.Where(p => subjects.Contains(p.SubjectId))];
        }

        subjects.UnionWith(points.Select(p => p.SubjectId));
        var rows = AssessmentCalculator.Compute(facts, points, parsed, start, end, options.Value, await NamesAsync(db, parsed, subjects, ct));
        var rule =
            $"satisfaction rate = (Satisfied + {options.Value.BasicallySatisfiedWeight:0.##} × BasicallySatisfied) / rated cases; "
            + "the Organization service's Service Index counts Satisfied only, a BasicallySatisfied case lowering its share";
        return TypedResults.Ok(new AssessmentResponse(parsed, start, end, rows, rule));
    }

    public static async Task<Results<Created<AssessmentItemResponse>, ProblemHttpResult>> Record(
        AssessmentItemRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!EnumInput.Parse<AssessmentLevel>(request.Level, "level").TryGet(out var level, out var levelError))
        {
            return Problems.From(levelError);
        }

        if (
            !AssessmentItem
                .Manual(level, request.SubjectId, request.Points, request.Reason, request.Evidence, Actor.Of(caller), clock.GetUtcNow())
                .TryGet(out var recorded, out var error)
        )
        {
            return Problems.From(error);
        }

        var item = recorded;
        var known = item.Level switch
        {
            AssessmentLevel.Grid => Guid.TryParse(item.SubjectId, out var grid) && await db.KnownGrids.AnyAsync(g => g.Id == grid, ct),
            AssessmentLevel.Community => Guid.TryParse(item.SubjectId, out var community)
                && (await db.Communities.AnyAsync(c => c.Id == community, ct) || await db.KnownGrids.AnyAsync(g => g.CommunityId == community, ct)),
            _ => true,
        };
        if (!known)
        {
            return Problems.From(
                DomainError.Invalid(
                    "subjectId",
                    "unknown-subject",
                    $"No {item.Level.ToString().ToLowerInvariant()} {item.SubjectId} is known to the Workflow service."
                )
            );
        }

        db.AssessmentItems.Add(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workflow/assessment/items/{item.Id}", AssessmentItemResponse.From(item));
    }

    public static async Task<Results<Ok<Page<AssessmentItemResponse>>, ProblemHttpResult>> Items(
        ReadDb<WorkflowDbContext> read,
        [OneOf<AssessmentLevel>] string? level,
        string? subjectId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var db = read.Context;
        var paging = Paging.Validate(page, pageSize);
        var parsed = EnumInput.ParseOptional<AssessmentLevel>(level, "level");
        if ((paging.Error ?? parsed.Error) is { } error)
        {
            return Problems.From(error);
        }

        var query = db.AssessmentItems.AsNoTracking();
        query = parsed.Value is { } l ? query.Where(i => i.Level == l) : query;
        query = subjectId is null ? query : query.Where(i => i.SubjectId == subjectId);
        query = from is { } f ? query.Where(i => i.At >= f) : query;
        query = to is { } t ? query.Where(i => i.At < t) : query;
        return TypedResults.Ok(await query.OrderByDescending(i => i.At).ToPageAsync(paging.Value, AssessmentItemResponse.From, ct));
    }

    /// <summary>The names of the subjects in the answer only (not of every grid, department or person known).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> NamesAsync(
        WorkflowDbContext db,
        AssessmentLevel level,
        IReadOnlySet<string> subjects,
        CancellationToken ct
    )
    {
        var ids = subjects.Select(s => Guid.TryParse(s, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
        var codes = subjects.ToList();
        return level switch
        {
            AssessmentLevel.Grid => await db
                .KnownGrids.AsNoTracking()
                .Where(g => ids.Contains(g.Id))
                .ToDictionaryAsync(g => g.Id.ToString(), g => $"{g.Code} {g.Name}", ct),
            AssessmentLevel.Community => await db
                .Communities.AsNoTracking()
                .Where(c => ids.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id.ToString(), c => c.Name, ct),
            AssessmentLevel.Department => (
                await db
                    .LayerResponsibilities.AsNoTracking()
                    .Where(r => codes.Contains(r.DepartmentCode!) && r.DepartmentName != null)
                    .Select(r => new { r.DepartmentCode, r.DepartmentName })
                    .Distinct()
                    .ToListAsync(ct)
            )
                .DistinctBy(r => r.DepartmentCode)
                .ToDictionary(r => r.DepartmentCode!, r => r.DepartmentName!),
            _ => await HandlerNamesAsync(db, ids, codes, ct),
        };
    }

    private static async Task<Dictionary<string, string>> HandlerNamesAsync(WorkflowDbContext db, List<Guid> people, List<string> keys, CancellationToken ct)
    {
        var names = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id.ToString(), p => p.Name, ct);
        var accounts = keys.Where(k => k.StartsWith("account:", StringComparison.Ordinal)).Select(k => k["account:".Length..]).ToList();
        var handlers = await db
            .Cases.AsNoTracking()
            .Where(c => c.HandledByPersonId == null && accounts.Contains(c.HandledBySubject!))
            .Select(c => new { c.HandledBySubject, c.HandledByName })
            .Distinct()
            .ToListAsync(ct);
        foreach (var handler in handlers.DistinctBy(h => h.HandledBySubject))
        {
            names.TryAdd($"account:{handler.HandledBySubject}", handler.HandledByName ?? handler.HandledBySubject!);
        }

        return names;
    }
}
