using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.BuildingBlocks.Api;
using Platform.Contracts.Grid;
using Platform.Grid.Grids;
using Platform.Testing;

namespace Platform.Grid.Tests;

public class GridsApiTests(GridServiceFactory service) : GridApiTest(service)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KnowCommunitiesAsync();
    }

    [Fact]
    public async Task A_created_grid_can_be_read_back_with_its_boundary_as_GeoJSON()
    {
        var response = await Client.PostAsJsonAsync(
            "/api/grid/grids",
            new GridRequest("632802001001001", " 长江路第一网格 ", "urban", CommunityA, Square(97.34, 37.39), 320, 860, 45)
        );

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<GridResponse>())!;
        Assert.Equal($"/api/grid/grids/{created.Id}", response.Headers.Location?.ToString());
        var read = (await Client.GetFromJsonAsync<GridResponse>($"/api/grid/grids/{created.Id}"))!;
        Assert.Equal(("632802001001001", "长江路第一网格", "Urban", CommunityA, "Active"), (read.Code, read.Name, read.Type, read.CommunityId, read.Status));
        Assert.Equal((320, 860, 45, 1L), (read.Households, read.Population, read.Complexity, read.Version));
        Assert.Equal("Polygon", read.Boundary!.Value.GetProperty("type").GetString());
        Assert.Equal(97.34, read.Boundary.Value.GetProperty("coordinates")[0][0][0].GetDouble(), 6);
    }

    [Theory]
    [InlineData("632802001000001", "invalid-grid-code", "community part")]
    [InlineData("63280200100100", "invalid-grid-code", "15 digits")]
    [InlineData("632802001002001", "grid-code-community-mismatch", "community has code 001")]
    [InlineData("999999999001631", "grid-code-division-mismatch", "division part of code (digits 1-6) is 999999")]
    [InlineData("632802631001001", "grid-code-subdistrict-mismatch", "subdistrict part of code (digits 7-9) is 631")]
    public async Task A_bad_code_is_a_400_naming_the_wrong_part(string code, string problemCode, string names)
    {
        var response = await Client.PostAsJsonAsync("/api/grid/grids", new GridRequest(code, "x", "Urban", CommunityA, null, null, null, null));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, problemCode);
        Assert.Contains(names, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await Service.ScalarAsync<long>("SELECT count(*) FROM grids"));
    }

    public static TheoryData<string, string> BadBoundaries() =>
        new()
        {
            // A bow tie: the ring crosses itself.
            { """{"type":"Polygon","coordinates":[[[97.0,37.0],[97.1,37.1],[97.1,37.0],[97.0,37.1],[97.0,37.0]]]}""", "Self-intersection" },
            { """{"type":"Point","coordinates":[97.0,37.0]}""", "Polygon or MultiPolygon" },
            { """{"type":"Polygon","coordinates":[[[197.0,37.0],[197.1,37.0],[197.1,37.1],[197.0,37.0]]]}""", "outside longitude" },
            { """{"type":"Polygon","coordinates":"nonsense"}""", "not valid GeoJSON" },
        };

    [Theory]
    [MemberData(nameof(BadBoundaries))]
    public async Task An_invalid_boundary_is_a_400_saying_what_is_wrong(string geoJson, string says)
    {
        var response = await Client.PostAsJsonAsync(
            "/api/grid/grids",
            new GridRequest("632802001001001", "x", "Urban", CommunityA, JsonDocument.Parse(geoJson).RootElement, null, null, null)
        );

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(says, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grids_of_one_community_may_not_overlap_unless_one_is_Specialized()
    {
        await GridAsync("632802001001001", Square(97.34, 37.39));
        await GridAsync("632802001001002", Square(97.35, 37.39));

        var overlapping = await Client.PostAsJsonAsync(
            "/api/grid/grids",
            new GridRequest("632802001001003", "x", "Urban", CommunityA, Square(97.345, 37.39), null, null, null)
        );
        await GridAsync("632802001001004", Square(97.349, 37.385, 0.002), "Specialized");
        await GridAsync("632802001002001", Square(97.345, 37.39), community: CommunityB);

        var problem = await overlapping.AssertProblemAsync(HttpStatusCode.Conflict, "grid-overlap");
        Assert.Contains("632802001001001, 632802001001002", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var report = await Client.GetFromJsonAsync<List<OverlapResponse>>("/api/grid/grids/overlaps");
        Assert.Equal(
            [("632802001001001", "632802001001004", true), ("632802001001002", "632802001001004", true)],
            report!.Select(o => (o.GridCode, o.OtherGridCode, o.Allowed))
        );
    }

    [Fact]
    public async Task An_unknown_community_a_duplicate_code_and_a_missing_community_are_refused()
    {
        await GridAsync("632802001001001", null);

        await (
            await Client.PostAsJsonAsync("/api/grid/grids", new GridRequest("632802001001001", "b", "Rural", CommunityA, null, null, null, null))
        ).AssertProblemAsync(HttpStatusCode.Conflict, "duplicate-grid-code");
        await (
            await Client.PostAsJsonAsync("/api/grid/grids", new GridRequest("632802001009001", "b", "Rural", Guid.NewGuid(), null, null, null, null))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown-community");
        await (
            await Client.PostAsJsonAsync("/api/grid/grids", new GridRequest("632802001001002", "b", "Rural", Guid.Empty, null, null, null, null))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "community-id-required");
        await (
            await Client.PostAsJsonAsync("/api/grid/grids", new GridRequest("632802001001002", "b", "Rural", CommunityA, null, -1, null, null))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-count");
        await (
            await Client.PostAsJsonAsync("/api/grid/grids", new GridRequest("632802001001002", "b", "Rural", CommunityA, null, null, null, 101))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-complexity");
    }

    [Fact]
    public async Task A_retired_grid_is_kept_but_no_longer_found_or_changed()
    {
        var grid = await GridAsync("632802001001001", Square(97.34, 37.39));

        var retired = await Client.PostAsync($"/api/grid/grids/{grid.Id}/retire", null);

        Assert.Equal("Retired", (await retired.Content.ReadFromJsonAsync<GridResponse>())!.Status);
        await (await Client.GetAsync("/api/grid/lookup/point?latitude=37.385&longitude=97.345")).AssertProblemAsync(HttpStatusCode.NotFound, "no-grid-here");
        await (
            await Client.PutAsJsonAsync($"/api/grid/grids/{grid.Id}", new GridRequest(null, "新名", "Urban", CommunityA, null, null, null, null))
        ).AssertProblemAsync(HttpStatusCode.Conflict, "grid-retired");
        await (await Client.PostAsync($"/api/grid/grids/{grid.Id}/retire", null)).AssertProblemAsync(HttpStatusCode.Conflict, "grid-retired");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/grid/grids/{grid.Id}")).StatusCode);
    }

    [Fact]
    public async Task Community_staff_edit_their_own_communitys_grids_only()
    {
        var own = await GridAsync("632802001001001", null);
        var other = await GridAsync("632802001002001", null, community: CommunityB);
        var staff = Service.ClientAs(new TestCaller([Roles.CommunityStaff]) { Communities = [CommunityA] });

        var edited = await staff.PutAsJsonAsync(
            $"/api/grid/grids/{own.Id}",
            new GridRequest(null, "长江路一格", "Urban", CommunityA, Square(97.34, 37.39), 10, 20, 30)
        );
        var refused = await staff.PutAsJsonAsync($"/api/grid/grids/{other.Id}", new GridRequest(null, "改名", "Urban", CommunityB, null, null, null, null));

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = (await edited.Content.ReadFromJsonAsync<GridResponse>())!;
        Assert.Equal((2L, "长江路一格", true, 30), (after.Version, after.Name, after.HasBoundary, after.Complexity));
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "out-of-scope");
    }

    [Fact]
    public async Task The_list_is_paged_and_filtered_by_community_type_and_layer()
    {
        await GridAsync("632802001001003", null);
        await GridAsync("632802001001001", null);
        var market = await GridAsync("632802001001002", null, "Specialized");
        await GridAsync("632802001002001", null, community: CommunityB);
        await Client.PutAsJsonAsync(
            $"/api/grid/grids/{market.Id}/layers/work-safety",
            new Layers.ResponsibilityRequest("work-safety", "应急管理局", null, null)
        );

        var page = await Client.GetFromJsonAsync<Page<GridResponse>>($"/api/grid/grids?communityId={CommunityA}&type=urban&pageSize=1&page=2");
        var byLayer = await Client.GetFromJsonAsync<Page<GridResponse>>("/api/grid/grids?layer=work-safety&department=work-safety");

        Assert.Equal((2, 2), (page!.TotalCount, page.TotalPages));
        Assert.Equal("632802001001003", Assert.Single(page.Items).Code);
        Assert.Null(page.Items[0].Boundary);
        Assert.Equal(market.Id, Assert.Single(byLayer!.Items).Id);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=2147483647")]
    [InlineData("pageSize=500")]
    [InlineData("type=Downtown")]
    [InlineData("status=Gone")]
    public async Task Bad_list_parameters_are_400s(string query)
    {
        await (await Client.GetAsync($"/api/grid/grids?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unreadable_body_is_a_400_and_an_unknown_grid_a_404()
    {
        using var content = new StringContent("{\"code\": ", System.Text.Encoding.UTF8, "application/json");

        await (await Client.PostAsync("/api/grid/grids", content)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await Client.GetAsync($"/api/grid/grids/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound, "grid-not-found");
    }

    [Fact]
    public async Task Creating_and_retiring_a_grid_publish_GridChanged_through_the_outbox()
    {
        await using var events = await PublishedEvents.ListenAsync<GridChanged>(Service.Servers.RabbitMq);

        var created = await GridAsync("632802001001001", null, "Rural");
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/grid/grids/{created.Id}/retire", null)).StatusCode);

        var first = await events.NextAsync(m => m.GetProperty("gridId").GetGuid() == created.Id && m.GetProperty("version").GetInt64() == 1);
        var message = first.GetProperty("message");
        Assert.Equal(
            ("632802001001001", "Rural", "Active"),
            (message.GetProperty("code").GetString(), message.GetProperty("type").GetString(), message.GetProperty("status").GetString())
        );
        Assert.Equal(message.GetProperty("eventId").GetGuid(), first.GetProperty("messageId").GetGuid());
        var retired = await events.NextAsync(m => m.GetProperty("gridId").GetGuid() == created.Id && m.GetProperty("version").GetInt64() == 2);
        Assert.Equal("Retired", retired.GetProperty("message").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_database_has_PostGIS_and_health_is_green()
    {
        Assert.False(string.IsNullOrEmpty(await Service.ScalarAsync<string>("SELECT postgis_version()")));
        var response = await Client.GetAsync("/health");
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_map_layer_holds_every_active_grid_with_a_boundary_as_GeoJSON_features()
    {
        var drawn = await GridAsync("632802001001001", Square(97.34, 37.39), "Urban");
        var specialized = await GridAsync("632802001001002", Square(97.35, 37.39), "Specialized");
        await GridAsync("632802001001003", null);
        var retired = await GridAsync("632802001001004", Square(97.36, 37.39));
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/grid/grids/{retired.Id}/retire", null)).StatusCode);

        var layer = await Client.GetFromJsonAsync<JsonElement>("/api/grid/grids/map");

        Assert.Equal("FeatureCollection", layer.GetProperty("type").GetString());
        var features = layer.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal([drawn.Code, specialized.Code], features.Select(f => f.GetProperty("properties").GetProperty("code").GetString()));
        Assert.All(features, f => Assert.Equal("Polygon", f.GetProperty("geometry").GetProperty("type").GetString()));
        Assert.Equal("Specialized", features[1].GetProperty("properties").GetProperty("type").GetString());
        Assert.False(layer.GetProperty("truncated").GetBoolean());
        var onlySpecialized = await Client.GetFromJsonAsync<JsonElement>("/api/grid/grids/map?type=Specialized");
        Assert.Single(onlySpecialized.GetProperty("features").EnumerateArray());
    }
}
