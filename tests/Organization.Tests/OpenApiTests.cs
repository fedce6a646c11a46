using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Organization.Tests;

public class OpenApiTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    [Theory]
    [InlineData("/api/organization/organizations/tree", "get")]
    [InlineData("/api/organization/people/{id}/personal-data/reveal", "post")]
    [InlineData("/api/organization/registrations/report", "get")]
    [InlineData("/api/organization/imports/{kind}", "post")]
    [InlineData("/api/organization/communities/{communityId}/service-centre/{item}", "put")]
    [InlineData("/api/organization/alliance/meetings/{id}/tasks/{taskId}/done", "post")]
    public async Task Every_endpoint_is_documented(string path, string method)
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is documented");
        Assert.True(item.TryGetProperty(method, out _), $"{method} {path} is documented");
    }
}
