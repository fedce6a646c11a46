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

    [Fact]
    public async Task The_document_says_which_operations_need_a_bearer_token_and_which_roles()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        var reveal = document.GetProperty("paths").GetProperty("/api/organization/people/{id}/personal-data/reveal").GetProperty("post");
        Assert.True(reveal.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        Assert.Contains("Roles: subdistrict-admin, community-staff.", reveal.GetProperty("description").GetString(), StringComparison.Ordinal);
        var signUp = document.GetProperty("paths").GetProperty("/api/organization/accounts/sign-up").GetProperty("post");
        Assert.False(signUp.TryGetProperty("security", out _));
    }
}
