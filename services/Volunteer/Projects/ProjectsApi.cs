using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Volunteer.Data;

namespace Platform.Volunteer.Projects;

public sealed record ProjectRequest(
    [property: Required] string? Title,
    [property: Required] string? Field,
    Guid? CommunityId,
    Guid? GridId,
    [property: Required] string? Goal,
    [property: Required] DateOnly? From,
    [property: Required] DateOnly? To,
    [property: Required] int? UnitsNeeded
);

public sealed record ClaimRequest(
    [property: RequiredWhen("the caller liaises for more than one unit, or is the subdistrict admin (a liaison of one unit claims for it)")] Guid? UnitId
);

public sealed record EvaluationRequest([property: Required] IReadOnlyList<UnitEvaluation>? Evaluations);

public sealed record ProjectResponse(
    Guid Id,
    string Title,
    string Field,
    Guid? CommunityId,
    Guid? GridId,
    string Goal,
    DateOnly From,
    DateOnly To,
    int UnitsNeeded,
    [property: OneOf<ProjectStatus>] string Status,
    IReadOnlyList<ProjectClaim> Claims,
    IReadOnlyList<UnitEvaluation> Evaluations,
    long Version
)
{
    public static ProjectResponse Of(Project p) =>
        new(p.Id, p.Title, p.Field, p.CommunityId, p.GridId, p.Goal, p.From, p.To, p.UnitsNeeded, p.Status.ToString(), p.Claims, p.Evaluations, p.Version);
}

