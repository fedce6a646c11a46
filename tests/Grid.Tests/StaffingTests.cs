using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Contracts.Grid;
using Platform.Grid.Staffing;
using Platform.Testing;

namespace Platform.Grid.Tests;

public class StaffingTests(GridServiceFactory service) : GridApiTest(service)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KnowCommunitiesAsync();
    }

    private Task<HttpResponseMessage> TakeUpAsync(Guid grid, Guid person, string post, string? category = null, string? duties = null) =>
        Client.PostAsJsonAsync($"/api/grid/grids/{grid}/staff", new TakeUpPostRequest(person, post, category, duties, null));

    [Fact]
    public async Task A_grid_has_one_leader_who_is_community_staff_of_its_community_and_keeps_their_duties()
    {
        var grid = await GridAsync("632802001001001", null);
        var wang = await KnowPersonAsync("王丽", staffOf: CommunityA);
        var liu = await KnowPersonAsync("刘敏", staffOf: CommunityB);
        var sun = await KnowPersonAsync("孙强", staffOf: CommunityA);

        await (await TakeUpAsync(grid.Id, liu, "Leader", duties: "社区专干")).AssertProblemAsync(HttpStatusCode.Conflict, "leader-not-community-staff");
        await (await TakeUpAsync(grid.Id, wang, "Leader")).AssertProblemAsync(HttpStatusCode.BadRequest, "original-duties-required");
        var leader = await TakeUpAsync(grid.Id, wang, "Leader", duties: "社区党组织书记");
        await (await TakeUpAsync(grid.Id, sun, "Leader", duties: "综治专干")).AssertProblemAsync(HttpStatusCode.Conflict, "leader-in-post");
        await (await TakeUpAsync(grid.Id, Guid.NewGuid(), "Participant", "Volunteer")).AssertProblemAsync(HttpStatusCode.Conflict, "unknown-person");

        Assert.Equal(HttpStatusCode.Created, leader.StatusCode);
        var post = (await leader.Content.ReadFromJsonAsync<GridPostResponse>())!;
        Assert.Equal(("王丽", "Leader", "社区党组织书记"), (post.PersonName, post.Post, post.OriginalDuties));
        var ended = await Client.PostAsJsonAsync($"/api/grid/grids/{grid.Id}/staff/{post.Id}/end", new EndPostRequest(null));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        await (await Client.PostAsJsonAsync($"/api/grid/grids/{grid.Id}/staff/{post.Id}/end", new EndPostRequest(null))).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "post-ended"
        );
        Assert.Equal(HttpStatusCode.Created, (await TakeUpAsync(grid.Id, sun, "Leader", duties: "综治专干")).StatusCode);
        var sunsPost = (await Client.GetFromJsonAsync<List<GridPostResponse>>($"/api/grid/grids/{grid.Id}/staff?current=true"))!.Single();
        var beforeStart = sunsPost.From.AddDays(-1);
        await (await Client.PostAsJsonAsync($"/api/grid/grids/{grid.Id}/staff/{sunsPost.Id}/end", new EndPostRequest(beforeStart))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "end-before-start"
        );
    }

    [Fact]
    public async Task Assistants_are_full_time_team_members_participants_have_a_category_and_instructors_are_cadres()
    {
        var grid = await GridAsync("632802001001001", null);
        var parttime = await KnowPersonAsync("兼职");
        var fulltime = await KnowPersonAsync("专职");
        var resident = await KnowPersonAsync("居民");
        var cadre = await KnowPersonAsync("李干部", cadre: true);
        await Client.PutAsJsonAsync("/api/grid/staffing/team", new TeamMemberRequest(parttime, FullTime: false, null));
        await Client.PutAsJsonAsync("/api/grid/staffing/team", new TeamMemberRequest(fulltime, FullTime: true, null));

        await (await TakeUpAsync(grid.Id, parttime, "Assistant")).AssertProblemAsync(HttpStatusCode.Conflict, "assistant-not-full-time-team-member");
        await (await TakeUpAsync(grid.Id, resident, "Assistant")).AssertProblemAsync(HttpStatusCode.Conflict, "assistant-not-full-time-team-member");
        await (await TakeUpAsync(grid.Id, resident, "Participant")).AssertProblemAsync(HttpStatusCode.BadRequest, "participant-category-required");
        await (await TakeUpAsync(grid.Id, resident, "Instructor")).AssertProblemAsync(HttpStatusCode.Conflict, "instructor-not-cadre");
        await (await TakeUpAsync(grid.Id, resident, "Mayor")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-post");

        Assert.Equal(HttpStatusCode.Created, (await TakeUpAsync(grid.Id, fulltime, "Assistant")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await TakeUpAsync(grid.Id, resident, "Participant", "BuildingLeader")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await TakeUpAsync(grid.Id, cadre, "Instructor")).StatusCode);
        var staff = await Client.GetFromJsonAsync<List<GridPostResponse>>($"/api/grid/grids/{grid.Id}/staff?current=true");
        Assert.Equal([("Assistant", null), ("Participant", "BuildingLeader"), ("Instructor", null)], staff!.Select(s => (s.Post, s.Category)));
    }

    [Fact]
    public async Task The_report_shows_what_each_grid_lacks_against_the_assistant_quota()
    {
        var simple = await GridAsync("632802001001001", null, complexity: 20);
        var complex = await GridAsync("632802001001002", null, complexity: 90);
        var assistant = await KnowPersonAsync("专职");
        await Client.PutAsJsonAsync("/api/grid/staffing/team", new TeamMemberRequest(assistant, true, null));
        await TakeUpAsync(simple.Id, assistant, "Assistant");
        await TakeUpAsync(complex.Id, assistant, "Assistant");

        var report = await Client.GetFromJsonAsync<Page<StaffingRow>>("/api/grid/staffing/report");
        await Client.PutAsJsonAsync("/api/grid/staffing/assistant-quota", new QuotaRequest(50, 1, 2));
        var adjusted = await Client.GetFromJsonAsync<Page<StaffingRow>>("/api/grid/staffing/report");

        Assert.Equal(
            [(1, 1, "no-leader,no-instructor"), (1, 4, "no-leader,too-few-assistants,no-instructor")],
            report!.Items.Select(r => (r.Assistants, r.SuggestedAssistants, string.Join(",", r.Problems)))
        );
        Assert.Equal([1, 2], adjusted!.Items.Select(r => r.SuggestedAssistants));
        await (await Client.PutAsJsonAsync("/api/grid/staffing/assistant-quota", new QuotaRequest(0, 3, 1))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "invalid-quota"
        );
        await (await Client.GetAsync("/api/grid/staffing/report?page=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Taking_up_and_ending_a_post_publish_GridStaffChanged()
    {
        await using var events = await PublishedEvents.ListenAsync<GridStaffChanged>(Service.Servers.RabbitMq);
        var grid = await GridAsync("632802001001001", null);
        var wang = await KnowPersonAsync("王丽", staffOf: CommunityA);

        var post = (await (await TakeUpAsync(grid.Id, wang, "Leader", duties: "书记")).Content.ReadFromJsonAsync<GridPostResponse>())!;
        var ended = await Client.PostAsJsonAsync($"/api/grid/grids/{grid.Id}/staff/{post.Id}/end", new EndPostRequest(null));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        // Saved moments apart, the two may leave in one round of the relay, in either order.
        var taken = (await events.NextAsync(m => m.GetProperty("assignmentId").GetGuid() == post.Id && m.GetProperty("active").GetBoolean())).GetProperty(
            "message"
        );
        Assert.Equal(
            (grid.Id, wang, "Leader"),
            (taken.GetProperty("gridId").GetGuid(), taken.GetProperty("personId").GetGuid(), taken.GetProperty("post").GetString())
        );
        await events.NextAsync(m => m.GetProperty("assignmentId").GetGuid() == post.Id && !m.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Grid_staff_see_the_staff_of_their_own_grids_only()
    {
        var mine = await GridAsync("632802001001001", null);
        var other = await GridAsync("632802001001002", null);
        var gridStaff = Service.ClientAs(new TestCaller([Roles.GridStaff]) { Grids = [mine.Id] });

        Assert.Equal(HttpStatusCode.OK, (await gridStaff.GetAsync($"/api/grid/grids/{mine.Id}/staff")).StatusCode);
        await (await gridStaff.GetAsync($"/api/grid/grids/{other.Id}/staff")).AssertProblemAsync(HttpStatusCode.NotFound, "grid-not-found");
        var report = await gridStaff.GetFromJsonAsync<Page<StaffingRow>>("/api/grid/staffing/report");
        Assert.Equal([mine.Id], report!.Items.Select(r => r.GridId));
    }
}
