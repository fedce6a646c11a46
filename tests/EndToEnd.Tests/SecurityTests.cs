using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>Sign-in, roles and scopes, and personal data across the whole suite, through the gateway.</summary>
[Collection(SuiteCollection.Name)]
public class SecurityTests(SuiteFixture suite)
{
    private static readonly Guid DemoCommunity = Guid.Parse("0195a000-0000-7000-8000-000000000001");

    [Fact]
    public async Task A_community_staff_token_opens_every_service_within_its_role_and_scope()
    {
        var staff = await suite.SignInAsync("staff.wang");

        var me = await staff.GetFromJsonAsync<JsonElement>("/api/organization/accounts/me");
        Assert.Equal([DemoCommunity], me.GetProperty("communities").EnumerateArray().Select(c => c.GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/grid/grids")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/workflow/grids")).StatusCode);
        await (
            await staff.PostAsJsonAsync(
                "/api/grid/grids",
                new
                {
                    code = "632802001001009",
                    name = "x",
                    type = "Urban",
                    communityId = DemoCommunity,
                }
            )
        ).AssertProblemAsync(HttpStatusCode.Forbidden, "role-required");
        var people = (await staff.GetFromJsonAsync<JsonElement>("/api/organization/people?pageSize=100"))
            .GetProperty("items")
            .EnumerateArray()
            .Select(p => p.GetProperty("name").GetString())
            .ToList();
        Assert.Contains("孙强", people);
        Assert.DoesNotContain("刘敏", people);
    }

    [Fact]
    public async Task A_grid_staff_token_carries_the_grids_the_Grid_service_staffed_them_in()
    {
        // 孙强 leads 长江路's second grid and assists its first (Grid demo data); the posts reach Organization as events.
        var expected = new[] { Guid.Parse("0195a001-0000-7000-8000-000000000001"), Guid.Parse("0195a001-0000-7000-8000-000000000002") };
        var grids = await Eventually.GetAsync(
            async () =>
            {
                var me = await (await suite.SignInAsync("grid.sun")).GetFromJsonAsync<JsonElement>("/api/organization/accounts/me");
                var ids = me.GetProperty("grids").EnumerateArray().Select(g => g.GetGuid()).Order().ToList();
                return ids.Count == 2 ? ids : null;
            },
            "grid.sun's grids in the token",
            TimeSpan.FromSeconds(60)
        );

        Assert.Equal(expected, grids);
        var gridStaff = await suite.SignInAsync("grid.sun");
        Assert.Equal(HttpStatusCode.OK, (await gridStaff.GetAsync($"/api/grid/grids/{expected[0]}/staff")).StatusCode);
        await (await gridStaff.GetAsync("/api/grid/grids/0195a001-0000-7000-8000-000000000003/staff")).AssertProblemAsync(
            HttpStatusCode.NotFound,
            "grid-not-found"
        );
    }

    [Fact]
    public async Task A_point_in_the_demo_subdistrict_is_found_in_its_grid_through_the_gateway()
    {
        var found = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/grid/lookup/point?latitude=37.3885&longitude=97.342");

        Assert.Equal("632802001001001", found.GetProperty("grid").GetProperty("code").GetString());
        Assert.Equal("长江路社区", found.GetProperty("community").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_party_member_finds_their_volunteer_record_hours_and_certificate_through_the_gateway()
    {
        var member = await suite.SignInAsync("member.xie");

        var me = await member.GetFromJsonAsync<JsonElement>("/api/volunteer/volunteers/me");
        var hours = await member.GetFromJsonAsync<JsonElement>("/api/volunteer/hours");
        var today = SubdistrictClock.Today;
        var certificate = await member.PostAsJsonAsync(
            $"/api/volunteer/volunteers/{me.GetProperty("id").GetGuid()}/certificates",
            new { from = today.AddDays(-30), to = today }
        );

        Assert.Equal(("谢志远", true), (me.GetProperty("name").GetString(), me.GetProperty("isPartyMember").GetBoolean()));
        Assert.Equal("Approved", hours.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, certificate.StatusCode);
        Assert.Equal(3m, (await certificate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalHours").GetDecimal());
    }

    [Fact]
    public async Task Without_a_token_the_api_is_closed_and_discovery_is_open()
    {
        await (await suite.Anonymous.GetAsync("/api/grid/grids")).AssertProblemAsync(HttpStatusCode.Unauthorized, "token-required");
        await (await suite.Anonymous.GetAsync("/api/organization/people")).AssertProblemAsync(HttpStatusCode.Unauthorized, "token-required");
        Assert.Equal(HttpStatusCode.OK, (await suite.Anonymous.GetAsync("/.well-known/openid-configuration")).StatusCode);
    }

    [Fact]
    public async Task Personal_data_never_appears_in_logs_or_traces()
    {
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var idCard = TestIdCards.Complete(
            $"632802198{Random.Shared.Next(1, 9)}0{Random.Shared.Next(1, 9)}1{Random.Shared.Next(1, 2)}{Random.Shared.Next(100, 999)}"
        );
        var address = $"德令哈市河西街道隐私测试路{Random.Shared.Next(100, 999)}号";
        var created = await suite.Gateway.PostAsJsonAsync(
            "/api/organization/people",
            new
            {
                name = "隐私测试",
                phone,
                idCardNumber = idCard,
                homeAddress = address,
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await suite.Gateway.GetAsync("/api/organization/people?search=隐私");
        var revealed = await suite.Gateway.PostAsJsonAsync($"/api/organization/people/{id}/personal-data/reveal", new { reason = "端到端检查" });
        Assert.Equal(phone, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());

        // The capture works: the reveal's own request shows up in the exported traces.
        await Eventually.TrueAsync(
            () => Task.FromResult(suite.Telemetry.Received("traces").Any(t => t.Contains($"/people/{id}/personal-data/reveal", StringComparison.Ordinal))),
            "the reveal request in the exported traces",
            TimeSpan.FromSeconds(30)
        );
        await Task.Delay(TimeSpan.FromSeconds(2));

        var exported = suite.Telemetry.Received("traces").Concat(suite.Telemetry.Received("logs")).ToList();
        var console = await suite.ServiceLogLinesAsync();
        Assert.NotEmpty(suite.Telemetry.Received("logs"));
        foreach (var secret in new[] { phone, idCard, address, phone[3..7] + phone[7..] })
        {
            Assert.DoesNotContain(exported, payload => payload.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(console, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
