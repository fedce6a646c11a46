using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The case loop as the subdistrict runs it, through the gateway with the demo accounts: the grid placed from
/// the boundary the Grid service announced over the broker, the rule sending the case to the department the
/// Grid service put in charge of the layer, and a visit logged in the Grid service arriving as a case.
/// </summary>
[Collection(SuiteCollection.Name)]
public class CaseLoopTests(SuiteFixture suite)
{
    private static readonly Guid DemoCommunity = Guid.Parse("0195a000-0000-7000-8000-000000000001");
    private static readonly Guid DemoGrid = Guid.Parse("0195a001-0000-7000-8000-000000000001");

    // Inside demo grid 632802001001001 (its rectangle starts at 97.340 E, 37.390 N).
    private const double Latitude = 37.3885,
        Longitude = 97.342;

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_residents_report_goes_from_intake_to_closing_through_the_gateway()
    {
        var admin = suite.Gateway;
        var resident = await suite.SignInAsync("resident.zhou");
        var handler = await suite.SignInAsync("handler.urban");
        var communityStaff = await suite.SignInAsync("staff.wang");
        await Eventually.TrueAsync(
            async () =>
            {
                var route = await admin.GetFromJsonAsync<JsonElement>($"/api/workflow/routing-rules/preview?category=road-damage&gridId={DemoGrid}");
                return route.GetProperty("department").GetString() == "urban-management";
            },
            "the demo grid and its urban-management department known to Workflow",
            TimeSpan.FromSeconds(90)
        );

        var reported = await OkAsync(
            resident.PostAsJsonAsync(
                "/api/workflow/cases",
                new
                {
                    category = "road-damage",
                    description = "人行道地砖松动",
                    latitude = Latitude,
                    longitude = Longitude,
                    photoUrls = new[] { "https://img.example/1.jpg" },
                }
            )
        );
        var id = reported.GetProperty("id").GetGuid();
        Assert.Equal(DemoGrid, reported.GetProperty("gridId").GetGuid());
        Assert.Equal(DemoCommunity, reported.GetProperty("communityId").GetGuid());

        await OkAsync(admin.PostAsJsonAsync($"/api/workflow/cases/{id}/register", new { }));
        var dispatched = await OkAsync(admin.PostAsJsonAsync($"/api/workflow/cases/{id}/dispatch", new { }));
        Assert.Equal("Department", dispatched.GetProperty("handlerLevel").GetString());
        Assert.Equal("urban-management", dispatched.GetProperty("department").GetString());

        await OkAsync(handler.PostAsJsonAsync($"/api/workflow/cases/{id}/accept", new { }));
        await OkAsync(handler.PostAsJsonAsync($"/api/workflow/cases/{id}/resolve", new { text = "已更换地砖" }));
        await OkAsync(handler.PostAsJsonAsync($"/api/workflow/cases/{id}/reply", new { text = "您反映的地砖已更换" }));
        var delivered = (JsonElement)
            await Eventually.GetAsync<object>(
                async () =>
                {
                    var inbox = await resident.GetFromJsonAsync<JsonElement>("/api/workflow/notifications/mine");
                    return inbox
                        .GetProperty("items")
                        .EnumerateArray()
                        .Where(n => n.GetProperty("caseId").GetGuid() == id && n.GetProperty("status").GetString() == "Sent")
                        .Select(n => (object?)n)
                        .FirstOrDefault();
                },
                "the reply in the resident's inbox",
                TimeSpan.FromSeconds(30)
            );
        Assert.Contains("地砖已更换", delivered.GetProperty("text").GetString(), StringComparison.Ordinal);

        await OkAsync(resident.PostAsJsonAsync($"/api/workflow/cases/{id}/rating", new { rating = "Satisfied" }));
        await OkAsync(communityStaff.PostAsJsonAsync($"/api/workflow/cases/{id}/verification", new { passed = true }));
        var closed = await OkAsync(communityStaff.PostAsJsonAsync($"/api/workflow/cases/{id}/close", new { }));

        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        var seen = await OkAsync(resident.GetAsync($"/api/workflow/cases/{id}"));
        Assert.Equal("Closed", seen.GetProperty("state").GetString());
        var timeline = await OkAsync(resident.GetAsync($"/api/workflow/cases/{id}/timeline"));
        Assert.Equal(
            ["Report", "Register", "Dispatch", "Accept", "Resolve", "Reply", "Rated", "Verify", "Close"],
            timeline.EnumerateArray().Select(s => s.GetProperty("action").GetString())
        );
        Assert.Equal(HttpStatusCode.NotFound, (await (await suite.SignInAsync("member.xie")).GetAsync($"/api/workflow/cases/{id}")).StatusCode);

        // The closing reaches the Organization service's indices over the broker: the community's Service Index
        // for this month counts the case, closed and rated satisfied, with the case's number as the reason.
        var number = reported.GetProperty("number").GetString();
        var counted = await Eventually.GetAsync<string>(
            async () =>
            {
                var score = await admin.GetFromJsonAsync<JsonElement>($"/api/organization/indices/service/scores/{DemoCommunity}");
                var lines = score
                    .GetProperty("score")
                    .GetProperty("components")
                    .EnumerateArray()
                    .SelectMany(c => c.GetProperty("lines").EnumerateArray())
                    .Where(l => l.GetProperty("note").GetString() == $"case {number}")
                    .Select(l => l.GetProperty("kind").GetString())
                    .Order()
                    .ToList();
                return lines.Contains("CaseRatedSatisfied") ? string.Join(",", lines) : null;
            },
            "the closed case in the community's Service Index",
            TimeSpan.FromSeconds(30)
        );
        Assert.Contains("CaseClosedOnTime", counted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_has_cases_in_every_state_and_the_timer_has_found_the_overdue_ones()
    {
        var admin = suite.Gateway;
        foreach (var state in new[] { "Reported", "Registered", "Voided", "Dispatched", "Accepted", "Deferred", "Resolved", "Verified", "Closed" })
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/workflow/cases?state={state}&pageSize=1");
            Assert.True(page.GetProperty("totalCount").GetInt32() > 0, $"demo cases in state {state}");
        }

        foreach (var type in new[] { "Mediation", "Tripartite" })
        {
            var closed = await admin.GetFromJsonAsync<JsonElement>($"/api/workflow/cases?type={type}&state=Closed&pageSize=1");
            Assert.True(closed.GetProperty("totalCount").GetInt32() > 0, $"closed demo {type} cases");
        }

        await Eventually.TrueAsync(
            async () =>
            {
                var overdue = await admin.GetFromJsonAsync<JsonElement>("/api/workflow/cases?overdue=true&pageSize=1");
                return overdue.GetProperty("totalCount").GetInt32() > 0;
            },
            "overdue demo cases marked by the deadline timer",
            TimeSpan.FromSeconds(90)
        );
        var escalated = await admin.GetFromJsonAsync<JsonElement>("/api/workflow/cases?overdue=true&pageSize=1");
        Assert.NotEqual(JsonValueKind.Null, escalated.GetProperty("items")[0].GetProperty("supervisingLevel").ValueKind);
    }

    [Fact]
    public async Task A_visit_logged_in_the_Grid_service_that_finds_a_problem_arrives_in_Workflow_as_a_case()
    {
        var admin = suite.Gateway;
        var findings = $"走访发现 {Guid.NewGuid():N} 楼道堆物";

        var visit = await OkAsync(
            admin.PostAsJsonAsync(
                "/api/grid/visits",
                new
                {
                    gridId = DemoGrid,
                    visitedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
                    findings,
                    raisesCase = true,
                    caseCategory = "fire-hazard",
                    latitude = Latitude,
                    longitude = Longitude,
                }
            )
        );

        var taken = (JsonElement)
            await Eventually.GetAsync<object>(
                async () =>
                {
                    var page = await admin.GetFromJsonAsync<JsonElement>($"/api/workflow/cases?channel=Visit&gridId={DemoGrid}&pageSize=200");
                    foreach (var summary in page.GetProperty("items").EnumerateArray())
                    {
                        var full = await admin.GetFromJsonAsync<JsonElement>($"/api/workflow/cases/{summary.GetProperty("id").GetGuid()}");
                        if (full.GetProperty("description").GetString()!.Contains(findings, StringComparison.Ordinal))
                        {
                            return (object?)full;
                        }
                    }

                    return (object?)null;
                },
                "the visit's case in Workflow",
                TimeSpan.FromSeconds(60)
            );
        Assert.Equal("fire-hazard", taken.GetProperty("category").GetString());
        Assert.Equal("Reported", taken.GetProperty("state").GetString());
        Assert.NotEqual(Guid.Empty, visit.GetProperty("id").GetGuid());
    }
}
