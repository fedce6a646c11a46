using System.Net;
using System.Net.Http.Json;
using Platform.Grid.Staffing;

namespace Platform.Grid.Tests;

/// <summary>Days are the subdistrict's (UTC+8): at 00:30 local time on 1 December a post taken up or ended "today" is dated 1 December.</summary>
[Collection(GridAtLocalMidnightCollection.Name)]
public class LocalDayTests(GridAtLocalMidnightFactory service) : GridApiTest(service)
{
    [Fact]
    public async Task A_post_taken_up_and_ended_today_is_dated_on_the_local_day()
    {
        await KnowCommunitiesAsync();
        var grid = await GridAsync("632802001001001", null);
        var wang = await KnowPersonAsync("王丽", staffOf: CommunityA);

        var taken = await Client.PostAsJsonAsync($"/api/grid/grids/{grid.Id}/staff", new TakeUpPostRequest(wang, "Leader", null, "社区党组织书记", null));
        var post = (await taken.Content.ReadFromJsonAsync<GridPostResponse>())!;
        var ended = await Client.PostAsJsonAsync($"/api/grid/grids/{grid.Id}/staff/{post.Id}/end", new EndPostRequest(null));

        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(new DateOnly(2026, 12, 1), post.From);
        Assert.Equal(new DateOnly(2026, 12, 1), (await ended.Content.ReadFromJsonAsync<GridPostResponse>())!.To);
    }
}
