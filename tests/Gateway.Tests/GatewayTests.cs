using System.Net;
using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.Gateway.Tests;

public class GatewayTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient client = gateway.SignedInClient();

    [Theory]
    [InlineData("/api/organization/communities?page=2", "/api/organization/communities", "?page=2")]
    [InlineData("/api/grid/grids/abc", "/api/grid/grids/abc", "")]
    [InlineData("/api/workflow/grids", "/api/workflow/grids", "")]
    [InlineData("/open311/v2/services.json?jurisdiction_id=x", "/open311/v2/services.json", "?jurisdiction_id=x")]
    [InlineData("/.well-known/openid-configuration", "/.well-known/openid-configuration", "")]
    [InlineData("/connect/token", "/connect/token", "")]
    public async Task Routes_reach_their_service_with_path_and_query_unchanged(string url, string path, string query)
    {
        var echo = await client.GetFromJsonAsync<Echo>(url);

        Assert.Equal(path, echo!.Path);
        Assert.Equal(query, echo.Query);
    }

    [Fact]
    public async Task A_service_OpenAPI_document_is_served_under_its_prefix()
    {
        var echo = await client.GetFromJsonAsync<Echo>("/api/grid/openapi/v1.json");

        Assert.Equal("/openapi/v1.json", echo!.Path);
    }

    [Fact]
    public async Task A_caller_correlation_id_goes_to_the_service_and_back()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/grid/grids");
        request.Headers.Add("X-Correlation-Id", "case-42.intake");

        var response = await client.SendAsync(request);

        Assert.Equal("case-42.intake", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal("case-42.intake", (await response.Content.ReadFromJsonAsync<Echo>())!.CorrelationId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("has spaces and <script>")]
    public async Task A_missing_or_unsafe_correlation_id_is_replaced_by_a_new_one(string? incoming)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/grid/grids");
        if (incoming is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", incoming);
        }

        var response = await client.SendAsync(request);

        var id = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, (await response.Content.ReadFromJsonAsync<Echo>())!.CorrelationId);
    }

    [Fact]
    public async Task A_service_that_is_down_gets_a_503_problem_and_the_others_keep_working()
    {
        var down = await client.GetAsync("/api/volunteer/volunteers");

        var problem = await down.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.Equal("volunteer", problem.GetProperty("service").GetString());
        Assert.NotNull(down.Headers.RetryAfter);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/grid/grids")).StatusCode);
    }

    [Fact]
    public async Task A_path_under_the_API_no_service_serves_is_a_404_problem_and_any_other_path_is_the_consoles()
    {
        await (await client.GetAsync("/api/nothing/here")).AssertProblemAsync(HttpStatusCode.NotFound, "no-such-route");
        await (await client.GetAsync("/api/nothing")).AssertProblemAsync(HttpStatusCode.NotFound, "no-such-route");

        // The console's own routes (here the fake downstream echoes what reached it).
        var page = await client.GetAsync("/cases/123");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("\"/cases/123\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_reference_lists_every_service_document()
    {
        var page = await client.GetStringAsync("/api/docs/");

        // Scalar resolves these against the application's base path: /api/{service}/openapi/v1.json.
        foreach (var service in new[] { "organization", "grid", "volunteer", "workflow" })
        {
            Assert.Contains($"\"url\":\"api/{service}/openapi/v1.json\"", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task The_gateway_reports_its_health(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }
}
