using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Organization;
using Platform.Testing;
using Platform.Volunteer.Activities;
using Platform.Volunteer.Data;
using Platform.Volunteer.Directory;
using Platform.Volunteer.Projects;
using Platform.Volunteer.Volunteers;

namespace Platform.Volunteer.Tests;

/// <summary>What Volunteer tests stand on: member units as the Organization service announces them, volunteers signed in, projects and activities.</summary>
public abstract class VolunteerApiTest(VolunteerServiceFactory service) : VolunteerServiceTest(service)
{
    protected static readonly Guid Community = Guid.Parse("0195a000-0000-7000-8000-000000000001");

    protected async Task<Guid> KnowUnitAsync(string name)
    {
        var id = Guid.NewGuid();
        await using var scope = Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VolunteerDbContext>();
        db.Units.Add(
            KnownUnit.From(
                new MemberUnitJoined
                {
                    UnitId = id,
                    Name = name,
                    JoinedOn = new DateOnly(2024, 1, 1),
                    OccurredAt = DateTimeOffset.UtcNow,
                }
            )
        );
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A signed-in resident registered as a volunteer.</summary>
    protected async Task<(HttpClient Client, VolunteerResponse Volunteer)> VolunteerAsync(string name, params string[] skills)
    {
        var client = Service.ClientAs(new TestCaller([Roles.Resident]) { Name = name });
        var response = await client.PostAsJsonAsync("/api/volunteer/volunteers", new RegisterVolunteerRequest(name, skills));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, (await response.Content.ReadFromJsonAsync<VolunteerResponse>())!);
    }

    protected async Task<ActivityResponse> ActivityAsync(
        int capacity = 2,
        bool waitlist = true,
        bool autoApprove = false,
        DateTimeOffset? start = null,
        string[]? skills = null,
        int shifts = 1
    )
    {
        var from = start ?? DateTimeOffset.UtcNow.AddMinutes(10);
        var request = new ActivityRequest(
            null,
            Community,
            "社区敬老院探访",
            "长江路敬老院",
            37.385,
            97.345,
            100,
            skills,
            waitlist,
            autoApprove,
            [.. Enumerable.Range(0, shifts).Select(i => new ShiftRequest(from.AddHours(3 * i), from.AddHours(3 * i + 2), capacity))]
        );
        var response = await Client.PostAsJsonAsync("/api/volunteer/activities", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var drafted = (await response.Content.ReadFromJsonAsync<ActivityResponse>())!;
        var published = await Client.PostAsync($"/api/volunteer/activities/{drafted.Id}/publish", null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return (await published.Content.ReadFromJsonAsync<ActivityResponse>())!;
    }

    protected static Task<HttpResponseMessage> SignUpAsync(HttpClient client, ActivityResponse activity, int shift = 0) =>
        client.PostAsync($"/api/volunteer/activities/{activity.Id}/shifts/{activity.Shifts[shift].Id}/sign-ups", null);

    protected async Task<ProjectResponse> ProjectAsync(int unitsNeeded = 1, bool publish = true)
    {
        var response = await Client.PostAsJsonAsync(
            "/api/volunteer/projects",
            new ProjectRequest("关爱空巢老人", "助老", Community, null, "每月探访空巢老人", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), unitsNeeded)
        );
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var project = (await response.Content.ReadFromJsonAsync<ProjectResponse>())!;
        return publish
            ? (await (await Client.PostAsync($"/api/volunteer/projects/{project.Id}/publish", null)).Content.ReadFromJsonAsync<ProjectResponse>())!
            : project;
    }
}
