using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Platform.EndToEnd.Tests;

/// <summary>A third-party Open311 client through the gateway, without a token, with the demo's documented api_key.</summary>
[Collection(SuiteCollection.Name)]
public class Open311Tests(SuiteFixture suite)
{
    private const string DemoKey = "demo-open311-hexi-2026";

    [Fact]
    public async Task A_client_lists_services_posts_a_request_in_XML_and_reads_it_back_in_JSON_through_the_gateway()
    {
        var client = suite.Anonymous;

        var services = XDocument.Parse(await client.GetStringAsync("/open311/v2/services.xml")).Root!;
        Assert.Contains(services.Elements("service"), s => s.Element("service_code")!.Value == "garbage");

        var posted = await client.PostAsync(
            "/open311/v2/requests.xml",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["api_key"] = DemoKey,
                    ["service_code"] = "garbage",
                    ["lat"] = "37.3885",
                    ["long"] = "97.342",
                    ["description"] = "垃圾桶满溢（Open311）",
                }
            )
        );
        var body = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.Created, body);
        var id = XDocument.Parse(body).Root!.Element("request")!.Element("service_request_id")!.Value;

        var read = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.json")).RootElement[0];
        Assert.Equal(("open", "garbage"), (read.GetProperty("status").GetString(), read.GetProperty("service_code").GetString()));

        var refused = await client.PostAsync(
            "/open311/v2/requests.json",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["service_code"] = "garbage" })
        );
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(403, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
    }
}
