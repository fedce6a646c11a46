using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.Time;
using Platform.Organization.Data;

namespace Platform.Organization.Indices;

public sealed record RubricVersionResponse(
    IndexKind Index,
    int Version,
    RubricStatus Status,
    DateOnly? EffectiveFrom,
    Rubric Rubric,
    string ChangedBy,
    DateTimeOffset ChangedAt
)
{
    public static RubricVersionResponse From(RubricVersion v) => new(v.Index, v.Version, v.Status, v.EffectiveFrom, v.Rubric, v.ChangedBy, v.ChangedAt);
}

public sealed record PublishRubricRequest(DateOnly? EffectiveFrom);

/// <summary>A subject's score for a past period under the version in force and under the draft, side by side.</summary>
public sealed record RubricPreviewResponse(Guid SubjectId, string Period, IndexScore InForce, IndexScore Draft);

/// <summary>
/// Rubrics as versioned data: every version listed, one draft at a time edited by the admin and previewed against
/// a past period, then published from a date on. Version 1 of each index is built in (see docs/indices.md).
/// </summary>
public static class RubricsApi
{
    public static RouteGroupBuilder MapRubricsApi(this RouteGroupBuilder indices)
    {
        var rubrics = indices.MapGroup("/rubrics/{index}").WithTags("Indices");
        rubrics
            .MapGet("/", Versions)
            .WithName("RubricVersions")
            .AllowSignedIn()
            .WithDescription("Every version of an index's rubric (Vanguard, Fortress, Service), newest first, with the dates they score from.")
            .Refuses(404, "index-not-found");
        rubrics
            .MapPost("/draft", StartDraft)
            .WithName("StartRubricDraft")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("A new draft, copied from the latest version. One draft at a time.")
            .Refuses(404, "index-not-found")
            .Refuses(409, "rubric-draft-exists")
            .Refuses(404, "rubric-not-found");
        rubrics
            .MapPut("/draft", EditDraft)
            .WithName("EditRubricDraft")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription(
                "Replaces the draft's rubric (base and maximum score, components with items and caps, resets, grades); every problem is named at once."
            )
            .Refuses(400, "invalid-rubric")
            .Refuses(404, "index-not-found")
            .Refuses(404, "rubric-draft-not-found")
            .Refuses(409, "rubric-published");
        rubrics
            .MapGet("/draft/preview", Preview)
            .WithName("PreviewRubricDraft")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription(
                "A subject's score (a member, an organization, a community or 'subdistrict') for a past period under the version in force and under the draft."
            )
            .Refuses(404, "index-not-found")
            .Refuses(400, "preview-needs-subject-and-period")
            .Refuses(404, "rubric-draft-not-found", "subject-not-found");
        rubrics
            .MapPost("/draft/publish", Publish)
            .WithName("PublishRubricDraft")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("Publishes the draft from effectiveFrom (today or later, after the version in force began); a published version never changes.")
            .Refuses(400, "invalid-effective-date")
            .Refuses(404, "index-not-found")
            .Refuses(404, "rubric-draft-not-found")
            .Refuses(409, "rubric-published");
        return indices;
    }

    public static async Task<Results<Ok<List<RubricVersionResponse>>, ProblemHttpResult>> Versions(
        [OneOf<IndexKind>] string index,
        OrganizationDbContext db,
        CancellationToken ct
    )
    {
        if (Parse(index) is not { } kind)
        {
            return UnknownIndex(index);
        }

        var stored = await db.RubricVersions.AsNoTracking().Where(v => v.Index == kind).ToListAsync(ct);
        return TypedResults.Ok(stored.Concat(BuiltIn(kind)).OrderByDescending(v => v.Version).Select(RubricVersionResponse.From).ToList());
    }

    public static async Task<Results<Created<RubricVersionResponse>, ProblemHttpResult>> StartDraft(
        [OneOf<IndexKind>] string index,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (Parse(index) is not { } kind)
        {
            return UnknownIndex(index);
        }

        var stored = await db.RubricVersions.Where(v => v.Index == kind).ToListAsync(ct);
        if (stored.Any(v => v.Status == RubricStatus.Draft))
        {
            return Problems.From(DomainError.Conflict("rubric-draft-exists", $"The {kind} rubric already has a draft: edit or publish it."));
        }

        if (stored.Concat(BuiltIn(kind)).MaxBy(v => v.Version) is not { } latest)
        {
            return Problems.From(DomainError.NotFound("rubric-not-found", $"No {kind} rubric is built in yet."));
        }

        var draft = RubricVersion.DraftFrom(latest, caller.Name, clock.GetUtcNow());
        db.RubricVersions.Add(draft);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/indices/rubrics/{kind}/draft", RubricVersionResponse.From(draft));
    }

