using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.Time;
using Platform.Grid.Data;
using Platform.Grid.Grids;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Staffing;

public sealed record TakeUpPostRequest(
    [property: Required] Guid PersonId,
    [property: OneOf<GridPostKind>] [property: Required] string? Post,
    [property: OneOf<ParticipantCategory>] string? Category,
    string? OriginalDuties,
    DateOnly? From
);

public sealed record EndPostRequest(DateOnly? On);

public sealed record GridPostResponse(
    Guid Id,
    Guid GridId,
    Guid PersonId,
    string PersonName,
    [property: OneOf<GridPostKind>] string Post,
    [property: OneOf<ParticipantCategory>] string? Category,
    string? OriginalDuties,
    DateOnly From,
    DateOnly? To
);

public sealed record TeamMemberRequest([property: Required] Guid PersonId, bool FullTime, bool? Active);

public sealed record TeamMemberResponse(Guid PersonId, string PersonName, bool FullTime, bool Active);

public sealed record QuotaRequest([property: Required] int? PointsPerAssistant, int? Minimum, int? Maximum);

public sealed record QuotaResponse(int PointsPerAssistant, int Minimum, int Maximum, string Formula);

/// <summary>One grid's staffing against the rules: a leader, enough assistants for its complexity, an instructor.</summary>
public sealed record StaffingRow(
    Guid GridId,
    string Code,
    string Name,
    Guid CommunityId,
    int Complexity,
    string? Leader,
    int Assistants,
    int SuggestedAssistants,
    int Participants,
    string? Instructor,
    IReadOnlyList<string> Problems
);

public static class StaffingApi
{
    public static RouteGroupBuilder MapStaffingApi(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/grids/{gridId:guid}/staff").WithTags("Staffing");
        staff
            .MapPost("/", TakeUp)
            .WithName("TakeUpGridPost")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin, Roles.CommunityStaff)
            .WithDescription(
                "Leader (community staff of the grid's community, with their original duties; one per grid), Assistant "
                    + "(full-time comprehensive-management team member), Participant (with a category) or Instructor (a subdistrict "
                    + "cadre). A person the Grid service has not heard of is a 409."
            )
            .Refuses(400, "invalid-category", "invalid-post", "original-duties-required", "participant-category-required")
            .Refuses(403, "out-of-scope")
            .Refuses(404, "grid-not-found")
            .Refuses(409, "assistant-not-full-time-team-member", "instructor-not-cadre", "leader-in-post", "leader-not-community-staff", "unknown-person")
            .Refuses(409, "already-in-post", "instructor-in-post");
        staff.MapGet("/", List).WithName("ListGridStaff").Allow(Roles.Staff).Refuses(404, "grid-not-found");
        staff
            .MapPost("/{postId:guid}/end", End)
            .WithName("EndGridPost")
            .Allow(Roles.SubdistrictAdmin, Roles.CommunityStaff)
            .Refuses(404, "grid-post-not-found")
            .Refuses(400, "end-before-start")
            .Refuses(409, "post-ended");

