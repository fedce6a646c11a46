using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Volunteer.Tests;

public class OpenApiTests(VolunteerServiceFactory service) : VolunteerServiceTest(service)
{
    [Theory]
    [InlineData("/api/volunteer/projects/{id}/claims", "post")]
    [InlineData("/api/volunteer/activities/{id}/shifts/{shiftId}/sign-ups", "post")]
    [InlineData("/api/volunteer/sign-ups/{id}/check-in", "post")]
    [InlineData("/api/volunteer/hours/{id}/approve", "post")]
    [InlineData("/api/volunteer/volunteers/{id}/certificates", "post")]
    [InlineData("/api/volunteer/wishes/{id}/confirm", "post")]
    public async Task Every_endpoint_is_documented_with_its_bearer_requirement(string path, string method)
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is documented");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is documented");
        Assert.True(operation.TryGetProperty("security", out _));
    }
}
