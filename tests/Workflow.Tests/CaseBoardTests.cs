using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Testing;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Tests;

public class CaseBoardTests(WorkflowServiceFactory service) : CaseTest(service)
{
    [Fact]
    public async Task The_boards_counts_are_what_its_lists_hold_for_every_state_under_the_same_filters()
    {
        var grid = await GridAsync(3, row: 2);
        var dispatched = await DispatchedToGridAsync(grid);
        var first = await ReportAsync(GridStaffOf(grid), Report("garbage", gridId: grid));
        var second = await ReportAsync(GridStaffOf(grid), Report("noise", gridId: grid));

        var counts = (await As(Operator).GetFromJsonAsync<CaseCounts>($"/api/workflow/cases/counts?gridId={grid}"))!;

        Assert.Equal(Enum.GetNames<CaseState>().Order(), counts.ByState.Keys.Order());
        Assert.Equal((2, 1, 0, 3), (counts.ByState["Reported"], counts.ByState["Dispatched"], counts.ByState["Closed"], counts.Total));
        foreach (var (state, count) in counts.ByState)
        {
            var listed = (await As(Operator).GetFromJsonAsync<Page<CaseSummary>>($"/api/workflow/cases?gridId={grid}&state={state}&pageSize=1"))!;
            Assert.Equal(count, listed.TotalCount);
        }

        var garbage = (await As(Operator).GetFromJsonAsync<CaseCounts>($"/api/workflow/cases/counts?gridId={grid}&category=garbage"))!;
        Assert.Equal((1, 1, 2), (garbage.ByState["Reported"], garbage.ByState["Dispatched"], garbage.Total));

        // Someone else's community counts none of them.
        var elsewhere = Operator with { Communities = [Guid.NewGuid()] };
        Assert.Equal(0, (await As(elsewhere).GetFromJsonAsync<CaseCounts>($"/api/workflow/cases/counts?gridId={grid}"))!.Total);

        var dueFirst = (await As(Operator).GetFromJsonAsync<Page<CaseSummary>>($"/api/workflow/cases?gridId={grid}&sort=DueSoonest"))!;
        Assert.Equal([dispatched.Id, second.Id, first.Id], dueFirst.Items.Select(c => c.Id));
        var oldest = (await As(Operator).GetFromJsonAsync<Page<CaseSummary>>($"/api/workflow/cases?gridId={grid}&sort=Oldest"))!;
        Assert.Equal([dispatched.Id, first.Id, second.Id], oldest.Items.Select(c => c.Id));
        await (await As(Operator).GetAsync("/api/workflow/cases?sort=Cheapest")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-sort");
    }
}