        var staffing = api.MapGroup("/staffing").WithTags("Staffing");
        staffing
            .MapGet("/report", Report)
            .WithName("StaffingReport")
            .Allow(Roles.Staff)
            .WithDescription("Per grid: leader, assistants against the suggested number, participants, instructor, and what is missing.")
            .Refuses(400, "invalid-page", "invalid-page-size");
        staffing.MapGet("/assistant-quota", GetQuota).WithName("GetAssistantQuota").Allow(Roles.Staff);
        staffing.MapPut("/assistant-quota", SetQuota).WithName("SetAssistantQuota").Allow(Roles.SubdistrictAdmin).Refuses(400, "invalid-quota");
        staffing
            .MapPut("/team", SetTeamMember)
            .WithName("SetTeamMember")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("Enrols a person in (or changes them on) the comprehensive management team (综治队伍) that grid assistants come from.")
            .Refuses(409, "unknown-person");
        staffing.MapGet("/team", ListTeam).WithName("ListTeam").Allow(Roles.Staff);
        return api;
    }

    public static async Task<Results<Created<GridPostResponse>, ProblemHttpResult>> TakeUp(
        Guid gridId,
        TakeUpPostRequest request,
        Caller caller,
        GridDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var kind = EnumInput.Parse<GridPostKind>(request.Post, "post");
        var category = EnumInput.ParseOptional<ParticipantCategory>(request.Category, "category");
        if ((kind.Error ?? category.Error) is { } inputError)
        {
            return Problems.From(inputError);
        }

        var grid = await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gridId, ct);
        if (grid is null)
        {
            return Problems.NotFound("grid", gridId);
        }

        if (!caller.CoversCommunity(grid.CommunityId))
        {
            return Problems.OutOfScope("grid's community");
        }

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PersonId, ct);
        if (person is null)
        {
            return Problems.From(
                DomainError.Conflict(
                    "unknown-person",
                    $"The Grid service has not heard of person {request.PersonId}: register them in the Organization service first "
                        + "(or wait a moment for the news to arrive)."
                )
            );
        }

        var now = clock.GetUtcNow();
        var posts = await db.Posts.AsNoTracking().Where(p => p.GridId == gridId && p.To == null).ToListAsync(ct);
        var team = await db.Team.AsNoTracking().FirstOrDefaultAsync(t => t.PersonId == person.Id, ct);
        var outcome = GridPost.TakeUp(grid, person, kind.Value, category.Value, request.OriginalDuties, posts, team, request.From ?? clock.DateOf(now), now);
        if (!outcome.TryGet(out var taken, out var error))
        {
            return Problems.From(error);
        }

        db.Posts.Add(taken);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/grid/grids/{gridId}/staff/{taken.Id}", Response(taken, person.Name));
    }

    public static async Task<Results<Ok<IReadOnlyList<GridPostResponse>>, ProblemHttpResult>> List(
        Guid gridId,
        bool? current,
        Caller caller,
        GridDbContext db,
        CancellationToken ct
    )
    {
        var grid = await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gridId, ct);
        if (grid is null || !GridEntity.Scope.Covers(caller, grid))
        {
            return Problems.NotFound("grid", gridId);
        }

        var rows = await (
            from p in db.Posts.AsNoTracking()
            join person in db.People.AsNoTracking() on p.PersonId equals person.Id
            where p.GridId == gridId && (current != true || p.To == null)
            select new { Post = p, person.Name }
        ).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<GridPostResponse>>([
            .. rows.OrderBy(r => r.Post.Kind).ThenBy(r => r.Post.From).Select(r => Response(r.Post, r.Name)),
        ]);
    }

    public static async Task<Results<Ok<GridPostResponse>, ProblemHttpResult>> End(
        Guid gridId,
        Guid postId,
        EndPostRequest request,
        Caller caller,
        GridDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId && p.GridId == gridId, ct);
        if (post is null || !caller.CoversCommunity(post.CommunityId))
        {
            return Problems.NotFound("grid-post", postId);
        }

        var now = clock.GetUtcNow();
        if (post.End(request.On ?? clock.DateOf(now), now) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        var name = await db.People.Where(p => p.Id == post.PersonId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        return TypedResults.Ok(Response(post, name));
    }

    public static async Task<Results<Ok<Page<StaffingRow>>, ProblemHttpResult>> Report(
        Caller caller,
        GridDbContext db,
        Guid? communityId,
        bool? problemsOnly,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var validated, out var pagingError))
        {
            return Problems.From(pagingError);
        }

        var paging = validated;
        var quota = await db.AssistantQuotas.AsNoTracking().FirstOrDefaultAsync(q => q.Id == AssistantQuota.SingletonId, ct) ?? AssistantQuota.Default;
        var grids = db.Grids.AsNoTracking().Where(g => g.Status == GridStatus.Active).VisibleTo(caller, GridEntity.Scope);
        grids = communityId is { } c ? grids.Where(g => g.CommunityId == c) : grids;
        var gridList = await grids
            .OrderBy(g => g.Code)
            .Select(g => new
            {
                g.Id,
                g.Code,
                g.Name,
                g.CommunityId,
                g.Complexity,
            })
            .ToListAsync(ct);
        var ids = gridList.Select(g => g.Id).ToList();
        var posts = await (
            from p in db.Posts.AsNoTracking()
            join person in db.People.AsNoTracking() on p.PersonId equals person.Id
            where p.To == null && ids.Contains(p.GridId)
            select new
            {
                p.GridId,
                p.Kind,
                person.Name,
            }
        ).ToListAsync(ct);
        var byGrid = posts.ToLookup(p => p.GridId);
        var rows = gridList.Select(g =>
        {
            var mine = byGrid[g.Id].ToList();
            var leader = mine.FirstOrDefault(p => p.Kind == GridPostKind.Leader)?.Name;
            var instructor = mine.FirstOrDefault(p => p.Kind == GridPostKind.Instructor)?.Name;
            var assistants = mine.Count(p => p.Kind == GridPostKind.Assistant);
            var suggested = quota.SuggestedFor(g.Complexity);
            var problems = new List<string>();
            if (leader is null)
            {
                problems.Add("no-leader");
            }

            if (assistants < suggested)
            {
                problems.Add("too-few-assistants");
            }

            if (instructor is null)
            {
                problems.Add("no-instructor");
            }

            return new StaffingRow(
                g.Id,
                g.Code,
                g.Name,
                g.CommunityId,
                g.Complexity,
                leader,
                assistants,
                suggested,
                mine.Count(p => p.Kind == GridPostKind.Participant),
                instructor,
                problems
            );
        });
        return TypedResults.Ok((problemsOnly == true ? rows.Where(r => r.Problems.Count > 0) : rows).ToList().ToPage(paging, r => r));
    }

    public static async Task<Ok<QuotaResponse>> GetQuota(GridDbContext db, CancellationToken ct) =>
        TypedResults.Ok(
            QuotaOf(await db.AssistantQuotas.AsNoTracking().FirstOrDefaultAsync(q => q.Id == AssistantQuota.SingletonId, ct) ?? AssistantQuota.Default)
        );

    public static async Task<Results<Ok<QuotaResponse>, ProblemHttpResult>> SetQuota(
        QuotaRequest request,
        GridDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var quota = await db.AssistantQuotas.FirstOrDefaultAsync(q => q.Id == AssistantQuota.SingletonId, ct);
        if (quota is null)
        {
            quota = AssistantQuota.Default;
            db.AssistantQuotas.Add(quota);
        }

        if (quota.Set(request.PointsPerAssistant, request.Minimum, request.Maximum, clock.GetUtcNow()) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(QuotaOf(quota));
    }

    public static async Task<Results<Ok<TeamMemberResponse>, ProblemHttpResult>> SetTeamMember(
        TeamMemberRequest request,
        GridDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PersonId, ct);
        if (person is null)
        {
            return Problems.From(DomainError.Conflict("unknown-person", $"The Grid service has not heard of person {request.PersonId}."));
        }

        var now = clock.GetUtcNow();
        var member = await db.Team.FirstOrDefaultAsync(t => t.PersonId == person.Id, ct);
        if (member is null)
        {
            member = TeamMember.Enrol(person.Id, request.FullTime, now);
            db.Team.Add(member);
        }

        member.Change(request.FullTime, request.Active ?? true, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new TeamMemberResponse(person.Id, person.Name, member.FullTime, member.Active));
    }

    public static async Task<Ok<IReadOnlyList<TeamMemberResponse>>> ListTeam(GridDbContext db, CancellationToken ct)
    {
        var rows = await (
            from t in db.Team.AsNoTracking()
            join p in db.People.AsNoTracking() on t.PersonId equals p.Id
            orderby p.Name
            select new TeamMemberResponse(p.Id, p.Name, t.FullTime, t.Active)
        ).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<TeamMemberResponse>>(rows);
    }

    private static QuotaResponse QuotaOf(AssistantQuota q) =>
        new(q.PointsPerAssistant, q.Minimum, q.Maximum, $"clamp(ceil(complexity / {q.PointsPerAssistant}), {q.Minimum}, {q.Maximum})");

    private static GridPostResponse Response(GridPost p, string name) =>
        new(p.Id, p.GridId, p.PersonId, name, p.Kind.ToString(), p.Category?.ToString(), p.OriginalDuties, p.From, p.To);
}