public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Public-service projects").OnAnyRecord(VolunteerWork.CadresRunEverything, Roles.SubdistrictCadre);
        projects
            .MapPost("/", Draft)
            .WithName("DraftProject")
            .Idempotent()
            .Allow(Roles.Organizers)
            .WithDescription("The subdistrict (no communityId) or a community drafts a project: field, place, goal, period, how many units it needs.")
            .Refuses(400, "invalid-period", "invalid-project", "invalid-title", "invalid-units-needed")
            .Refuses(403, "out-of-scope");
        projects
            .MapGet("/", List)
            .WithName("ListProjects")
            .AllowSignedIn()
            .WithDescription("Organizers see their projects in any state; everyone else the published ones; claimedBy=me lists the caller's unit's claims.")
            .Refuses(400, "invalid-page", "invalid-page-size", "invalid-status");
        projects.MapGet("/{id:guid}", Get).WithName("GetProject").AllowSignedIn().Refuses(404, "project-not-found");
        projects.MapPost("/{id:guid}/publish", Publish).WithName("PublishProject").Allow(Roles.Organizers).Refuses(404, "project-not-found");
        projects.MapPost("/{id:guid}/start", Start).WithName("StartProject").Allow(Roles.Organizers).Refuses(404, "project-not-found");
        projects
            .MapPost("/{id:guid}/complete", Complete)
            .WithName("CompleteProject")
            .Allow(Roles.Organizers)
            .Refuses(404, "project-not-found")
            .Refuses(409, "invalid-project-transition");
        projects
            .MapPost("/{id:guid}/evaluation", Evaluate)
            .WithName("EvaluateProject")
            .Allow(Roles.Organizers)
            .WithDescription("At the end, the publisher rates each confirmed unit (1–5) with a comment.")
            .Refuses(404, "project-not-found")
            .Refuses(400, "invalid-evaluations")
            .Refuses(409, "project-not-completed");
        projects
            .MapPost("/{id:guid}/claims", Claim)
            .WithName("ClaimProject")
            .Allow(Roles.UnitLiaison, Roles.SubdistrictAdmin)
            .OnAnyRecord("a member unit claims any published project, for itself", Roles.UnitLiaison)
            .WithDescription("A member unit's liaison claims (认领) a published project for their unit; only units of the alliance may.")
            .Refuses(400, "unit-required")
            .Refuses(403, "out-of-scope")
            .Refuses(404, "project-not-found")
            .Refuses(409, "already-claimed", "unit-not-in-alliance")
            .Refuses(409, "project-not-open");
        projects
            .MapPost("/{id:guid}/claims/{unitId:guid}/confirm", ConfirmClaim)
            .WithName("ConfirmClaim")
            .Allow(Roles.Organizers)
            .Refuses(404, "project-not-found")
            .Refuses(404, "claim-not-found")
            .Refuses(409, "units-enough");
        projects
            .MapPost("/{id:guid}/claims/{unitId:guid}/decline", DeclineClaim)
            .WithName("DeclineClaim")
            .Allow(Roles.Organizers)
            .Refuses(404, "project-not-found")
            .Refuses(404, "claim-not-found");
        return api;
    }

    public static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Publish(
        Guid id,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ChangeAsync(id, caller, db, ct, p => p.Publish(clock.GetUtcNow()));

    public static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Start(
        Guid id,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ChangeAsync(id, caller, db, ct, p => p.Start(clock.GetUtcNow()));

    public static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Complete(
        Guid id,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ChangeAsync(id, caller, db, ct, p => p.Complete(clock.GetUtcNow()));

    public static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Evaluate(
        Guid id,
        EvaluationRequest request,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ChangeAsync(id, caller, db, ct, p => p.Evaluate(request.Evaluations ?? [], clock.GetUtcNow()));

    public static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> ConfirmClaim(
        Guid id,
        Guid unitId,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => DecideAsync(id, unitId, true, caller, db, clock, ct);

    public static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> DeclineClaim(
        Guid id,
        Guid unitId,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => DecideAsync(id, unitId, false, caller, db, clock, ct);

    /// <summary>The subdistrict manages every project; community staff their community's.</summary>
    private static bool Manages(Caller caller, Guid? communityId) => caller.Manages(communityId);

    public static async Task<Results<Created<ProjectResponse>, ProblemHttpResult>> Draft(
        ProjectRequest request,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!Manages(caller, request.CommunityId))
        {
            return Problems.OutOfScope("community");
        }

        if (
            !Project
                .Draft(
                    request.Title,
                    request.Field,
                    request.CommunityId,
                    request.GridId,
                    request.Goal,
                    request.From,
                    request.To,
                    request.UnitsNeeded,
                    clock.GetUtcNow()
                )
                .TryGet(out var drafted, out var error)
        )
        {
            return Problems.From(error);
        }

        db.Projects.Add(drafted);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/volunteer/projects/{drafted.Id}", ProjectResponse.Of(drafted));
    }

    public static async Task<Results<Ok<Page<ProjectResponse>>, ProblemHttpResult>> List(
        Caller caller,
        VolunteerDbContext db,
        [OneOf<ProjectStatus>] string? status,
        string? field,
        Guid? communityId,
        string? claimedBy,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var statusFilter = EnumInput.ParseOptional<ProjectStatus>(status, "status");
        if ((paging.Error ?? statusFilter.Error) is { } error)
        {
            return Problems.From(error);
        }

        var query = db.Projects.AsNoTracking();
        if (!caller.IsIn(Roles.SubdistrictAdmin, Roles.SubdistrictCadre))
        {
            // Drafts only to those who manage them: community staff their community's.
            var mine = caller.IsIn(Roles.CommunityStaff) ? caller.Communities.Select(c => (Guid?)c).ToList() : [];
            query = query.Where(p => p.Status != ProjectStatus.Draft || mine.Contains(p.CommunityId));
        }

        query = statusFilter.Value is { } s ? query.Where(p => p.Status == s) : query;
        query = string.IsNullOrWhiteSpace(field) ? query : query.Where(p => p.Field == field.Trim());
        query = communityId is { } c ? query.Where(p => p.CommunityId == c) : query;
        query = query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id);
        if (claimedBy != "me")
        {
            return TypedResults.Ok(await query.ToPageAsync(paging.Value, ProjectResponse.Of, ct));
        }

        // Claims are a JSON column: the caller's unit's claims are picked out in memory.
        var claimed = (await query.ToListAsync(ct)).Where(p => p.Claims.Any(cl => caller.Units.Contains(cl.UnitId))).ToList();
        return TypedResults.Ok(claimed.ToPage(paging.Value, ProjectResponse.Of));
    }

    public static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, VolunteerDbContext db, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return project is null || (project.Status == ProjectStatus.Draft && !Manages(caller, project.CommunityId))
            ? Problems.NotFound("project", id)
            : TypedResults.Ok(ProjectResponse.Of(project));
    }

    public static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Claim(
        Guid id,
        ClaimRequest request,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var unitId = request.UnitId ?? (caller.Units.Count == 1 ? caller.Units.First() : (Guid?)null);
        if (unitId is not { } unit || (!caller.SeesWholeSubdistrict && !caller.CoversUnit(unit)))
        {
            return unitId is null
                ? Problems.From(DomainError.Invalid("unitId", "unit-required", "Name the unit the claim is for."))
                : Problems.OutOfScope("unit");
        }

        var known = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unit, ct);
        if (known is null)
        {
            return Problems.From(
                DomainError.Conflict("unit-not-in-alliance", $"Unit {unit} is not a member unit of the alliance; only member units claim projects.")
            );
        }

        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null || project.Status == ProjectStatus.Draft)
        {
            return Problems.NotFound("project", id);
        }

        if (project.Claim(unit, known.Name, clock.GetUtcNow()) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProjectResponse.Of(project));
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> DecideAsync(
        Guid id,
        Guid unitId,
        bool confirm,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null || !Manages(caller, project.CommunityId))
        {
            return Problems.NotFound("project", id);
        }

        var partyOrganization = await db.Units.Where(u => u.Id == unitId).Select(u => u.PartyOrganizationId).FirstOrDefaultAsync(ct);
        if (!project.Decide(unitId, confirm, partyOrganization, clock.GetUtcNow()).TryGet(out var decided, out var error))
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProjectResponse.Of(project));
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id,
        Caller caller,
        VolunteerDbContext db,
        CancellationToken ct,
        Func<Project, DomainError?> change
    )
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null || !Manages(caller, project.CommunityId))
        {
            return Problems.NotFound("project", id);
        }

        if (change(project) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProjectResponse.Of(project));
    }
}
