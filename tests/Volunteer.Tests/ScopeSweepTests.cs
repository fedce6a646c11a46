using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Organization;
using Platform.Testing;
using Platform.Volunteer.Activities;
using Platform.Volunteer.Data;
using Platform.Volunteer.Directory;
using Platform.Volunteer.Projects;
using Platform.Volunteer.Volunteers;
using Platform.Volunteer.Wishes;
using Xunit.Abstractions;

namespace Platform.Volunteer.Tests;

/// <summary>Every write on a volunteer record, as organizers, liaisons and volunteers of somewhere else.</summary>
[Collection(VolunteerServiceCollection.Name)]
public class ScopeSweepTests(VolunteerServiceFactory service, ITestOutputHelper output) : ScopeSweepTest<Program>(service, output)
{
    private static readonly Guid Community = Guid.Parse("0195a000-0000-7000-8000-000000000001");

    private static async Task<T> CreatedAsync<T>(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    protected override async Task<ScopeWorld> BuildWorldAsync()
    {
        var unit = Guid.NewGuid();
        await using (var scope = Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VolunteerDbContext>();
            db.Units.Add(
                KnownUnit.From(
                    new MemberUnitJoined
                    {
                        UnitId = unit,
                        Name = "河西中学",
                        JoinedOn = new DateOnly(2024, 1, 1),
                        OccurredAt = DateTimeOffset.UtcNow,
                    }
                )
            );
            await db.SaveChangesAsync();
        }

        var resident = Service.ClientAs(new TestCaller([Roles.Resident]) { Name = "周敏", PersonId = Guid.NewGuid() });
        var volunteer = await CreatedAsync<VolunteerResponse>(
            resident.PostAsJsonAsync("/api/volunteer/volunteers", new RegisterVolunteerRequest("周敏", ["助老"]))
        );
        var start = DateTimeOffset.UtcNow.AddMinutes(-90);
        var activity = await CreatedAsync<ActivityResponse>(
            Admin.PostAsJsonAsync(
                "/api/volunteer/activities",
                new ActivityRequest(
                    null,
                    Community,
                    "社区敬老院探访",
                    "长江路敬老院",
                    37.385,
                    97.345,
                    100,
                    null,
                    true,
                    false,
                    [new ShiftRequest(start, start.AddHours(2), 5)]
                )
            )
        );
        await CreatedAsync<ActivityResponse>(Admin.PostAsync($"/api/volunteer/activities/{activity.Id}/publish", null));
        var seat = await CreatedAsync<SignUpResponse>(
            resident.PostAsync($"/api/volunteer/activities/{activity.Id}/shifts/{activity.Shifts[0].Id}/sign-ups", null)
        );
        await CreatedAsync<SignUpResponse>(
            resident.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-in", new CheckRequest(activity.CheckInCode, null, null))
        );
        await CreatedAsync<SignUpResponse>(
            resident.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-out", new CheckRequest(activity.CheckInCode, null, null))
        );
        var hours = (await resident.GetFromJsonAsync<Platform.BuildingBlocks.Api.Page<Hours.HoursResponse>>("/api/volunteer/hours"))!.Items.Single();
        var project = await CreatedAsync<ProjectResponse>(
            Admin.PostAsJsonAsync(
                "/api/volunteer/projects",
                new ProjectRequest("关爱空巢老人", "助老", Community, null, "每月探访", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 1)
            )
        );
        await CreatedAsync<ProjectResponse>(Admin.PostAsync($"/api/volunteer/projects/{project.Id}/publish", null));
        await CreatedAsync<ProjectResponse>(
            Service
                .ClientAs(new TestCaller([Roles.UnitLiaison]) { Units = [unit] })
                .PostAsJsonAsync($"/api/volunteer/projects/{project.Id}/claims", new ClaimRequest(null))
        );
        var wish = await CreatedAsync<WishResponse>(
            resident.PostAsJsonAsync("/api/volunteer/wishes", new WishRequest(Community, "想要一台收音机", "独居老人"))
        );

        var world = new ScopeWorld();
        world.Records["activities"] = activity.Id.ToString();
        world.Records["shifts"] = activity.Shifts[0].Id.ToString();
        world.Records["sign-ups"] = seat.Id.ToString();
        world.Records["hours"] = hours.Id.ToString();
        world.Records["projects"] = project.Id.ToString();
        world.Records["claims"] = unit.ToString();
        world.Records["wishes"] = wish.Id.ToString();
        world.Records["volunteers"] = volunteer.Id.ToString();
        return world;
    }
}
