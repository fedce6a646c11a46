using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.Time;
using Platform.Organization.Accounts;
using Platform.Organization.Data;
using Platform.Organization.PartyOrganizations;

namespace Platform.Organization.Posts;

public sealed record AppointRequest(
    [property: Required] Guid PersonId,
    [property: Required] Guid OrganizationId,
    [property: OneOf<PostTitle>] [property: Required] string? Title,
    string? BusinessLine,
    string? PartyBuildingDuty,
    DateOnly? From
);

public sealed record EndRequest(DateOnly? On);

public sealed record PostResponse(
    Guid Id,
    Guid PersonId,
    Guid OrganizationId,
    [property: OneOf<PostTitle>] string Title,
    bool IsFirstResponsible,
    string? BusinessLine,
    string? PartyBuildingDuty,
    DateOnly From,
    DateOnly? To
)
{
    public static PostResponse Of(Post p) =>
        new(p.Id, p.PersonId, p.OrganizationId, p.Title.ToString(), p.IsFirstResponsible, p.BusinessLine, p.PartyBuildingDuty, p.From, p.To);
}

public sealed record AssignAreaRequest([property: Required] Guid PersonId, Guid? CommunityId, IReadOnlyCollection<Guid>? GridIds, DateOnly? From, DateOnly? To);

public sealed record AreaAssignmentResponse(Guid Id, Guid PersonId, Guid? CommunityId, IReadOnlyList<Guid> GridIds, DateOnly From, DateOnly? To)
{
    public static AreaAssignmentResponse Of(AreaAssignment a) => new(a.Id, a.PersonId, a.CommunityId, a.GridIds, a.From, a.To);
}

public static class PostsApi
{
    public static RouteGroupBuilder MapPostsApi(this RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/posts").WithTags("Posts");
        posts
            .MapPost("/", Appoint)
            .WithName("AppointToPost")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(400, "dual-responsibility-required", "invalid-title", "unknown-person")
            .Refuses(409, "secretary-in-post")
            .Refuses(400, "duty-too-long");
        posts.MapGet("/", ListPosts).WithName("ListPosts").Allow(Roles.Staff).Refuses(400, "invalid-page", "invalid-page-size");
        posts
            .MapPost("/{id:guid}/end", EndPost)
            .WithName("EndPost")
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(404, "post-not-found")
            .Refuses(400, "end-before-start")
            .Refuses(409, "post-ended");

        var areas = api.MapGroup("/area-assignments").WithTags("Area assignments");
        areas
            .MapPost("/", AssignArea)
            .WithName("AssignArea")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(400, "unknown-person")
            .Refuses(409, "not-a-cadre")
            .Refuses(400, "area-required", "end-before-start", "invalid-grids");
        areas.MapGet("/", ListAreaAssignments).WithName("ListAreaAssignments").Allow(Roles.Staff).Refuses(400, "invalid-page", "invalid-page-size");
        areas
            .MapPost("/{id:guid}/end", EndAreaAssignment)
            .WithName("EndAreaAssignment")
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(404, "area-assignment-not-found")
            .Refuses(400, "end-before-start")
            .Refuses(409, "assignment-ended");
        return api;
    }

    public static async Task<Results<Created<PostResponse>, ProblemHttpResult>> Appoint(
        AppointRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!EnumInput.Parse<PostTitle>(request.Title, "title").TryGet(out var title, out var titleError))
        {
            return Problems.From(titleError);
        }

        if (!await db.People.AnyAsync(p => p.Id == request.PersonId, ct))
        {
            return Problems.From(DomainError.Invalid("personId", "unknown-person", $"No person with id {request.PersonId}."));
        }

