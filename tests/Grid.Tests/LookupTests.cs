using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Grid.Buildings;
using Platform.Grid.Grids;
using Platform.Testing;

namespace Platform.Grid.Tests;

public class LookupTests(GridServiceFactory service) : GridApiTest(service)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KnowCommunitiesAsync();
    }

    [Fact]
    public async Task A_point_finds_its_grid_and_community_and_the_Specialized_grid_laid_over_it()
    {
        var west = await GridAsync("632802001001001", Square(97.34, 37.39));
        var east = await GridAsync("632802001001002", Square(97.35, 37.39));
        var market = await GridAsync("632802001001003", Square(97.352, 37.388, 0.002), "Specialized");

        var inWest = await Client.GetFromJsonAsync<LookupResponse>("/api/grid/lookup/point?latitude=37.385&longitude=97.345");
        var inMarket = await Client.GetFromJsonAsync<LookupResponse>("/api/grid/lookup/point?latitude=37.387&longitude=97.353");

        Assert.Equal(west.Id, inWest!.Grid.Id);
        Assert.Equal(("001", "长江路社区"), (inWest.Community!.Code, inWest.Community.Name));
        Assert.Empty(inWest.Specialized);
        Assert.Equal(east.Id, inMarket!.Grid.Id);
        Assert.Equal(market.Id, Assert.Single(inMarket.Specialized).Id);
    }

    [Fact]
    public async Task A_point_on_the_border_two_grids_share_belongs_to_the_one_with_the_lower_code()
    {
        var east = await GridAsync("632802001001002", Square(97.35, 37.39));
        var west = await GridAsync("632802001001001", Square(97.34, 37.39));

        var onTheBorder = await Client.GetFromJsonAsync<LookupResponse>("/api/grid/lookup/point?latitude=37.385&longitude=97.35");
        var onTheCorner = await Client.GetFromJsonAsync<LookupResponse>("/api/grid/lookup/point?latitude=37.39&longitude=97.35");
        var onTheOuterEdge = await Client.GetFromJsonAsync<LookupResponse>("/api/grid/lookup/point?latitude=37.385&longitude=97.36");

        Assert.Equal(west.Id, onTheBorder!.Grid.Id);
        Assert.Equal(west.Id, onTheCorner!.Grid.Id);
        Assert.Equal(east.Id, onTheOuterEdge!.Grid.Id);
    }

    [Theory]
    [InlineData("latitude=10&longitude=10", HttpStatusCode.NotFound, "no-grid-here")]
    [InlineData("latitude=95&longitude=97", HttpStatusCode.BadRequest, "invalid-location")]
    [InlineData("latitude=37.3", HttpStatusCode.BadRequest, "invalid-location")]
    public async Task A_point_outside_every_grid_is_a_404_and_a_bad_point_a_400(string query, HttpStatusCode status, string code)
    {
        await GridAsync("632802001001001", Square(97.34, 37.39));

        await (await Client.GetAsync($"/api/grid/lookup/point?{query}")).AssertProblemAsync(status, code);
    }

    [Fact]
    public async Task An_address_of_a_known_building_finds_its_grid_however_it_is_typed()
    {
        var grid = await GridAsync("632802001001001", Square(97.34, 37.39));
        var created = await Client.PostAsJsonAsync("/api/grid/buildings", new BuildingRequest(null, null, "3号楼", "德令哈市长江路12号 3号楼", 37.385, 97.345));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(grid.Id, (await created.Content.ReadFromJsonAsync<BuildingResponse>())!.GridId);

        var found = await Client.GetFromJsonAsync<LookupResponse>($"/api/grid/lookup/address?address={Uri.EscapeDataString("德令哈市长江路１２号，３号楼")}");

        Assert.Equal(grid.Id, found!.Grid.Id);
        await (await Client.GetAsync("/api/grid/lookup/address?address=nowhere")).AssertProblemAsync(HttpStatusCode.NotFound, "unknown-address");
    }

    [Fact]
    public async Task A_building_outside_the_grid_it_names_or_outside_every_grid_is_refused()
    {
        var grid = await GridAsync("632802001001001", Square(97.34, 37.39));

        await (await Client.PostAsJsonAsync("/api/grid/buildings", new BuildingRequest(null, grid.Id, "1号楼", "远处1号", 37.0, 97.0))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "building-outside-grid"
        );
        await (await Client.PostAsJsonAsync("/api/grid/buildings", new BuildingRequest(null, null, "1号楼", "远处1号", 37.0, 97.0))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "no-grid-here"
        );
    }

    [Fact]
    public async Task Grid_staff_see_the_buildings_of_their_own_grid_and_not_the_next_one()
    {
        var mine = await GridAsync("632802001001001", Square(97.34, 37.39));
        var next = await GridAsync("632802001001002", Square(97.35, 37.39));
        var inMine = (
            await (
                await Client.PostAsJsonAsync("/api/grid/buildings", new BuildingRequest(null, null, "1号楼", "长江路1号", 37.385, 97.345))
            ).Content.ReadFromJsonAsync<BuildingResponse>()
        )!;
        var inNext = (
            await (
                await Client.PostAsJsonAsync("/api/grid/buildings", new BuildingRequest(null, null, "1号楼", "长江路2号", 37.385, 97.355))
            ).Content.ReadFromJsonAsync<BuildingResponse>()
        )!;
        var gridStaff = Service.ClientAs(new TestCaller([Roles.GridStaff]) { Grids = [mine.Id] });

        var list = await gridStaff.GetFromJsonAsync<Page<BuildingResponse>>("/api/grid/buildings");

        Assert.Equal([inMine.Id], list!.Items.Select(b => b.Id));
        Assert.Equal(next.Id, inNext.GridId);
        await (await gridStaff.GetAsync($"/api/grid/buildings/{inNext.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "building-not-found");
    }
}
