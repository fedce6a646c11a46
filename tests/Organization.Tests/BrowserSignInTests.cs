using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Platform.Organization.Accounts;
using Platform.Organization.Data;

namespace Platform.Organization.Tests;

/// <summary>
/// A browser app signs in as OpenID Connect's authorization code flow with PKCE: the authorization request, the
/// sign-in page and its form, the code back at the app's registered address, the code exchanged with its verifier.
/// </summary>
public partial class BrowserSignInTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private const string Password = "Correct-Horse-42";
    private const string Callback = "https://platform.test/auth/callback";

    /// <summary>A browser: keeps its cookies, and follows no redirect by itself so each step can be read.</summary>
    private HttpClient Browser() => Service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<UserAccount> AccountAsync(string userName, params string[] roles)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>();
        var account = UserAccount.Create(userName, "", roles, null);
        account.Rehash(hasher.HashPassword(account, Password));
        db.UserAccounts.Add(account);
        await db.SaveChangesAsync();
        return account;
    }

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string AuthorizeUrl(string challenge, string redirect = Callback, string state = "s-42") =>
        $"/connect/authorize?client_id={AuthModule.AppClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(redirect)}"
        + $"&scope={Uri.EscapeDataString($"openid offline_access roles {AuthModule.ApiScope}")}&state={state}"
        + $"&code_challenge={challenge}&code_challenge_method=S256";

    /// <summary>The sign-in page's form fields (antiforgery token, where to go back), as a browser would post them back.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(HttpResponseMessage page)
    {
        var html = await page.Content.ReadAsStringAsync();
        return Hidden().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => HttpUtility.HtmlDecode(m.Groups["value"].Value));
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, Dictionary<string, string> form, string user, string password) =>
        browser.PostAsync(SignInPage.Path, new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["username"] = user, ["password"] = password }));

    [Fact]
    public async Task A_browser_signs_in_on_the_page_and_exchanges_its_code_with_the_verifier_for_tokens_the_API_accepts()
    {
        var account = await AccountAsync("zhao.min", Roles.CommunityStaff);
        var browser = Browser();
        var (_, challenge) = Pkce();

        var toSignIn = await browser.GetAsync(AuthorizeUrl(challenge));
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.StartsWith(SignInPage.Path + "?returnUrl=", toSignIn.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var page = await browser.GetAsync(toSignIn.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var form = await FormAsync(page);

        var wrong = await PostFormAsync(browser, form, "zhao.min", "not-it");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("用户名或密码错误", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signedIn = await PostFormAsync(browser, await FormAsync(wrong), "Zhao.Min", Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authorized = await browser.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        var back = authorized.Headers.Location!;
        Assert.StartsWith(Callback + "?", back.AbsoluteUri, StringComparison.Ordinal);
        var answer = HttpUtility.ParseQueryString(back.Query);
        Assert.Equal("s-42", answer["state"]);

        var exchange = (string? withVerifier) =>
            browser.PostAsync(
                "/connect/token",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["grant_type"] = "authorization_code",
                        ["client_id"] = AuthModule.AppClientId,
                        ["code"] = answer["code"]!,
                        ["redirect_uri"] = Callback,
                        ["code_verifier"] = withVerifier ?? Pkce().Verifier,
                    }
                )
            );
        var forged = await exchange(null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("invalid_grant", (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        // A code is used once: the forged attempt above spent it, as OpenIddict revokes a code on a failed exchange.
        var (verifier2, challenge2) = Pkce();
        var again = await browser.GetAsync(AuthorizeUrl(challenge2));
        Assert.StartsWith(Callback + "?", again.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        answer = HttpUtility.ParseQueryString(again.Headers.Location.Query);
        var tokens = await exchange(verifier2);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        var body = await tokens.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.TryGetProperty("refresh_token", out _));
        Assert.True(body.TryGetProperty("id_token", out _));

        var api = Service.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("access_token").GetString());
        var me = await api.GetFromJsonAsync<JsonElement>("/api/organization/accounts/me");
        Assert.Equal(account.Id.ToString(), me.GetProperty("subject").GetString());
        Assert.Equal([Roles.CommunityStaff], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task An_address_the_client_did_not_register_gets_no_code_and_the_sign_in_page_goes_back_only_to_the_authorization_endpoint()
    {
        var browser = Browser();
        var (_, challenge) = Pkce();

        var elsewhere = await browser.GetAsync(AuthorizeUrl(challenge, redirect: "https://evil.example/callback"));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);

        // Without a code challenge the request is refused before anyone is asked to sign in.
        var withoutPkce = await browser.GetAsync(
            AuthorizeUrl(challenge).Replace($"&code_challenge={challenge}&code_challenge_method=S256", "", StringComparison.Ordinal)
        );
        Assert.True(
            withoutPkce.StatusCode == HttpStatusCode.BadRequest
                || HttpUtility.ParseQueryString(withoutPkce.Headers.Location?.Query ?? "")["error"] == "invalid_request",
            $"{withoutPkce.StatusCode} {withoutPkce.Headers.Location}"
        );
        Assert.DoesNotContain(SignInPage.Path, withoutPkce.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        var offSite = await browser.GetAsync($"{SignInPage.Path}?returnUrl={Uri.EscapeDataString("https://evil.example/")}");
        Assert.Equal(HttpStatusCode.BadRequest, offSite.StatusCode);
        Assert.DoesNotContain("<form", await offSite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_signs_no_one_in_and_signing_out_ends_the_session()
    {
        await AccountAsync("qian.lei", Roles.CommunityStaff);
        var browser = Browser();
        var (_, challenge) = Pkce();
        var toSignIn = await browser.GetAsync(AuthorizeUrl(challenge));
        var form = await FormAsync(await browser.GetAsync(toSignIn.Headers.Location));

        var forged = await PostFormAsync(browser, form.Where(f => f.Key == "returnUrl").ToDictionary(), "qian.lei", Password);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var signedIn = await PostFormAsync(browser, await FormAsync(forged), "qian.lei", Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var silent = await browser.GetAsync(AuthorizeUrl(challenge) + "&prompt=none");
        Assert.StartsWith(Callback + "?", silent.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.NotNull(HttpUtility.ParseQueryString(silent.Headers.Location.Query)["code"]);

        var signedOut = await browser.GetAsync(
            $"{AuthorizationEndpoint.EndSessionPath}?client_id={AuthModule.AppClientId}"
                + $"&post_logout_redirect_uri={Uri.EscapeDataString("https://platform.test/")}"
        );
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("https://platform.test/", signedOut.Headers.Location!.AbsoluteUri);
        var afterwards = await browser.GetAsync(AuthorizeUrl(challenge) + "&prompt=none");
        Assert.Equal("login_required", HttpUtility.ParseQueryString(afterwards.Headers.Location!.Query)["error"]);
    }

    [Fact]
    public async Task The_apps_registration_follows_its_settings_in_place()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        await ClientRegistration.EnsureAsync(scope.ServiceProvider, CancellationToken.None);
        var app = await manager.FindByClientIdAsync(AuthModule.AppClientId);
        var id = await manager.GetIdAsync(app!);

        var changed = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["Platform:Auth:Issuer"] = "https://console.example/",
                    ["Platform:Auth:App:RedirectUris:0"] = "https://console.example/auth/callback",
                }
            )
            .Build();
        await manager.UpdateAsync(app!, ClientRegistration.Describe(changed));

        var after = await manager.FindByClientIdAsync(AuthModule.AppClientId);
        Assert.Equal(id, await manager.GetIdAsync(after!));
        Assert.Equal(["https://console.example/auth/callback"], (await manager.GetRedirectUrisAsync(after!)).ToArray());
        Assert.Equal(
            1,
            await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().CountAsync(a => a.ClientId == AuthModule.AppClientId)
        );
        await ClientRegistration.EnsureAsync(scope.ServiceProvider, CancellationToken.None);
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex Hidden();
}