        var organization = await db.PartyOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OrganizationId, ct);
        if (organization is null || organization.Status != OrganizationStatus.Active)
        {
            return Problems.From(DomainError.Invalid("organizationId", "unknown-organization", $"No active organization with id {request.OrganizationId}."));
        }

        var from = request.From ?? clock.Today();
        var secretaryInPost = await db.Posts.AnyAsync(
            p => p.OrganizationId == organization.Id && p.Title == PostTitle.Secretary && (p.To == null || p.To >= from),
            ct
        );
        if (
            !Post.Appoint(request.PersonId, organization.Id, title, request.BusinessLine, request.PartyBuildingDuty, from, secretaryInPost)
                .TryGet(out var appointed, out var error)
        )
        {
            return Problems.From(error);
        }

        db.Posts.Add(appointed);
        Audit(db, SecurityEventKind.PostAppointed, caller, request.PersonId, $"{title} of {organization.Name} from {from:yyyy-MM-dd}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/posts/{appointed.Id}", PostResponse.Of(appointed));
    }

    public static async Task<Results<Ok<Page<PostResponse>>, ProblemHttpResult>> ListPosts(
        OrganizationDbContext db,
        TimeProvider clock,
        Guid? organizationId,
        Guid? personId,
        bool? current,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var query = db.Posts.AsNoTracking();
        query = organizationId is { } o ? query.Where(p => p.OrganizationId == o) : query;
        query = personId is { } person ? query.Where(p => p.PersonId == person) : query;
        if (current == true)
        {
            var today = clock.Today();
            query = query.Where(p => p.From <= today && (p.To == null || p.To >= today));
        }

        return TypedResults.Ok(await query.OrderBy(p => p.Title).ThenBy(p => p.From).ToPageAsync(paging, PostResponse.Of, ct));
    }

    public static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> EndPost(
        Guid id,
        EndRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return Problems.NotFound("post", id);
        }

        if (post.End(request.On ?? clock.Today()) is { } error)
        {
            return Problems.From(error);
        }

        Audit(db, SecurityEventKind.PostEnded, caller, post.PersonId, $"{post.Title} of organization {post.OrganizationId} on {post.To:yyyy-MM-dd}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PostResponse.Of(post));
    }

    public static async Task<Results<Created<AreaAssignmentResponse>, ProblemHttpResult>> AssignArea(
        AssignAreaRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PersonId, ct);
        if (person is null)
        {
            return Problems.From(DomainError.Invalid("personId", "unknown-person", $"No person with id {request.PersonId}."));
        }

        if (request.CommunityId is { } community && !await db.Communities.AnyAsync(c => c.Id == community, ct))
        {
            return Problems.From(DomainError.Invalid("communityId", "unknown-community", $"No community with id {community}."));
        }

        var now = clock.GetUtcNow();
        var outcome = AreaAssignment.Assign(
            person.Id,
            person.IsCadre,
            request.CommunityId,
            request.GridIds,
            request.From ?? clock.DateOf(now),
            request.To,
            now
        );
        if (!outcome.TryGet(out var assigned, out var error))
        {
            return Problems.From(error);
        }

        var assignment = assigned;
        db.AreaAssignments.Add(assignment);
        Audit(
            db,
            SecurityEventKind.AreaAssigned,
            caller,
            person.Id,
            $"community {assignment.CommunityId}; grids {string.Join(",", assignment.GridIds)}",
            clock
        );
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/area-assignments/{assignment.Id}", AreaAssignmentResponse.Of(assignment));
    }

    public static async Task<Results<Ok<Page<AreaAssignmentResponse>>, ProblemHttpResult>> ListAreaAssignments(
        OrganizationDbContext db,
        Guid? personId,
        Guid? communityId,
        Guid? gridId,
        DateOnly? activeOn,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var query = db.AreaAssignments.AsNoTracking();
        query = personId is { } p ? query.Where(a => a.PersonId == p) : query;
        query = communityId is { } c ? query.Where(a => a.CommunityId == c) : query;
        query = gridId is { } g ? query.Where(a => a.GridIds.Contains(g)) : query;
        query = activeOn is { } day ? query.Where(a => a.From <= day && (a.To == null || a.To >= day)) : query;
        return TypedResults.Ok(await query.OrderByDescending(a => a.From).ThenBy(a => a.Id).ToPageAsync(paging, AreaAssignmentResponse.Of, ct));
    }

    public static async Task<Results<Ok<AreaAssignmentResponse>, ProblemHttpResult>> EndAreaAssignment(
        Guid id,
        EndRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var assignment = await db.AreaAssignments.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return Problems.NotFound("area-assignment", id);
        }

        var now = clock.GetUtcNow();
        if (assignment.End(request.On ?? clock.DateOf(now), now) is { } error)
        {
            return Problems.From(error);
        }

        Audit(db, SecurityEventKind.AreaAssignmentEnded, caller, assignment.PersonId, $"assignment {assignment.Id} ends {assignment.To:yyyy-MM-dd}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AreaAssignmentResponse.Of(assignment));
    }

    /// <summary>Posts and area assignments decide what people may see: each change goes to the security audit log.</summary>
    private static void Audit(OrganizationDbContext db, SecurityEventKind kind, Caller caller, Guid personId, string detail, TimeProvider clock) =>
        db.SecurityEvents.Add(SecurityEvent.Record(kind, caller.Name, personId.ToString(), detail, clock.GetUtcNow()));
}
