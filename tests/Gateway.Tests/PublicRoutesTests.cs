using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// What is public is declared by each endpoint (<c>AllowPublic()</c>), which its service's OpenAPI document records
/// (no security requirement; the service's contract test keeps the document true). The gateway's routes are
/// checked against every operation of the four documents: a public one passes without a token, every other one is
/// refused at the door with 401, so the two lists cannot drift apart.
/// </summary>
public class PublicRoutesTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    public static TheoryData<string> Services() => [.. Repository.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_gateway_admits_without_a_token_exactly_the_operations_the_service_declares_public(string service)
    {
        var document = new ApiDocument(JsonDocument.Parse(await File.ReadAllTextAsync(Repository.OpenApiDocument(service))).RootElement);
        var anonymous = gateway.CreateClient();
        var failures = new List<string>();
        var publicOperations = 0;

        foreach (var operation in document.Operations)
        {
            var isPublic = !operation.Raw.TryGetProperty("security", out var security) || security.GetArrayLength() == 0;
            publicOperations += isPublic ? 1 : 0;
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), ApiDocument.Fill(operation.Path, _ => Guid.NewGuid().ToString()));
            using var response = await anonymous.SendAsync(request);
            var refusedAtTheDoor = response.StatusCode == HttpStatusCode.Unauthorized;
            if (isPublic == refusedAtTheDoor)
            {
                failures.Add(
                    $"{operation}: declared {(isPublic ? "public" : "signed-in only")}, the gateway answered {(int)response.StatusCode} without a token"
                );
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(publicOperations > 0 || service is "grid" or "volunteer", $"{service} declares public operations (sign-up, Open311)");
    }
}
