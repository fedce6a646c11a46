using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Api;
using Platform.Contracts.Grid;
using Platform.Testing;
using Platform.Workflow.Grids;

namespace Platform.Workflow.Tests;

public class KnownGridsTests(WorkflowServiceFactory service) : WorkflowServiceTest(service)
{
    private static GridChanged Changed(Guid gridId, long version, string name) =>
        new()
        {
            GridId = gridId,
            CommunityId = Guid.Parse("0195a000-0000-7000-8000-000000000001"),
            Code = "632802001001001",
            Name = name,
            Type = "Urban",
            Version = version,
            OccurredAt = DateTimeOffset.UtcNow,
        };

    private Task PublishAsync(GridChanged e) => Service.Services.GetRequiredService<IBus>().Publish(e);

    private async Task<KnownGridResponse> WaitForGridAsync(Guid id, Func<KnownGridResponse, bool> until) =>
        await Eventually.GetAsync(
            async () =>
            {
                var response = await Client.GetAsync($"/api/workflow/grids/{id}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return null;
                }

                var grid = await response.Content.ReadFromJsonAsync<KnownGridResponse>();
                return grid is not null && until(grid) ? grid : null;
            },
            $"grid {id} in Workflow's read model"
        );

    [Fact]
    public async Task A_GridChanged_event_from_the_broker_lands_in_the_read_model()
    {
        var gridId = Guid.NewGuid();

        await PublishAsync(Changed(gridId, 1, "长江路第一网格"));

        var grid = await WaitForGridAsync(gridId, _ => true);
        Assert.Equal("长江路第一网格", grid.Name);
        Assert.Equal("632802001001001", grid.Code);
        Assert.Equal(1, grid.Version);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_handled_once()
    {
        var gridId = Guid.NewGuid();
        var once = Changed(gridId, 1, "first");

        await PublishAsync(once);
        await PublishAsync(once);
        // A later event proves both copies of the first were consumed before we count.
        await PublishAsync(Changed(gridId, 2, "second"));
        await WaitForGridAsync(gridId, g => g.Version == 2);
        // Up to four events are consumed at once: the later one may land before both copies of the first.
        await Eventually.TrueAsync(
            async () => await Service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE event_id = $1", once.EventId) > 0,
            "the first event consumed"
        );

        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE event_id = $1", once.EventId));
        Assert.Equal(2, await Service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages"));
    }

    [Fact]
    public async Task An_older_state_arriving_late_does_not_overwrite_a_newer_one()
    {
        var gridId = Guid.NewGuid();

        await PublishAsync(Changed(gridId, 3, "renamed"));
        await WaitForGridAsync(gridId, g => g.Version == 3);
        var stale = Changed(gridId, 2, "old name");
        await PublishAsync(stale);
        await Eventually.TrueAsync(
            async () => await Service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE event_id = $1", stale.EventId) == 1,
            "the stale event consumed"
        );

        var grid = await Client.GetFromJsonAsync<KnownGridResponse>($"/api/workflow/grids/{gridId}");
        Assert.Equal("renamed", grid!.Name);
        Assert.Equal(3, grid.Version);
    }

    [Fact]
    public async Task The_known_grids_list_is_paged_and_filtered_by_community()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        await PublishAsync(Changed(a, 1, "a"));
        await PublishAsync(Changed(b, 1, "b") with { CommunityId = Guid.NewGuid(), Code = "632802001002001" });
        await WaitForGridAsync(a, _ => true);
        await WaitForGridAsync(b, _ => true);

        var page = await Client.GetFromJsonAsync<Page<KnownGridResponse>>("/api/workflow/grids?communityId=0195a000-0000-7000-8000-000000000001");

        Assert.Equal(a, Assert.Single(page!.Items).Id);
        await (await Client.GetAsync("/api/workflow/grids?pageSize=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-page-size");
    }

    [Fact]
    public async Task An_unknown_grid_is_a_404_problem()
    {
        await (await Client.GetAsync($"/api/workflow/grids/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound, "grid-not-found");
    }

    [Fact]
    public async Task A_retired_grid_is_visibly_retired_and_can_be_listed_apart()
    {
        var gridId = Guid.NewGuid();

        await PublishAsync(Changed(gridId, 1, "长江路第一网格"));
        await PublishAsync(Changed(gridId, 2, "长江路第一网格") with { Status = "Retired" });

        var grid = await WaitForGridAsync(gridId, g => g.Version == 2);
        Assert.Equal("Retired", grid.Status);
        var retired = await Client.GetFromJsonAsync<Page<KnownGridResponse>>("/api/workflow/grids?status=Retired");
        var active = await Client.GetFromJsonAsync<Page<KnownGridResponse>>("/api/workflow/grids?status=active");
        Assert.Contains(retired!.Items, g => g.Id == gridId);
        Assert.DoesNotContain(active!.Items, g => g.Id == gridId);
    }
}
