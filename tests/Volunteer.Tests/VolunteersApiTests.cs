using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Testing;
using Platform.Volunteer.Volunteers;

namespace Platform.Volunteer.Tests;

public class VolunteersApiTests(VolunteerServiceFactory service) : VolunteerServiceTest(service)
{
    [Fact]
    public async Task A_registered_volunteer_can_be_read_back_with_skills_deduplicated()
    {
        var response = await Client.PostAsJsonAsync(
            "/api/volunteer/volunteers",
            new RegisterVolunteerRequest(" 王芳 ", ["First aid", "first aid", " Tutoring "])
        );

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<VolunteerResponse>())!;
        var read = await Client.GetFromJsonAsync<VolunteerResponse>($"/api/volunteer/volunteers/{created.Id}");
        Assert.Equal("王芳", read!.Name);
        Assert.Equal(["First aid", "Tutoring"], read.Skills);
    }

    [Theory]
    [InlineData("", "invalid-volunteer-name")]
    [InlineData("   ", "invalid-volunteer-name")]
    public async Task A_volunteer_needs_a_name(string name, string code)
    {
        var response = await Client.PostAsJsonAsync("/api/volunteer/volunteers", new RegisterVolunteerRequest(name, []));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Empty_skills_are_rejected()
    {
        var response = await Client.PostAsJsonAsync("/api/volunteer/volunteers", new RegisterVolunteerRequest("张伟", ["cooking", " "]));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-skills");
        Assert.Equal(0, await Service.ScalarAsync<long>("SELECT count(*) FROM volunteers"));
    }

    [Fact]
    public async Task The_list_filters_by_skill_and_pages()
    {
        foreach (var (name, skill) in new[] { ("a", "Tutoring"), ("b", "First aid"), ("c", "Tutoring") })
        {
            var resident = Service.ClientAs(TestCaller.In(Roles.Resident));
            Assert.Equal(
                HttpStatusCode.Created,
                (await resident.PostAsJsonAsync("/api/volunteer/volunteers", new RegisterVolunteerRequest(name, [skill]))).StatusCode
            );
        }

        var page = await Client.GetFromJsonAsync<Page<VolunteerResponse>>("/api/volunteer/volunteers?skill=Tutoring&pageSize=1");

        Assert.Equal(2, page!.TotalCount);
        Assert.Equal("a", Assert.Single(page.Items).Name);
    }

    [Fact]
    public async Task A_volunteer_registers_once_gets_a_number_and_sees_only_their_own_record()
    {
        var me = Service.ClientAs(TestCaller.In(Roles.Resident));
        var other = Service.ClientAs(TestCaller.In(Roles.Resident));

        var mine = (
            await (
                await me.PostAsJsonAsync("/api/volunteer/volunteers", new RegisterVolunteerRequest("周敏", ["助老"], "周末"))
            ).Content.ReadFromJsonAsync<VolunteerResponse>()
        )!;
        var theirs = (
            await (
                await other.PostAsJsonAsync("/api/volunteer/volunteers", new RegisterVolunteerRequest("吴强", []))
            ).Content.ReadFromJsonAsync<VolunteerResponse>()
        )!;
        var again = await me.PostAsJsonAsync("/api/volunteer/volunteers", new RegisterVolunteerRequest("周敏", []));

        Assert.Matches("^HX[0-9]{6}$", mine.Number);
        Assert.NotEqual(mine.Number, theirs.Number);
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "already-registered");
        Assert.Equal(mine.Id, (await me.GetFromJsonAsync<VolunteerResponse>("/api/volunteer/volunteers/me"))!.Id);
        await (await me.GetAsync($"/api/volunteer/volunteers/{theirs.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "volunteer-not-found");
        Assert.Equal([mine.Id], (await me.GetFromJsonAsync<Page<VolunteerResponse>>("/api/volunteer/volunteers"))!.Items.Select(v => v.Id));
        Assert.Equal(2, (await Client.GetFromJsonAsync<Page<VolunteerResponse>>("/api/volunteer/volunteers"))!.TotalCount);
    }
}
