using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Contracts.Grid;
using Platform.Grid.Layers;
using Platform.Grid.Visits;
using Platform.Testing;

namespace Platform.Grid.Tests;

public class LayersAndVisitsTests(GridServiceFactory service) : GridApiTest(service)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KnowCommunitiesAsync();
    }

    [Fact]
    public async Task For_a_layer_in_a_grid_one_call_says_who_is_responsible_with_the_phone_masked()
    {
        await using var events = await PublishedEvents.ListenAsync<LayerResponsibilityChanged>(Service.Servers.RabbitMq);
        var grid = await GridAsync("632802001001001", null);

        var set = await Client.PutAsJsonAsync(
            $"/api/grid/grids/{grid.Id}/layers/urban-management",
            new ResponsibilityRequest("urban-management", "市城管局河西中队", "张队长", "13897771234")
        );
        var who = await Client.GetFromJsonAsync<ResponsibilityResponse>($"/api/grid/grids/{grid.Id}/layers/urban-management");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(("市城管局河西中队", "城管执法网", "张队长", "138****1234"), (who!.DepartmentName, who.LayerName, who.ContactName, who.ContactPhone));
        Assert.DoesNotContain(
            "13897771234",
            await Service.ScalarAsync<string>("SELECT contact_phone_protected FROM layer_responsibilities"),
            StringComparison.Ordinal
        );
        var message = (await events.NextAsync(m => m.GetProperty("gridId").GetGuid() == grid.Id)).GetProperty("message");
        Assert.Equal(("urban-management", "urban-management"), (message.GetProperty("layer").GetString(), message.GetProperty("departmentCode").GetString()));
        Assert.False(message.TryGetProperty("contactPhone", out _));
        await (await Client.GetAsync($"/api/grid/grids/{grid.Id}/layers/environment")).AssertProblemAsync(HttpStatusCode.NotFound, "no-responsibility");
        await (await Client.PutAsJsonAsync($"/api/grid/grids/{grid.Id}/layers/weather", new ResponsibilityRequest("x", "y", null, null))).AssertProblemAsync(
            HttpStatusCode.NotFound,
            "unknown-layer"
        );
        await (
            await Client.PutAsJsonAsync($"/api/grid/grids/{grid.Id}/layers/environment", new ResponsibilityRequest("x", "y", null, "12345"))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-phone");
    }

    [Fact]
    public async Task The_admin_adds_layers_beside_the_four_built_in_ones()
    {
        var created = await Client.PostAsJsonAsync("/api/grid/layers", new LayerRequest("fire-safety", "消防安全网"));
        var layers = await Client.GetFromJsonAsync<List<LayerResponse>>("/api/grid/layers");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["environment", "public-security", "urban-management", "work-safety", "fire-safety"], layers!.Select(l => l.Code));
        await (await Client.PostAsJsonAsync("/api/grid/layers", new LayerRequest("fire-safety", "again"))).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "duplicate-layer"
        );
        await (await Client.PostAsJsonAsync("/api/grid/layers", new LayerRequest("Fire Safety!", "x"))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "invalid-layer-code"
        );
        await Service.ExecuteAsync("DELETE FROM layers WHERE code = 'fire-safety'");
    }

    [Fact]
    public async Task A_cadre_logs_a_visit_in_their_area_and_one_that_raises_a_case_goes_out_as_VisitLogged()
    {
        await using var events = await PublishedEvents.ListenAsync<VisitLogged>(Service.Servers.RabbitMq);
        var mine = await GridAsync("632802001001001", null);
        var other = await GridAsync("632802001002001", null, community: CommunityB);
        var person = Guid.NewGuid();
        var cadre = Service.ClientAs(new TestCaller([Roles.SubdistrictCadre]) { PersonId = person, Grids = [mine.Id] });
        var at = DateTimeOffset.UtcNow.AddHours(-2);

        var logged = await cadre.PostAsJsonAsync(
            "/api/grid/visits",
            new VisitRequest(mine.Id, null, "3单元502", null, at, "楼道堆放杂物", "通知物业清理", true, "消防通道堵塞", null, null)
        );
        var elsewhere = await cadre.PostAsJsonAsync(
            "/api/grid/visits",
            new VisitRequest(other.Id, null, null, null, at, "走访", null, false, null, null, null)
        );
        var noCategory = await cadre.PostAsJsonAsync("/api/grid/visits", new VisitRequest(mine.Id, null, null, null, at, "走访", null, true, null, null, null));
        var future = await cadre.PostAsJsonAsync(
            "/api/grid/visits",
            new VisitRequest(mine.Id, null, null, null, at.AddDays(2), "走访", null, false, null, null, null)
        );
        var noPerson = await Client.PostAsJsonAsync("/api/grid/visits", new VisitRequest(mine.Id, null, null, null, at, "走访", null, false, null, null, null));

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        await elsewhere.AssertProblemAsync(HttpStatusCode.Forbidden, "out-of-scope");
        await noCategory.AssertProblemAsync(HttpStatusCode.BadRequest, "case-category-required");
        await future.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-visit-time");
        await noPerson.AssertProblemAsync(HttpStatusCode.BadRequest, "visitor-person-required");
        var message = (await events.NextAsync(m => m.GetProperty("gridId").GetGuid() == mine.Id)).GetProperty("message");
        Assert.Equal(
            (person, true, "消防通道堵塞"),
            (message.GetProperty("visitorPersonId").GetGuid(), message.GetProperty("raisesCase").GetBoolean(), message.GetProperty("caseCategory").GetString())
        );
    }

    [Fact]
    public async Task A_visit_logged_offline_and_sent_again_with_its_key_is_logged_once_and_raises_one_case()
    {
        await using var events = await PublishedEvents.ListenAsync<VisitLogged>(Service.Servers.RabbitMq);
        var mine = await GridAsync("632802001001001", null);
        var staff = Service.ClientAs(new TestCaller([Roles.GridStaff]) { PersonId = Guid.NewGuid(), Grids = [mine.Id] });
        var visit = new VisitRequest(
            mine.Id,
            null,
            "5单元101",
            null,
            DateTimeOffset.UtcNow.AddHours(-1),
            "独居老人走访，楼道灯坏",
            null,
            true,
            "消防通道堵塞",
            37.3852,
            97.3451
        );
        var key = Guid.NewGuid().ToString();

        var first = await staff.PostWithKeyAsync("/api/grid/visits", visit, key);
        var again = await staff.PostWithKeyAsync("/api/grid/visits", visit, key);
        var changed = await staff.PostWithKeyAsync("/api/grid/visits", visit with { Findings = "另一次走访" }, key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.True(again.IsReplayed());
        Assert.Equal((await first.Content.ReadFromJsonAsync<VisitResponse>())!.Id, (await again.Content.ReadFromJsonAsync<VisitResponse>())!.Id);
        await changed.AssertProblemAsync((HttpStatusCode)422, "idempotency-key-reused");
        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM visits WHERE grid_id = $1", mine.Id));
        await events.NextAsync(m => m.GetProperty("gridId").GetGuid() == mine.Id);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(await events.DrainAsync(), e => e.GetProperty("message").GetProperty("gridId").GetGuid() == mine.Id);
    }

    [Fact]
    public async Task Coverage_shows_which_grids_were_visited_in_the_period_and_which_were_not()
    {
        var visited = await GridAsync("632802001001001", null);
        var twice = await GridAsync("632802001001002", null);
        await GridAsync("632802001001003", null);
        var cadre = Service.ClientAs(new TestCaller([Roles.SubdistrictCadre]) { PersonId = Guid.NewGuid(), Communities = [CommunityA] });
        var day = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
        foreach (var (grid, at) in new[] { (visited.Id, day), (twice.Id, day), (twice.Id, day.AddDays(1)), (visited.Id, day.AddDays(-30)) })
        {
            Assert.Equal(
                HttpStatusCode.Created,
                (
                    await cadre.PostAsJsonAsync("/api/grid/visits", new VisitRequest(grid, null, null, null, at, "走访", null, false, null, null, null))
                ).StatusCode
            );
        }

        var coverage = await cadre.GetFromJsonAsync<CoverageResponse>("/api/grid/visits/coverage?from=2026-11-01&to=2026-11-30");

        Assert.Equal((3, 2, 0.6667), (coverage!.Grids, coverage.Visited, coverage.Share));
        Assert.Equal([1, 2, 0], coverage.Rows.Select(r => r.Visits));
        Assert.Equal(["632802001001003"], coverage.NotVisited);
        await (await cadre.GetAsync("/api/grid/visits/coverage?from=2026-11-30&to=2026-11-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-period");
        var list = await cadre.GetFromJsonAsync<Page<VisitResponse>>($"/api/grid/visits?gridId={twice.Id}");
        Assert.Equal(2, list!.TotalCount);
    }
}
