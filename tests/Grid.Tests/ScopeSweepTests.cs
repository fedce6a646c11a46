using System.Net.Http.Json;
using Platform.Grid.Staffing;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Grid.Tests;

/// <summary>Every write on a grid record, as community staff of another community.</summary>
[Collection(GridServiceCollection.Name)]
public class ScopeSweepTests(GridServiceFactory service, ITestOutputHelper output) : ScopeSweepTest<Program>(service, output)
{
    protected override async Task<ScopeWorld> BuildWorldAsync()
    {
        var data = new GridWorld(service);
        await data.KnowCommunitiesAsync();
        var grid = await data.GridAsync("632802001001001", null);
        var leader = await data.KnowPersonAsync("王丽", staffOf: GridApiTest.CommunityA);
        var taken = await Admin.PostAsJsonAsync($"/api/grid/grids/{grid.Id}/staff", new TakeUpPostRequest(leader, "Leader", null, "社区党组织书记", null));
        var post = (await taken.Content.ReadFromJsonAsync<GridPostResponse>())!;

        var world = new ScopeWorld();
        world.Records["grids"] = grid.Id.ToString();
        world.Records["staff"] = post.Id.ToString();
        return world;
    }

    /// <summary>The grid tests' helpers, for a class whose base is the sweep.</summary>
    private sealed class GridWorld(GridServiceFactory service) : GridApiTest(service);
}
