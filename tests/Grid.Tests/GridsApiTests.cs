using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Grid;
using Platform.Grid.Grids;
using Platform.ServiceDefaults.Api;
using Platform.Testing;

namespace Platform.Grid.Tests;

public class GridsApiTests(GridServiceFactory service) : GridServiceTest(service)
{
    private static readonly Guid Community = Guid.Parse("0195a000-0000-7000-8000-000000000001");

    [Fact]
    public async Task A_created_grid_can_be_read_back()
    {
        var response = await Client.PostAsJsonAsync("/api/grid/grids", new CreateGridRequest("632802001001001", " 长江路第一网格 ", "urban", Community));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<GridResponse>();
        Assert.NotNull(created);
        Assert.Equal($"/api/grid/grids/{created.Id}", response.Headers.Location?.ToString());

        var read = await Client.GetFromJsonAsync<GridResponse>($"/api/grid/grids/{created.Id}");
        Assert.NotNull(read);
        Assert.Equal("632802001001001", read.Code);
        Assert.Equal("长江路第一网格", read.Name);
        Assert.Equal("Urban", read.Type);
        Assert.Equal(Community, read.CommunityId);
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task A_malformed_code_is_a_400_naming_the_wrong_part()
    {
        var response = await Client.PostAsJsonAsync("/api/grid/grids", new CreateGridRequest("632802001000001", "x", "Urban", Community));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-grid-code");
        Assert.Contains("community part", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
        Assert.Equal(0, await Service.ScalarAsync<long>("SELECT count(*) FROM grids"));
    }

    [Theory]
    [InlineData("632802001001001", "", "Urban", "invalid-grid-name")]
    [InlineData("632802001001001", "name", "Downtown", "invalid-grid-type")]
    [InlineData("632802001001001", "name", "1", "invalid-grid-type")]
    public async Task Invalid_fields_are_400s_naming_the_field(string code, string name, string type, string problemCode)
    {
        var response = await Client.PostAsJsonAsync("/api/grid/grids", new CreateGridRequest(code, name, type, Community));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, problemCode);
    }

    [Fact]
    public async Task A_grid_without_a_community_is_rejected()
    {
        var response = await Client.PostAsJsonAsync("/api/grid/grids", new CreateGridRequest("632802001001001", "name", "Urban", Guid.Empty));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "missing-community");
    }

    [Fact]
    public async Task A_second_grid_with_the_same_code_is_a_409()
    {
        var first = await Client.PostAsJsonAsync("/api/grid/grids", new CreateGridRequest("632802001001001", "a", "Urban", Community));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var second = await Client.PostAsJsonAsync("/api/grid/grids", new CreateGridRequest("632802001001001", "b", "Rural", Community));

        await second.AssertProblemAsync(HttpStatusCode.Conflict, "duplicate-grid-code");
    }

    [Fact]
    public async Task An_unreadable_body_is_a_400_problem_not_a_500()
    {
        using var content = new StringContent("{\"code\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await Client.PostAsync("/api/grid/grids", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_grid_is_a_404_problem()
    {
        var response = await Client.GetAsync($"/api/grid/grids/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "grid-not-found");
    }

    [Fact]
    public async Task The_list_is_paged_and_filtered_by_community_and_type()
    {
        var other = Guid.NewGuid();
        foreach (var (code, type, community) in new[]
        {
            ("632802001001003", "Urban", Community),
            ("632802001001001", "Urban", Community),
            ("632802001001002", "Specialized", Community),
            ("632802001002001", "Urban", other),
        })
        {
            var r = await Client.PostAsJsonAsync("/api/grid/grids", new CreateGridRequest(code, "g" + code, type, community));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }

        var page = await Client.GetFromJsonAsync<Page<GridResponse>>($"/api/grid/grids?communityId={Community}&type=urban&pageSize=1&page=2");

        Assert.NotNull(page);
        Assert.Equal(2, page.TotalCount);
        Assert.Equal(2, page.TotalPages);
        Assert.Equal("632802001001003", Assert.Single(page.Items).Code);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=2147483647")]
    [InlineData("pageSize=500")]
    [InlineData("type=Downtown")]
    public async Task Bad_list_parameters_are_400s(string query)
    {
        var response = await Client.GetAsync($"/api/grid/grids?{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Creating_a_grid_publishes_GridChanged_through_the_outbox()
    {
        await using var events = await PublishedEvents.ListenAsync<GridChanged>(Service.Servers.RabbitMq);

        var response = await Client.PostAsJsonAsync("/api/grid/grids", new CreateGridRequest("632802001003001", "巴音河第一网格", "Rural", Community));
        var created = (await response.Content.ReadFromJsonAsync<GridResponse>())!;

        var envelope = await events.NextAsync(m => m.GetProperty("gridId").GetGuid() == created.Id);
        var message = envelope.GetProperty("message");
        Assert.Equal("632802001003001", message.GetProperty("code").GetString());
        Assert.Equal("Rural", message.GetProperty("type").GetString());
        Assert.Equal(Community, message.GetProperty("communityId").GetGuid());
        // The outbox row's id travels as the message id, so consumers can tell a re-delivery.
        Assert.Equal(message.GetProperty("eventId").GetGuid(), envelope.GetProperty("messageId").GetGuid());
        await Eventually.TrueAsync(
            async () => await Service.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL") == 1,
            "the outbox row marked sent");
    }

    [Fact]
    public async Task The_database_has_PostGIS()
    {
        var version = await Service.ScalarAsync<string>("SELECT postgis_version()");

        Assert.False(string.IsNullOrEmpty(version));
    }

    [Fact]
    public async Task Health_reports_database_broker_and_cache_healthy()
    {
        var response = await Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
