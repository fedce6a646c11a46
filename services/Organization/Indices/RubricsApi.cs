using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Organization.Data;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Domain;

namespace Platform.Organization.Indices;

public sealed record RubricVersionResponse(IndexKind Index, int Version, RubricStatus Status, DateOnly? EffectiveFrom, Rubric Rubric, string ChangedBy, DateTimeOffset ChangedAt)
{
    public static RubricVersionResponse From(RubricVersion v) => new(v.Index, v.Version, v.Status, v.EffectiveFrom, v.Rubric, v.ChangedBy, v.ChangedAt);
}

public sealed record PublishRubricRequest(DateOnly? EffectiveFrom);

/// <summary>A member's score for a past period under the version in force and under the draft, side by side.</summary>
public sealed record RubricPreviewResponse(Guid PersonId, DateTimeOffset From, DateTimeOffset To, IndexScore InForce, IndexScore Draft);

/// <summary>
/// Rubrics as versioned data: every version listed, one draft at a time edited by the admin and previewed against
/// a past period, then published from a date on. Version 1 of each index is built in (see docs/indices.md).
/// </summary>
public static class RubricsApi
{
    public static RouteGroupBuilder MapRubricsApi(this RouteGroupBuilder indices)
    {
        var rubrics = indices.MapGroup("/rubrics/{index}").WithTags("Indices");
        rubrics.MapGet("/", Versions).WithName("RubricVersions").AllowSignedIn()
            .WithDescription("Every version of an index's rubric (Vanguard for now), newest first, with the dates they score from.");
        rubrics.MapPost("/draft", StartDraft).WithName("StartRubricDraft").Allow(Roles.SubdistrictAdmin)
            .WithDescription("A new draft, copied from the latest version. One draft at a time.");
        rubrics.MapPut("/draft", EditDraft).WithName("EditRubricDraft").Allow(Roles.SubdistrictAdmin)
            .WithDescription("Replaces the draft's rubric (base and maximum score, components with items and caps, resets, grades); every problem is named at once.");
        rubrics.MapGet("/draft/preview", Preview).WithName("PreviewRubricDraft").Allow(Roles.SubdistrictAdmin)
            .WithDescription("A member's score for a past period under the version in force and under the draft.");
        rubrics.MapPost("/draft/publish", Publish).WithName("PublishRubricDraft").Allow(Roles.SubdistrictAdmin)
            .WithDescription("Publishes the draft from effectiveFrom (today or later, after the version in force began); a published version never changes.");
        return indices;
    }

    public static async Task<Results<Ok<List<RubricVersionResponse>>, ProblemHttpResult>> Versions(string index, OrganizationDbContext db, CancellationToken ct)
    {
        if (Parse(index) is not { } kind)
        {
            return UnknownIndex(index);
        }

        var stored = await db.RubricVersions.AsNoTracking().Where(v => v.Index == kind).ToListAsync(ct);
        return TypedResults.Ok(stored.Concat(BuiltIn(kind)).OrderByDescending(v => v.Version).Select(RubricVersionResponse.From).ToList());
    }

    public static async Task<Results<Created<RubricVersionResponse>, ProblemHttpResult>> StartDraft(string index, Caller caller, OrganizationDbContext db, TimeProvider clock, CancellationToken ct)
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
        string index, Rubric rubric, Caller caller, OrganizationDbContext db, TimeProvider clock, CancellationToken ct)
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

        var problems = draft.Edit(rubric with { Components = rubric.Components ?? [], ResetInputs = rubric.ResetInputs ?? [], Grades = rubric.Grades ?? [] }, caller.Name, clock.GetUtcNow());
        if (problems.Count > 0)
        {
            return TypedResults.Problem(
                title: $"The rubric has {problems.Count} problem(s); nothing was changed.", statusCode: StatusCodes.Status400BadRequest,
                type: "https://platform.local/problems/invalid-rubric",
                extensions: new Dictionary<string, object?> { ["code"] = "invalid-rubric", ["problems"] = problems.Select(p => new { p.Code, p.Message }).ToList() });
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RubricVersionResponse.From(draft));
    }

    public static async Task<Results<Ok<RubricPreviewResponse>, ProblemHttpResult>> Preview(
        string index, Guid? personId, DateTimeOffset? from, DateTimeOffset? to, OrganizationDbContext db, CancellationToken ct)
    {
        if (Parse(index) is not IndexKind.Vanguard)
        {
            return UnknownIndex(index);
        }

        if (personId is not { } person || from is not { } start || to is not { } end || end <= start)
        {
            return Problems.From(DomainError.Invalid("personId", "preview-needs-person-and-period", "Give personId, from and to (to after from)."));
        }

        var draft = await db.RubricVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Index == IndexKind.Vanguard && v.Status == RubricStatus.Draft, ct);
        if (draft is null)
        {
            return NoDraft(IndexKind.Vanguard);
        }

        var inputs = await IndicesApi.InputsAsync(db, person, start, end, ct);
        var inForce = await InForceAsync(db, IndexKind.Vanguard, DateOnly.FromDateTime(start.UtcDateTime), ct);
        return TypedResults.Ok(new RubricPreviewResponse(person, start, end, RubricScorer.Score(inForce, inputs), RubricScorer.Score(draft.Rubric, inputs)));
    }

    public static async Task<Results<Ok<RubricVersionResponse>, ProblemHttpResult>> Publish(
        string index, PublishRubricRequest request, Caller caller, OrganizationDbContext db, TimeProvider clock, CancellationToken ct)
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
        if (draft.Publish(effective, DateOnly.FromDateTime(now.UtcDateTime), latest, caller.Name, now) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RubricVersionResponse.From(draft));
    }

    /// <summary>The version that scores a period starting on <paramref name="day"/>: the latest published from that day or before.</summary>
    public static async Task<Rubric> InForceAsync(OrganizationDbContext db, IndexKind index, DateOnly day, CancellationToken ct)
    {
        var stored = await db.RubricVersions.AsNoTracking()
            .Where(v => v.Index == index && v.Status == RubricStatus.Published && v.EffectiveFrom <= day).ToListAsync(ct);
        return stored.Concat(BuiltIn(index)).MaxBy(v => v.EffectiveFrom)!.Rubric;
    }

    private static IEnumerable<RubricVersion> BuiltIn(IndexKind index) => index == IndexKind.Vanguard ? [RubricVersion.BuiltIn(Rubric.DefaultVanguard)] : [];

    private static IndexKind? Parse(string index) => Enum.TryParse<IndexKind>(index, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(index, out _) ? kind : null;

    private static ProblemHttpResult UnknownIndex(string index) =>
        Problems.From(DomainError.NotFound("index-not-found", $"No index '{index}' has a rubric here: Vanguard (Fortress and Service are to come)."));

    private static ProblemHttpResult NoDraft(IndexKind kind) =>
        Problems.From(DomainError.NotFound("rubric-draft-not-found", $"The {kind} rubric has no draft: start one with POST .../draft."));
}
