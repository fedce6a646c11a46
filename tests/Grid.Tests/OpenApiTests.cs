using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Grid.Tests;

public class OpenApiTests(GridServiceFactory service) : GridServiceTest(service)
{
    [Theory]
    [InlineData("/api/grid/grids", "post")]
    [InlineData("/api/grid/grids/overlaps", "get")]
    [InlineData("/api/grid/lookup/point", "get")]
    [InlineData("/api/grid/lookup/address", "get")]
    [InlineData("/api/grid/grids/{gridId}/layers/{layer}", "get")]
    [InlineData("/api/grid/grids/{gridId}/staff", "post")]
    [InlineData("/api/grid/staffing/report", "get")]
    [InlineData("/api/grid/visits/coverage", "get")]
    [InlineData("/api/grid/imports/{kind}", "post")]
    [InlineData("/api/grid/buildings", "post")]
    public async Task Every_endpoint_is_documented_with_its_bearer_requirement(string path, string method)
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is documented");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is documented");
        Assert.True(operation.TryGetProperty("security", out _), $"{method} {path} says it needs a token");
    }
}
