using System.Net;
using Platform.Testing;

namespace Platform.Gateway.Tests;

public class SignInRateLimitTests(LimitedGatewayFixture gateway) : IClassFixture<LimitedGatewayFixture>
{
    [Fact]
    public async Task Sign_in_attempts_over_the_limit_get_429_with_retry_after_and_other_routes_still_work()
    {
        var client = gateway.SignedInClient();
        for (var i = 0; i < LimitedGatewayFixture.SignIns; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/connect/token", null)).StatusCode);
        }

        var refused = await client.PostAsync("/connect/token", null);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Contains("sign-in", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/grid/grids")).StatusCode);
    }
}

public class SignInPerAccountTests(LimitedGatewayFixture gateway) : IClassFixture<LimitedGatewayFixture>
{
    private static FormUrlEncodedContent PasswordGrant(string user) =>
        new(
            new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = "platform-app",
                ["username"] = user,
                ["password"] = "guess",
            }
        );

    [Fact]
    public async Task One_person_guessing_is_braked_without_locking_out_the_others_behind_the_same_address_up_to_its_own_allowance()
    {
        var office = gateway.CreateClient();
        for (var i = 0; i < LimitedGatewayFixture.SignIns; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await office.PostAsync("/connect/token", PasswordGrant("staff.wang"))).StatusCode);
        }

        var guessing = await office.PostAsync("/connect/token", PasswordGrant("Staff.Wang"));
        var colleague = await office.PostAsync("/connect/token", PasswordGrant("grid.sun"));
        var another = await office.PostAsync("/connect/token", PasswordGrant("cadre.li"));
        var beyondTheAddress = await office.PostAsync("/connect/token", PasswordGrant("unit.lin"));

        await guessing.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Equal(HttpStatusCode.OK, colleague.StatusCode);
        Assert.Equal(HttpStatusCode.OK, another.StatusCode);
        await beyondTheAddress.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
    }
}

public class SignInPageLimitTests(LimitedGatewayFixture gateway) : IClassFixture<LimitedGatewayFixture>
{
    [Fact]
    public async Task The_sign_in_pages_form_and_the_token_endpoint_draw_on_one_allowance_per_account()
    {
        var browser = gateway.CreateClient();
        for (var i = 0; i < LimitedGatewayFixture.SignIns; i++)
        {
            var form = new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["username"] = "page.zhou",
                    ["password"] = "guess",
                    ["returnUrl"] = "/connect/authorize?x=1",
                }
            );
            Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/connect/sign-in", form)).StatusCode);
        }

        var script = await browser.PostAsync(
            "/connect/token",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "password",
                    ["client_id"] = "platform-app",
                    ["username"] = "Page.Zhou",
                    ["password"] = "guess",
                }
            )
        );
        var page = await browser.GetAsync("/connect/sign-in?returnUrl=%2Fconnect%2Fauthorize%3Fx%3D1");

        await script.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

public class SharedCounterTests(LimitedGatewayFixture first) : IClassFixture<LimitedGatewayFixture>
{
    /// <summary>A second gateway instance with the same counters.</summary>
    private sealed class Twin(string prefix) : LimitedGatewayFixture
    {
        public override string RateLimitPrefix => prefix;
    }

    [Fact]
    public async Task Two_gateway_instances_count_one_callers_requests_together_and_health_is_never_limited()
    {
        var twin = new Twin(first.RateLimitPrefix);
        await ((IAsyncLifetime)twin).InitializeAsync();
        try
        {
            var caller = TestCaller.Admin with { Subject = Guid.NewGuid().ToString() };
            var a = first.SignedInClient(caller);
            var b = twin.SignedInClient(caller);
            for (var i = 0; i < LimitedGatewayFixture.Requests; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await (i % 2 == 0 ? a : b).GetAsync("/api/grid/grids")).StatusCode);
            }

            await (await b.GetAsync("/api/grid/grids")).AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
            await (await a.GetAsync("/api/grid/grids")).AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
            Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/health")).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)twin).DisposeAsync();
        }
    }
}

public class PerCallerRateLimitTests(LimitedGatewayFixture gateway) : IClassFixture<LimitedGatewayFixture>
{
    [Fact]
    public async Task Each_signed_in_caller_has_a_budget_of_their_own_even_from_one_address()
    {
        var first = gateway.SignedInClient();
        var second = gateway.SignedInClient();
        for (var i = 0; i < LimitedGatewayFixture.Requests; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/grid/grids")).StatusCode);
        }

        await (await first.GetAsync("/api/grid/grids")).AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/grid/grids")).StatusCode);
    }
}
