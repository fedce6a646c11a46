using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public class SuiteTests(SuiteFixture suite)
{
    private readonly HttpClient gateway = suite.Gateway;

    private static readonly Guid DemoCommunity = Guid.Parse("0195a000-0000-7000-8000-000000000001");

    [Fact]
    public async Task Every_service_exports_its_outbox_backlog_and_lag_for_the_dashboard()
    {
        // What the dashboard shows per service: the relay's backlog and the age of its oldest unsent event.
        foreach (var service in new[] { "organization", "grid", "volunteer", "workflow" })
        {
            // The export's resource says which service it is from: service.name as OTLP encodes the attribute.
            var from = $"service.name\u0012{(char)(service.Length + 2)}\u000a{(char)service.Length}{service}";
            await Eventually.TrueAsync(
                () =>
                    Task.FromResult(
                        suite
                            .Telemetry.Received("metrics")
                            .Any(m =>
                                m.Contains(from, StringComparison.Ordinal)
                                && m.Contains("platform.outbox.backlog", StringComparison.Ordinal)
                                && m.Contains("platform.outbox.lag", StringComparison.Ordinal)
                            )
                    ),
                $"{service}'s outbox metrics exported",
                TimeSpan.FromSeconds(60)
            );
        }
    }

    [Fact]
    public async Task A_grid_created_through_the_gateway_reaches_Workflow_as_GridChanged()
    {
        var code = $"632802001001{Random.Shared.Next(100, 999)}";
        var created = await gateway.PostAsJsonAsync(
            "/api/grid/grids",
            new
            {
                code,
                name = "端到端网格",
                type = "Urban",
                communityId = DemoCommunity,
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var gridId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var known = await Eventually.GetAsync(
            async () =>
            {
                var response = await gateway.GetAsync($"/api/workflow/grids/{gridId}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonDocument>() : null;
            },
            "the grid in Workflow's read model",
            TimeSpan.FromSeconds(60)
        );

        Assert.Equal(code, known.RootElement.GetProperty("code").GetString());
        Assert.Equal("端到端网格", known.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_demo_data_is_seeded_and_its_grids_are_known_to_Workflow()
    {
        var communities = await gateway.GetFromJsonAsync<JsonElement>("/api/organization/communities?search=长江路");
        Assert.Contains(communities.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == DemoCommunity);

        await Eventually.TrueAsync(
            async () =>
            {
                var grids = await gateway.GetFromJsonAsync<JsonElement>($"/api/workflow/grids?communityId={DemoCommunity}");
                return grids.GetProperty("totalCount").GetInt32() >= 2;
            },
            "the demo grids in Workflow",
            TimeSpan.FromSeconds(60)
        );
    }

    [Theory]
    [InlineData("organization", "/api/organization/communities")]
    [InlineData("grid", "/api/grid/grids")]
    [InlineData("volunteer", "/api/volunteer/volunteers")]
    [InlineData("workflow", "/api/workflow/grids")]
    public async Task Each_service_OpenAPI_document_is_served_through_the_gateway(string service, string path)
    {
        var document = await gateway.GetFromJsonAsync<JsonElement>($"/api/{service}/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), $"{service} documents {path}");
    }

    [Fact]
    public async Task A_problem_from_a_service_carries_the_correlation_id_through_the_gateway()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/grid/grids")
        {
            Content = JsonContent.Create(
                new
                {
                    code = "1",
                    name = "x",
                    type = "Urban",
                    communityId = DemoCommunity,
                }
            ),
        };
        request.Headers.Add("X-Correlation-Id", "e2e-check-1");

        var response = await gateway.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-grid-code");
        Assert.Equal("e2e-check-1", problem.GetProperty("correlationId").GetString());
        Assert.Equal("e2e-check-1", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task A_demo_user_signs_in_through_the_gateway_which_is_the_tokens_issuer()
    {
        var discovery = await suite.Anonymous.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var publicUrl = new Uri(gateway.BaseAddress!, "/").ToString();
        Assert.Equal(publicUrl, discovery.GetProperty("issuer").GetString());
        // A client that follows discovery stays on the gateway: every address in it is the gateway's.
        var addresses = discovery
            .EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.StartsWith("http", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(addresses, p => p.Name == "token_endpoint");
        Assert.Contains(addresses, p => p.Name == "jwks_uri");
        Assert.All(addresses, p => Assert.StartsWith(publicUrl, p.Value.GetString()!, StringComparison.Ordinal));

        var response = await suite.Anonymous.PostAsync(
            discovery.GetProperty("token_endpoint").GetString(),
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "password",
                    ["client_id"] = "platform-app",
                    ["username"] = "staff.wang",
                    ["password"] = "Demo-Platform-2026",
                    ["scope"] = "platform-api offline_access roles",
                }
            )
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task A_resident_signs_up_through_the_gateway_without_a_token_and_signs_in()
    {
        var name = $"resident.{Guid.NewGuid():N}"[..20];

        var signedUp = await suite.Anonymous.PostAsJsonAsync(
            "/api/organization/accounts/sign-up",
            new { userName = name, password = "Resident-Platform-2026" }
        );
        var client = await suite.SignInAsync(name, "Resident-Platform-2026");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/organization/accounts/me");

        Assert.Equal(HttpStatusCode.Created, signedUp.StatusCode);
        Assert.Contains("resident", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task When_a_service_is_down_its_routes_get_503_problems_and_the_others_keep_working()
    {
        await suite.StopAsync(ResourceNames.Volunteer);
        try
        {
            await Eventually.TrueAsync(
                async () => (await gateway.GetAsync("/api/volunteer/volunteers")).StatusCode == HttpStatusCode.ServiceUnavailable,
                "the volunteer route to fail over to 503",
                TimeSpan.FromSeconds(60)
            );

            var down = await gateway.GetAsync("/api/volunteer/volunteers");
            var problem = await down.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
            Assert.Equal("volunteer", problem.GetProperty("service").GetString());
            Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/api/grid/grids")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/api/organization/communities")).StatusCode);
        }
        finally
        {
            await suite.StartAsync(ResourceNames.Volunteer);
        }

        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/api/volunteer/volunteers")).StatusCode);
    }
}
