using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Platform.BuildingBlocks.Api;
using Platform.Testing;
using Platform.Workflow.Cases;
using Platform.Workflow.Open311;

namespace Platform.Workflow.Tests;

/// <summary>GeoReport v2 as third-party clients use it: field names, formats, statuses and error lists as the spec gives them.</summary>
public partial class Open311Tests(WorkflowServiceFactory service) : CaseTest(service)
{
    private static readonly string[] RequestFields =
    [
        "service_request_id",
        "status",
        "status_notes",
        "service_name",
        "service_code",
        "description",
        "agency_responsible",
        "service_notice",
        "requested_datetime",
        "updated_datetime",
        "expected_datetime",
        "address",
        "address_id",
        "zipcode",
        "lat",
        "long",
        "media_url",
    ];

    private HttpClient Public => Service.CreateClient();

    private async Task<string> KeyAsync()
    {
        var issued = await (
            await Client.PostAsJsonAsync("/api/workflow/open311-clients", new { name = "城市服务App" })
        ).Content.ReadFromJsonAsync<IssuedOpen311Client>();
        return issued!.ApiKey;
    }

    private Task<HttpResponseMessage> PostAsync(string format, Dictionary<string, string> form) =>
        Public.PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(form));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<XElement> XmlAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(body).Root!;
    }

    private static void AssertError(JsonElement errors, int code)
    {
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal(["code", "description"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task The_service_list_is_the_case_categories_in_JSON_and_XML()
    {
        var json = await JsonAsync(await Public.GetAsync("/open311/v2/services.json"), HttpStatusCode.OK);
        var xml = await XmlAsync(await Public.GetAsync("/open311/v2/services.xml"), HttpStatusCode.OK);

        var garbage = json.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "garbage");
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], garbage.EnumerateObject().Select(p => p.Name));
        Assert.Equal("垃圾清运", garbage.GetProperty("service_name").GetString());
        Assert.False(garbage.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", garbage.GetProperty("type").GetString());
        Assert.Equal("services", xml.Name.LocalName);
        var service = xml.Elements("service").Single(s => s.Element("service_code")!.Value == "garbage");
        Assert.Equal("false", service.Element("metadata")!.Value);
        Assert.Equal(json.GetArrayLength(), xml.Elements("service").Count());
        var definition = await XmlAsync(await Public.GetAsync("/open311/v2/services/garbage.xml"), HttpStatusCode.OK);
        Assert.Equal(("service_definition", "garbage"), (definition.Name.LocalName, definition.Element("service_code")!.Value));
    }

    [Fact]
    public async Task A_request_posted_with_a_valid_api_key_becomes_a_case_and_reads_back_open_then_closed()
    {
        await GridAsync(0);
        var key = await KeyAsync();
        var (latitude, longitude) = Inside(0);

        var created = await JsonAsync(
            await PostAsync(
                "json",
                new()
                {
                    ["api_key"] = key,
                    ["service_code"] = "road-damage",
                    ["lat"] = $"{latitude}",
                    ["long"] = $"{longitude}",
                    ["description"] = "井盖缺失",
                    ["first_name"] = "明",
                    ["last_name"] = "李",
                    ["phone"] = "13812345678",
                    ["media_url"] = "https://img.example/a.jpg",
                }
            ),
            HttpStatusCode.Created
        );
        var answer = Assert.Single(created.EnumerateArray());
        var id = answer.GetProperty("service_request_id").GetString()!;
        // The id, not a token: the spec has one or the other.
        Assert.False(answer.TryGetProperty("token", out _));

        var open = Assert.Single((await JsonAsync(await Public.GetAsync($"/open311/v2/requests/{id}.json"), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(RequestFields, open.EnumerateObject().Select(p => p.Name));
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Equal("road-damage", open.GetProperty("service_code").GetString());
        Assert.Equal(latitude, open.GetProperty("lat").GetDouble(), 9);
        Assert.Matches(W3c(), open.GetProperty("requested_datetime").GetString());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("expected_datetime").ValueKind);
        Assert.Equal("https://img.example/a.jpg", open.GetProperty("media_url").GetString());

        var inRegister = await Client.GetFromJsonAsync<Page<CaseSummary>>("/api/workflow/cases?channel=Open311");
        var caseId = Assert.Single(inRegister!.Items).Id;
        var tokens = await XmlAsync(await Public.GetAsync($"/open311/v2/tokens/{caseId}.xml"), HttpStatusCode.OK);
        Assert.Equal(id, tokens.Element("request")!.Element("service_request_id")!.Value);
        var full = await Client.GetFromJsonAsync<CaseResponse>($"/api/workflow/cases/{caseId}");
        Assert.Equal("138****5678", Assert.Single(full!.Reporters).Phone);
        await StepAsync(Operator, caseId, "register");
        var dispatched = await StepAsync(Operator, caseId, "dispatch", new { level = "Community" });
        await StepAsync(Operator, caseId, "accept");
        await StepAsync(Operator, caseId, "resolve", new { text = "已补装井盖" });
        await StepAsync(Operator, caseId, "reply", new { text = "井盖已补装，感谢反映" });
        await StepAsync(Operator, caseId, "verification", new { passed = true });
        await StepAsync(Operator, caseId, "close");

        var closed = (await XmlAsync(await Public.GetAsync($"/open311/v2/requests/{id}.xml"), HttpStatusCode.OK)).Element("request")!;
        Assert.Equal("closed", closed.Element("status")!.Value);
        Assert.Equal("井盖已补装，感谢反映", closed.Element("status_notes")!.Value);
        Assert.Equal(W3cDateTime.Format(dispatched.DueAt!.Value), closed.Element("expected_datetime")!.Value);
        Assert.Equal(RequestFields, closed.Elements().Select(e => e.Name.LocalName));
        var onlyClosed = await JsonAsync(await Public.GetAsync("/open311/v2/requests.json?status=closed"), HttpStatusCode.OK);
        Assert.Equal([id], onlyClosed.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()));
        Assert.Empty(
            (await JsonAsync(await Public.GetAsync("/open311/v2/requests.json?status=open&service_code=road-damage"), HttpStatusCode.OK)).EnumerateArray()
        );
    }

    [Fact]
    public async Task Errors_are_the_specs_list_of_code_and_description_with_400_403_and_404()
    {
        await GridAsync(0);
        var key = await KeyAsync();
        var (latitude, longitude) = Inside(0);

        AssertError(
            await JsonAsync(
                await PostAsync(
                    "json",
                    new()
                    {
                        ["service_code"] = "garbage",
                        ["lat"] = $"{latitude}",
                        ["long"] = $"{longitude}",
                    }
                ),
                HttpStatusCode.Forbidden
            ),
            403
        );
        AssertError(
            await JsonAsync(
                await PostAsync(
                    "json",
                    new()
                    {
                        ["api_key"] = "not-a-key",
                        ["service_code"] = "garbage",
                        ["lat"] = $"{latitude}",
                        ["long"] = $"{longitude}",
                    }
                ),
                HttpStatusCode.Forbidden
            ),
            403
        );
        AssertError(
            await JsonAsync(
                await PostAsync(
                    "json",
                    new()
                    {
                        ["api_key"] = key,
                        ["lat"] = $"{latitude}",
                        ["long"] = $"{longitude}",
                    }
                ),
                HttpStatusCode.BadRequest
            ),
            400
        );
        AssertError(await JsonAsync(await PostAsync("json", new() { ["api_key"] = key, ["service_code"] = "garbage" }), HttpStatusCode.BadRequest), 400);
        AssertError(
            await JsonAsync(
                await PostAsync(
                    "json",
                    new()
                    {
                        ["api_key"] = key,
                        ["service_code"] = "garbage",
                        ["lat"] = "north",
                        ["long"] = "1",
                    }
                ),
                HttpStatusCode.BadRequest
            ),
            400
        );
        AssertError(
            await JsonAsync(
                await PostAsync(
                    "json",
                    new()
                    {
                        ["api_key"] = key,
                        ["service_code"] = "unicorns",
                        ["lat"] = $"{latitude}",
                        ["long"] = $"{longitude}",
                    }
                ),
                HttpStatusCode.NotFound
            ),
            404
        );
        AssertError(await JsonAsync(await Public.GetAsync("/open311/v2/requests/1999-000001.json"), HttpStatusCode.NotFound), 404);
        AssertError(await JsonAsync(await Public.GetAsync("/open311/v2/services/unicorns.json"), HttpStatusCode.NotFound), 404);
        AssertError(await JsonAsync(await Public.GetAsync("/open311/v2/services.csv"), HttpStatusCode.NotFound), 404);
        AssertError(await JsonAsync(await Public.GetAsync("/open311/v2/services.json?jurisdiction_id=elsewhere.example"), HttpStatusCode.NotFound), 404);
        AssertError(await JsonAsync(await Public.GetAsync("/open311/v2/requests.json?start_date=yesterday"), HttpStatusCode.BadRequest), 400);

        var xml = await XmlAsync(await PostAsync("xml", new() { ["api_key"] = "not-a-key", ["service_code"] = "garbage" }), HttpStatusCode.Forbidden);
        Assert.Equal("errors", xml.Name.LocalName);
        var error = Assert.Single(xml.Elements("error"));
        Assert.Equal(["code", "description"], error.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("403", error.Element("code")!.Value);
        Assert.Equal(0, await Service.ScalarAsync<long>("SELECT count(*) FROM cases"));
    }

    [Fact]
    public async Task Discovery_says_where_the_endpoint_is_in_both_formats()
    {
        var json = await JsonAsync(await Public.GetAsync("/open311/v2/discovery.json"), HttpStatusCode.OK);
        var xml = await XmlAsync(await Public.GetAsync("/open311/v2/discovery.XML"), HttpStatusCode.OK);

        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], json.EnumerateObject().Select(p => p.Name));
        var endpoint = Assert.Single(json.GetProperty("endpoints").EnumerateArray());
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2/", endpoint.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("discovery", xml.Name.LocalName);
        Assert.Equal(
            ["text/xml", "application/json"],
            xml.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value)
        );
    }

    [Fact]
    public async Task Clients_are_met_as_the_spec_allows_empty_parameters_keys_in_the_query_addresses_by_id_and_any_case_of_extension()
    {
        var grid = await GridAsync(0);
        var key = await KeyAsync();
        var building = Guid.NewGuid();
        var (latitude, longitude) = Inside(0);
        await Bus.Publish(
            new Platform.Contracts.Grid.BuildingRegistered
            {
                BuildingId = building,
                GridId = grid,
                CommunityId = CommunityId,
                Name = "3号楼",
                Latitude = latitude,
                Longitude = longitude,
                OccurredAt = DateTimeOffset.UtcNow,
            }
        );
        await Eventually.TrueAsync(
            async () => await Service.ScalarAsync<long>("SELECT count(*) FROM known_buildings WHERE id = $1", building) == 1,
            "the building known"
        );

        var services = await JsonAsync(await Public.GetAsync("/open311/v2/services.JSON?jurisdiction_id="), HttpStatusCode.OK);
        var byAddressId = await Public.PostAsync(
            $"/open311/v2/requests.json?api_key={key}",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["service_code"] = "garbage",
                    ["address_id"] = building.ToString(),
                    ["jurisdiction_id"] = "",
                }
            )
        );
        var created = Assert.Single((await JsonAsync(byAddressId, HttpStatusCode.Created)).EnumerateArray());
        var read = Assert.Single(
            (
                await JsonAsync(await Public.GetAsync($"/open311/v2/requests/{created.GetProperty("service_request_id").GetString()}.Json"), HttpStatusCode.OK)
            ).EnumerateArray()
        );

        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "garbage");
        Assert.Equal(latitude, read.GetProperty("lat").GetDouble(), 9);
        // No description given: the service's name stands for it (the spec makes description optional).
        Assert.Equal(
            services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "garbage").GetProperty("service_name").GetString(),
            read.GetProperty("description").GetString()
        );
    }

    [Fact]
    public async Task Every_answer_under_the_endpoint_is_the_specs_error_list_and_a_refused_request_takes_no_number()
    {
        await GridAsync(0);
        var key = await KeyAsync();
        var (latitude, longitude) = Inside(0);

        AssertError(await JsonAsync(await Public.GetAsync("/open311/v2/nothing-here.json"), HttpStatusCode.NotFound), 404);
        var xml = await XmlAsync(await Public.GetAsync("/open311/v2/requests/a/b.xml"), HttpStatusCode.NotFound);
        AssertError(await JsonAsync(await Public.DeleteAsync("/open311/v2/requests.json"), HttpStatusCode.NotFound), 404);
        Dictionary<string, string> Form(string? media = null) =>
            new()
            {
                ["api_key"] = key,
                ["service_code"] = "garbage",
                ["lat"] = $"{latitude}",
                ["long"] = $"{longitude}",
                ["description"] = new string('长', 4000),
                ["media_url"] = media ?? "https://img.example/a.jpg",
            };
        static long Number(JsonElement created) =>
            long.Parse(
                Assert.Single(created.EnumerateArray()).GetProperty("service_request_id").GetString()![5..],
                System.Globalization.CultureInfo.InvariantCulture
            );
        var first = await JsonAsync(await PostAsync("json", Form()), HttpStatusCode.Created);
        var badMedia = await JsonAsync(await PostAsync("json", Form("not a url")), HttpStatusCode.BadRequest);
        var second = await JsonAsync(await PostAsync("json", Form()), HttpStatusCode.Created);

        Assert.Equal("errors", xml.Name.LocalName);
        Assert.StartsWith("media_url", Assert.Single(badMedia.EnumerateArray()).GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(Number(first) + 1, Number(second));
    }

    [Fact]
    public async Task A_dispute_is_private_from_the_moment_it_is_reported_whatever_its_type_and_the_service_list_says_so()
    {
        await GridAsync(0);
        var dispute = await ReportAsync(Operator, Report("neighbour-dispute", Inside(0)));
        await StepAsync(Operator, dispute.Id, "void", new { reason = "重复反映" });

        var services = await JsonAsync(await Public.GetAsync("/open311/v2/services.json"), HttpStatusCode.OK);
        var listed = await JsonAsync(await Public.GetAsync("/open311/v2/requests.json?service_code=neighbour-dispute"), HttpStatusCode.OK);

        AssertError(await JsonAsync(await Public.GetAsync($"/open311/v2/requests/{dispute.Number}.json"), HttpStatusCode.NotFound), 404);
        Assert.Empty(listed.EnumerateArray());
        Assert.Equal(
            "private",
            services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "neighbour-dispute").GetProperty("keywords").GetString()
        );
    }

    [Fact]
    public async Task A_revoked_key_is_refused()
    {
        var issued = await (
            await Client.PostAsJsonAsync("/api/workflow/open311-clients", new { name = "旧供应商" })
        ).Content.ReadFromJsonAsync<IssuedOpen311Client>();
        (await Client.PostAsJsonAsync($"/api/workflow/open311-clients/{issued!.Id}/revoke", new { })).EnsureSuccessStatusCode();

        AssertError(
            await JsonAsync(
                await PostAsync(
                    "json",
                    new()
                    {
                        ["api_key"] = issued.ApiKey,
                        ["service_code"] = "garbage",
                        ["lat"] = "37.38",
                        ["long"] = "97.34",
                    }
                ),
                HttpStatusCode.Forbidden
            ),
            403
        );
        var listed = await Client.GetFromJsonAsync<List<Open311ClientResponse>>("/api/workflow/open311-clients");
        Assert.DoesNotContain(issued.ApiKey, JsonSerializer.Serialize(listed), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")]
    private static partial Regex W3c();
}
