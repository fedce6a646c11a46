using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Platform.ServiceDefaults.Api;
using Platform.Testing;
using Platform.Workflow.Cases;
using Platform.Workflow.Open311;

namespace Platform.Workflow.Tests;

/// <summary>GeoReport v2 as third-party clients use it: field names, formats, statuses and error lists as the spec gives them.</summary>
public partial class Open311Tests(WorkflowServiceFactory service) : CaseTest(service)
{
    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    private HttpClient Public => Service.CreateClient();

    private async Task<string> KeyAsync()
    {
        var issued = await (await Client.PostAsJsonAsync("/api/workflow/open311-clients", new { name = "城市服务App" })).Content.ReadFromJsonAsync<IssuedOpen311Client>();
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

        var created = await JsonAsync(await PostAsync("json", new()
        {
            ["api_key"] = key, ["service_code"] = "road-damage", ["lat"] = $"{latitude}", ["long"] = $"{longitude}",
            ["description"] = "井盖缺失", ["first_name"] = "明", ["last_name"] = "李", ["phone"] = "13812345678", ["media_url"] = "https://img.example/a.jpg",
        }), HttpStatusCode.Created);
        var answer = Assert.Single(created.EnumerateArray());
        var id = answer.GetProperty("service_request_id").GetString()!;
        var token = answer.GetProperty("token").GetString()!;

        var open = Assert.Single((await JsonAsync(await Public.GetAsync($"/open311/v2/requests/{id}.json"), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(RequestFields, open.EnumerateObject().Select(p => p.Name));
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Equal("road-damage", open.GetProperty("service_code").GetString());
        Assert.Equal(latitude, open.GetProperty("lat").GetDouble(), 9);
        Assert.Matches(W3c(), open.GetProperty("requested_datetime").GetString());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("expected_datetime").ValueKind);
        Assert.Equal("https://img.example/a.jpg", open.GetProperty("media_url").GetString());
        var tokens = await XmlAsync(await Public.GetAsync($"/open311/v2/tokens/{token}.xml"), HttpStatusCode.OK);
        Assert.Equal(id, tokens.Element("request")!.Element("service_request_id")!.Value);

        var inRegister = await Client.GetFromJsonAsync<Page<CaseSummary>>("/api/workflow/cases?channel=Open311");
        var caseId = Assert.Single(inRegister!.Items).Id;
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
        Assert.Empty((await JsonAsync(await Public.GetAsync("/open311/v2/requests.json?status=open&service_code=road-damage"), HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task Errors_are_the_specs_list_of_code_and_description_with_400_403_and_404()
    {
        await GridAsync(0);
        var key = await KeyAsync();
        var (latitude, longitude) = Inside(0);

        AssertError(await JsonAsync(await PostAsync("json", new() { ["service_code"] = "garbage", ["lat"] = $"{latitude}", ["long"] = $"{longitude}" }), HttpStatusCode.Forbidden), 403);
        AssertError(await JsonAsync(await PostAsync("json", new() { ["api_key"] = "not-a-key", ["service_code"] = "garbage", ["lat"] = $"{latitude}", ["long"] = $"{longitude}" }), HttpStatusCode.Forbidden), 403);
        AssertError(await JsonAsync(await PostAsync("json", new() { ["api_key"] = key, ["lat"] = $"{latitude}", ["long"] = $"{longitude}" }), HttpStatusCode.BadRequest), 400);
        AssertError(await JsonAsync(await PostAsync("json", new() { ["api_key"] = key, ["service_code"] = "garbage" }), HttpStatusCode.BadRequest), 400);
        AssertError(await JsonAsync(await PostAsync("json", new() { ["api_key"] = key, ["service_code"] = "garbage", ["lat"] = "north" , ["long"] = "1" }), HttpStatusCode.BadRequest), 400);
        AssertError(await JsonAsync(await PostAsync("json", new() { ["api_key"] = key, ["service_code"] = "unicorns", ["lat"] = $"{latitude}", ["long"] = $"{longitude}" }), HttpStatusCode.NotFound), 404);
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
    public async Task A_revoked_key_is_refused()
    {
        var issued = await (await Client.PostAsJsonAsync("/api/workflow/open311-clients", new { name = "旧供应商" })).Content.ReadFromJsonAsync<IssuedOpen311Client>();
        (await Client.PostAsJsonAsync($"/api/workflow/open311-clients/{issued!.Id}/revoke", new { })).EnsureSuccessStatusCode();

        AssertError(await JsonAsync(await PostAsync("json", new() { ["api_key"] = issued.ApiKey, ["service_code"] = "garbage", ["lat"] = "37.38", ["long"] = "97.34" }), HttpStatusCode.Forbidden), 403);
        var listed = await Client.GetFromJsonAsync<List<Open311ClientResponse>>("/api/workflow/open311-clients");
        Assert.DoesNotContain(issued.ApiKey, JsonSerializer.Serialize(listed), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")]
    private static partial Regex W3c();
}
