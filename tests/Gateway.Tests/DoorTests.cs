using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>The gateway as the one door: tokens checked before anything is forwarded, bodies held to size, browsers admitted from configured origins.</summary>
public class DoorTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("/api/grid/grids")]
    [InlineData("/api/organization/people")]
    [InlineData("/api/workflow/grids")]
    public async Task An_api_route_without_a_token_is_refused_at_the_door(string url)
    {
        var response = await gateway.CreateClient().GetAsync(url);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "token-required");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_expired_token_is_refused_at_the_door()
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(TestCaller.Admin, expires: DateTime.UtcNow.AddMinutes(-2)));

        await (await client.GetAsync("/api/grid/grids")).AssertProblemAsync(HttpStatusCode.Unauthorized, "token-expired");
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/open311/v2/services.json")]
    [InlineData("/api/grid/openapi/v1.json")]
    [InlineData("/api/docs/")]
    public async Task Discovery_Open311_and_the_API_documents_are_public(string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await gateway.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_callers_token_goes_on_to_the_service_which_checks_it_again()
    {
        var token = TestTokens.For(TestCaller.Admin);
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var echo = await client.GetFromJsonAsync<Echo>("/api/grid/grids");

        Assert.Equal($"Bearer {token}", echo!.Authorization);
    }

    [Fact]
    public async Task A_body_larger_than_the_route_takes_is_refused_with_413()
    {
        var client = gateway.SignedInClient();
        var twoMegabytes = new string('x', 2 * 1024 * 1024);

        var declared = await client.PostAsync("/api/grid/grids", new StringContent(twoMegabytes, Encoding.UTF8, "application/json"));
        var chunked = await client.PostAsync("/api/grid/grids", new ChunkedContent(twoMegabytes));
        var import = await client.PostAsync("/api/organization/imports/members", new StringContent(twoMegabytes, Encoding.UTF8, "text/csv"));

        await declared.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request-too-large");
        await chunked.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request-too-large");
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
    }

    [Fact]
    public async Task A_browser_on_a_configured_origin_may_call_and_others_may_not()
    {
        var client = gateway.CreateClient();

        var allowed = await client.SendAsync(Preflight(GatewayFixture.AllowedOrigin));
        var other = await client.SendAsync(Preflight("https://evil.example"));

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(GatewayFixture.AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/grid/grids");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    /// <summary>A body sent without a Content-Length, as a streaming client would.</summary>
    private sealed class ChunkedContent(string text) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
