using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Api;
using Platform.Volunteer.Data;

namespace Platform.Volunteer.Volunteers;

public sealed record RegisterVolunteerRequest(string? Name, IReadOnlyCollection<string>? Skills);

public sealed record VolunteerResponse(Guid Id, string Name, IReadOnlyList<string> Skills, DateTimeOffset RegisteredAt)
{
    public static VolunteerResponse From(Volunteer v) => new(v.Id, v.Name, v.Skills, v.RegisteredAt);
}

public static class VolunteersApi
{
    public static RouteGroupBuilder MapVolunteersApi(this RouteGroupBuilder api)
    {
        var volunteers = api.MapGroup("/volunteers").WithTags("Volunteers");
        volunteers.MapPost("/", RegisterVolunteer).WithName("RegisterVolunteer").AllowSignedIn();
        volunteers.MapGet("/", ListVolunteers).WithName("ListVolunteers").AllowSignedIn()
            .WithDescription("Every volunteer for organizers; others see the record they registered.");
        volunteers.MapGet("/{id:guid}", GetVolunteer).WithName("GetVolunteer").AllowSignedIn();
        return api;
    }

    public static async Task<Results<Created<VolunteerResponse>, ProblemHttpResult>> RegisterVolunteer(
        RegisterVolunteerRequest request, Caller caller, VolunteerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var registered = Volunteer.Register(Guid.CreateVersion7(), request.Name, request.Skills, caller.Subject, clock.GetUtcNow());
        if (registered.Error is { } error)
        {
            return Problems.From(error);
        }

        var volunteer = registered.Value!;
        db.Volunteers.Add(volunteer);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/volunteer/volunteers/{volunteer.Id}", VolunteerResponse.From(volunteer));
    }

    public static async Task<Results<Ok<Page<VolunteerResponse>>, ProblemHttpResult>> ListVolunteers(
        Caller caller, VolunteerDbContext db, string? skill, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.Validate(page, pageSize);
        if (paging.Error is { } error)
        {
            return Problems.From(error);
        }

        var query = db.Volunteers.AsNoTracking().VisibleTo(caller, Volunteer.Scope);
        if (!string.IsNullOrWhiteSpace(skill))
        {
            var wanted = skill.Trim();
            query = query.Where(v => v.Skills.Contains(wanted));
        }

        return TypedResults.Ok(await query.OrderBy(v => v.RegisteredAt).ThenBy(v => v.Id).ToPageAsync(paging.Value, VolunteerResponse.From, ct));
    }

    public static async Task<Results<Ok<VolunteerResponse>, ProblemHttpResult>> GetVolunteer(Guid id, Caller caller, VolunteerDbContext db, CancellationToken ct)
    {
        var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        return volunteer is null || !Volunteer.Scope.Covers(caller, volunteer) ? Problems.NotFound("volunteer", id) : TypedResults.Ok(VolunteerResponse.From(volunteer));
    }
}
