using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>Tokens that must not open the API: each gets a 401 naming what is wrong, never a 500.</summary>
public class TokenValidationTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private const string Url = "/api/organization/communities";

    public static TheoryData<string, string> BadTokens()
    {
        using var otherKey = RSA.Create(2048);
        var caller = TestCaller.In(Roles.SubdistrictAdmin);
        var otherSigner = new SigningCredentials(new RsaSecurityKey(otherKey.ExportParameters(true)) { KeyId = "other" }, SecurityAlgorithms.RsaSha256);
        return new TheoryData<string, string>
        {
            { TestTokens.For(caller, expires: DateTime.UtcNow.AddMinutes(-5)), "token-expired" },
            { TestTokens.For(caller, credentials: otherSigner), "token-signature-invalid" },
            { TestTokens.For(caller, audience: "another-api"), "token-audience-invalid" },
            { TestTokens.For(caller, type: "JWT"), "token-type-invalid" },
            { "not.a.token", "token-invalid" },
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_gets_401_naming_the_problem(string token, string code)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var response = await client.GetAsync(Url);

        await ProblemDetailsAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized, code);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_gets_401_with_a_bearer_challenge()
    {
        var response = await Service.CreateClient().GetAsync(Url);

        await ProblemDetailsAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "token-required");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Health_and_the_openapi_document_need_no_token()
    {
        var anonymous = Service.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
