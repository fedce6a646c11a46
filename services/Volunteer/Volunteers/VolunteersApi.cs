using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Volunteer.Data;

namespace Platform.Volunteer.Volunteers;

public sealed record RegisterVolunteerRequest(
    [property: Required] string? Name,
    IReadOnlyCollection<string>? Skills,
    string? Availability = null,
    Guid? HomeGridId = null
);

public sealed record VolunteerResponse(
    Guid Id,
    string Number,
    string Name,
    IReadOnlyList<string> Skills,
    string? Availability,
    Guid? HomeGridId,
    Guid? PersonId,
    bool IsPartyMember,
    DateTimeOffset RegisteredAt
)
{
    public static VolunteerResponse From(Volunteer v, bool isPartyMember = false) =>
        new(v.Id, v.Number, v.Name, v.Skills, v.Availability, v.HomeGridId, v.PersonId, isPartyMember, v.RegisteredAt);
}

public static class VolunteersApi
{
    public static RouteGroupBuilder MapVolunteersApi(this RouteGroupBuilder api)
    {
        var volunteers = api.MapGroup("/volunteers").WithTags("Volunteers");
        volunteers
            .MapPost("/", RegisterVolunteer)
            .WithName("RegisterVolunteer")
            .Idempotent()
            .AllowSignedIn()
            .WithDescription("Anyone signed in registers as a volunteer (once); a party member's record is linked to their Organization person.")
            .Refuses(400, "invalid-availability", "invalid-skills", "invalid-volunteer-name")
            .Refuses(409, "already-registered");
        volunteers
            .MapGet("/", ListVolunteers)
            .WithName("ListVolunteers")
            .AllowSignedIn()
            .WithDescription("Every volunteer for organizers, filterable by skill; others see their own record.")
            .Refuses(400, "invalid-page", "invalid-page-size");
        volunteers.MapGet("/me", Me).WithName("GetMyVolunteerRecord").AllowSignedIn().Refuses(404, "not-a-volunteer");
        volunteers.MapGet("/{id:guid}", GetVolunteer).WithName("GetVolunteer").AllowSignedIn().Refuses(404, "volunteer-not-found");
        return api;
    }

    public static async Task<Results<Created<VolunteerResponse>, ProblemHttpResult>> RegisterVolunteer(
        RegisterVolunteerRequest request,
        Caller caller,
        VolunteerDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (
            !Volunteer
                .Register(
                    Guid.CreateVersion7(),
                    request.Name,
                    request.Skills,
                    caller.Subject,
                    clock.GetUtcNow(),
                    caller.PersonId,
                    request.Availability,
                    request.HomeGridId
                )
                .TryGet(out var registered, out var error)
        )
        {
            return Problems.From(error);
        }

        if (await db.Volunteers.AnyAsync(v => v.AccountSubject == caller.Subject, ct))
        {
            return Problems.From(DomainError.Conflict("already-registered", "You are registered as a volunteer already: GET /api/volunteer/volunteers/me."));
        }

        var volunteer = registered;
        db.Volunteers.Add(volunteer);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(
            $"/api/volunteer/volunteers/{volunteer.Id}",
            VolunteerResponse.From(volunteer, await IsPartyMemberAsync(db, volunteer, ct))
        );
    }

    public static async Task<Results<Ok<Page<VolunteerResponse>>, ProblemHttpResult>> ListVolunteers(
        Caller caller,
        VolunteerDbContext db,
        string? skill,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var query = db.Volunteers.AsNoTracking().VisibleTo(caller, Volunteer.Scope);
        if (!string.IsNullOrWhiteSpace(skill))
        {
            var wanted = skill.Trim();
            query = query.Where(v => v.Skills.Contains(wanted));
        }

        return TypedResults.Ok(await query.OrderBy(v => v.RegisteredAt).ThenBy(v => v.Id).ToPageAsync(paging, v => VolunteerResponse.From(v), ct));
    }

    public static async Task<Results<Ok<VolunteerResponse>, ProblemHttpResult>> Me(Caller caller, VolunteerDbContext db, CancellationToken ct) =>
        await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.AccountSubject == caller.Subject, ct) is { } volunteer
            ? TypedResults.Ok(VolunteerResponse.From(volunteer, await IsPartyMemberAsync(db, volunteer, ct)))
            : Problems.From(DomainError.NotFound("not-a-volunteer", "You have not registered as a volunteer yet."));

    public static async Task<Results<Ok<VolunteerResponse>, ProblemHttpResult>> GetVolunteer(
        Guid id,
        Caller caller,
        VolunteerDbContext db,
        CancellationToken ct
    )
    {
        var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        return volunteer is null || !Volunteer.Scope.Covers(caller, volunteer)
            ? Problems.NotFound("volunteer", id)
            : TypedResults.Ok(VolunteerResponse.From(volunteer, await IsPartyMemberAsync(db, volunteer, ct)));
    }

    /// <summary>The caller's own volunteer record, which every sign-up and check-in acts for.</summary>
    public static Task<Volunteer?> OfCallerAsync(VolunteerDbContext db, Caller caller, CancellationToken ct) =>
        db.Volunteers.FirstOrDefaultAsync(v => v.AccountSubject == caller.Subject, ct);

    private static async Task<bool> IsPartyMemberAsync(VolunteerDbContext db, Volunteer volunteer, CancellationToken ct) =>
        volunteer.PersonId is { } person && await db.People.AnyAsync(p => p.Id == person && p.IsPartyMember, ct);
}