    public static async Task<Results<Ok<RubricVersionResponse>, ProblemHttpResult>> EditDraft(
        [OneOf<IndexKind>] string index,
        Rubric rubric,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (Parse(index) is not { } kind)
        {
            return UnknownIndex(index);
        }

        var draft = await db.RubricVersions.FirstOrDefaultAsync(v => v.Index == kind && v.Status == RubricStatus.Draft, ct);
        if (draft is null)
        {
            return NoDraft(kind);
        }

        var problems = draft.Edit(
            rubric with
            {
                Components = rubric.Components ?? [],
                ResetInputs = rubric.ResetInputs ?? [],
                Grades = rubric.Grades ?? [],
            },
            caller.Name,
            clock.GetUtcNow()
        );
        if (problems.Count > 0)
        {
            return TypedResults.Problem(
                title: $"The rubric has {problems.Count} problem(s); nothing was changed.",
                statusCode: StatusCodes.Status400BadRequest,
                type: "https://platform.local/problems/invalid-rubric",
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = "invalid-rubric",
                    ["problems"] = problems.Select(p => new { p.Code, p.Message }).ToList(),
                }
            );
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RubricVersionResponse.From(draft));
    }

    public static async Task<Results<Ok<RubricPreviewResponse>, ProblemHttpResult>> Preview(
        [OneOf<IndexKind>] string index,
        string? subjectId,
        string? period,
        Caller caller,
        OrganizationDbContext db,
        IndexSubjectDirectory directory,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (Parse(index) is not { } kind)
        {
            return UnknownIndex(index);
        }

        var when = IndexPeriod.Parse(period);
        if (IndexSubjects.Parse(kind, subjectId) is not { } subjectKey || when.Error is not null)
        {
            return Problems.From(
                DomainError.Invalid(
                    "subjectId",
                    "preview-needs-subject-and-period",
                    "Give subjectId (a member, an organization, a community or 'subdistrict') and period (2026-10, 2026-Q3 or 2026)."
                )
            );
        }

        var draft = await db.RubricVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Index == kind && v.Status == RubricStatus.Draft, ct);
        if (draft is null)
        {
            return NoDraft(kind);
        }

        if (await directory.FindAsync(caller, kind, subjectKey, ct) is not { } found)
        {
            return Problems.NotFound("subject", subjectKey);
        }

        var inputs = await IndicesApi.InputsAsync(db, new ScoreKey(kind, subjectKey, when.Value), ct);
        var inForce = await InForceAsync(db, kind, when.Value.FirstDay, ct);
        return TypedResults.Ok(
            new RubricPreviewResponse(
                subjectKey,
                when.Value.ToString(),
                RubricScorer.Score(inForce, inputs, found.OrganizationType),
                RubricScorer.Score(draft.Rubric, inputs, found.OrganizationType)
            )
        );
    }

    public static async Task<Results<Ok<RubricVersionResponse>, ProblemHttpResult>> Publish(
        [OneOf<IndexKind>] string index,
        PublishRubricRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (Parse(index) is not { } kind)
        {
            return UnknownIndex(index);
        }

        var stored = await db.RubricVersions.Where(v => v.Index == kind).ToListAsync(ct);
        var draft = stored.FirstOrDefault(v => v.Status == RubricStatus.Draft);
        if (draft is null)
        {
            return NoDraft(kind);
        }

        if (request.EffectiveFrom is not { } effective)
        {
            return Problems.From(DomainError.Invalid("effectiveFrom", "invalid-effective-date", "Give the first day the version scores (effectiveFrom)."));
        }

        var now = clock.GetUtcNow();
        var latest = stored.Where(v => v.Status == RubricStatus.Published).Concat(BuiltIn(kind)).Max(v => v.EffectiveFrom!.Value);
        if (draft.Publish(effective, clock.DateOf(now), latest, caller.Name, now) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RubricVersionResponse.From(draft));
    }

    /// <summary>The version that scores a period starting on <paramref name="day"/>: the latest published from that day or before.</summary>
    public static async Task<Rubric> InForceAsync(OrganizationDbContext db, IndexKind index, DateOnly day, CancellationToken ct)
    {
        var stored = await db
            .RubricVersions.AsNoTracking()
            .Where(v => v.Index == index && v.Status == RubricStatus.Published && v.EffectiveFrom <= day)
            .ToListAsync(ct);
        return stored.Concat(BuiltIn(index)).MaxBy(v => v.EffectiveFrom)!.Rubric;
    }

    private static IEnumerable<RubricVersion> BuiltIn(IndexKind index) => [RubricVersion.BuiltIn(DefaultRubrics.Of(index))];

    private static IndexKind? Parse(string index) => IndicesApi.ParseIndex(index);

    private static ProblemHttpResult UnknownIndex(string index) => IndicesApi.UnknownIndex(index);

    private static ProblemHttpResult NoDraft(IndexKind kind) =>
        Problems.From(DomainError.NotFound("rubric-draft-not-found", $"The {kind} rubric has no draft: start one with POST .../draft."));
}
