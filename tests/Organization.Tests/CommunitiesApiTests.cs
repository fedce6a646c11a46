using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Contracts.Organization;
using Platform.Organization.Communities;
using Platform.Testing;

namespace Platform.Organization.Tests;

public class CommunitiesApiTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    [Fact]
    public async Task A_created_community_can_be_read_back()
    {
        var response = await Client.PostAsJsonAsync("/api/organization/communities", new CreateCommunityRequest("001", "长江路社区"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CommunityResponse>())!;
        var read = await Client.GetFromJsonAsync<CommunityResponse>($"/api/organization/communities/{created.Id}");
        Assert.Equal("001", read!.Code);
        Assert.Equal("长江路社区", read.Name);
    }

    [Theory]
    [InlineData("1", "社区", "invalid-community-code")]
    [InlineData("000", "社区", "invalid-community-code")]
    [InlineData("00a", "社区", "invalid-community-code")]
    [InlineData("001", "", "invalid-community-name")]
    public async Task Invalid_input_is_a_400_naming_the_problem(string code, string name, string problem)
    {
        var response = await Client.PostAsJsonAsync("/api/organization/communities", new CreateCommunityRequest(code, name));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, problem);
    }

    [Fact]
    public async Task A_duplicate_code_is_a_409_and_nothing_is_written()
    {
        await Client.PostAsJsonAsync("/api/organization/communities", new CreateCommunityRequest("002", "祁连路社区"));

        var response = await Client.PostAsJsonAsync("/api/organization/communities", new CreateCommunityRequest("002", "another"));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "duplicate-community-code");
        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM communities"));
        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task The_list_searches_by_name_and_pages()
    {
        foreach (var (code, name) in new[] { ("001", "长江路社区"), ("002", "祁连路社区"), ("003", "长江花园社区") })
        {
            await Client.PostAsJsonAsync("/api/organization/communities", new CreateCommunityRequest(code, name));
        }

        var page = await Client.GetFromJsonAsync<Page<CommunityResponse>>("/api/organization/communities?search=长江&page=2&pageSize=1");

        Assert.Equal(2, page!.TotalCount);
        Assert.Equal("003", Assert.Single(page.Items).Code);
    }

    [Fact]
    public async Task Creating_a_community_publishes_CommunityChanged()
    {
        await using var events = await PublishedEvents.ListenAsync<CommunityChanged>(Service.Servers.RabbitMq);

        var created = (
            await (
                await Client.PostAsJsonAsync("/api/organization/communities", new CreateCommunityRequest("004", "滨河路社区"))
            ).Content.ReadFromJsonAsync<CommunityResponse>()
        )!;

        var envelope = await events.NextAsync(m => m.GetProperty("communityId").GetGuid() == created.Id);
        Assert.Equal("滨河路社区", envelope.GetProperty("message").GetProperty("name").GetString());
    }
}

public class SubdistrictAndCommunityUpdateTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    [Fact]
    public async Task The_subdistrict_is_defined_once_and_validated()
    {
        await (await Client.GetAsync("/api/organization/subdistrict")).AssertProblemAsync(HttpStatusCode.NotFound, "subdistrict-not-defined");
        await (await Client.PutAsJsonAsync("/api/organization/subdistrict", new SubdistrictRequest("63280", "001", "河西街道"))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "invalid-division-code"
        );

        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.PutAsJsonAsync("/api/organization/subdistrict", new SubdistrictRequest("632802", "001", "河西街道"))).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.PutAsJsonAsync("/api/organization/subdistrict", new SubdistrictRequest("632802", "002", "河西街道"))).StatusCode
        );

        var read = await Client.GetFromJsonAsync<SubdistrictResponse>("/api/organization/subdistrict");
        Assert.Equal(("632802", "002"), (read!.DivisionCode, read.Code));
        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM subdistrict"));
    }

    [Fact]
    public async Task Updating_a_community_publishes_its_new_state()
    {
        var created = (
            await (
                await Client.PostAsJsonAsync("/api/organization/communities", new CreateCommunityRequest("001", "长江路社区"))
            ).Content.ReadFromJsonAsync<CommunityResponse>()
        )!;
        await using var events = await PublishedEvents.ListenAsync<CommunityChanged>(Service.Servers.RabbitMq);

        var updated = await Client.PutAsJsonAsync(
            $"/api/organization/communities/{created.Id}",
            new UpdateCommunityRequest("长江路社区", "长江路社区居委会", "长江路公共服务站")
        );

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var envelope = await events.NextAsync(m => m.GetProperty("communityId").GetGuid() == created.Id && m.GetProperty("version").GetInt64() == 2);
        Assert.Equal("长江路公共服务站", envelope.GetProperty("message").GetProperty("serviceStation").GetString());
        await (await Client.PutAsJsonAsync($"/api/organization/communities/{Guid.NewGuid()}", new UpdateCommunityRequest("x", null, null))).AssertProblemAsync(
            HttpStatusCode.NotFound,
            "community-not-found"
        );
    }
}
