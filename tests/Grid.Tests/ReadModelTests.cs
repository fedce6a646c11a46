using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Organization;
using Platform.Grid.Grids;
using Platform.Testing;

namespace Platform.Grid.Tests;

/// <summary>Communities and people reach the Grid service as events from the Organization service, once each.</summary>
public class ReadModelTests(GridServiceFactory service) : GridApiTest(service)
{
    [Fact]
    public async Task A_community_announced_on_the_broker_can_have_grids_and_the_same_event_twice_counts_once()
    {
        var community = Guid.NewGuid();
        var changed = new CommunityChanged
        {
            CommunityId = community,
            Code = "007",
            Name = "新社区",
            Version = 1,
            OccurredAt = DateTimeOffset.UtcNow,
        };
        var bus = Service.Services.GetRequiredService<IBus>();

        await bus.Publish(changed);
        await bus.Publish(changed);
        await bus.Publish(changed with { EventId = Guid.NewGuid(), Name = "旧名", Version = 0 });

        await Eventually.TrueAsync(async () => await Service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages") == 2, "both events handled");
        Assert.Equal("新社区", await Service.ScalarAsync<string>("SELECT name FROM known_communities WHERE id = $1", community));
        var created = await Client.PostAsJsonAsync("/api/grid/grids", new GridRequest("632802001007001", "新一格", "Urban", community, null, null, null, null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_person_announced_on_the_broker_can_take_up_a_post()
    {
        await KnowCommunitiesAsync();
        var grid = await GridAsync("632802001001001", null);
        var person = Guid.NewGuid();

        await Service
            .Services.GetRequiredService<IBus>()
            .Publish(
                new PersonChanged
                {
                    PersonId = person,
                    Name = "王丽",
                    StaffCommunityId = CommunityA,
                    Version = 3,
                    OccurredAt = DateTimeOffset.UtcNow,
                }
            );

        await Eventually.TrueAsync(
            async () => await Service.ScalarAsync<long>("SELECT count(*) FROM known_people WHERE id = $1", person) == 1,
            "the person known"
        );
        var taken = await Client.PostAsJsonAsync($"/api/grid/grids/{grid.Id}/staff", new Staffing.TakeUpPostRequest(person, "Leader", null, "书记", null));
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
    }
}
