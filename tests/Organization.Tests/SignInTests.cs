using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Platform.Organization.Accounts;
using Platform.Organization.Data;

namespace Platform.Organization.Tests;

public class SignInTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private const string Password = "Correct-Horse-42";

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

    private Task<HttpResponseMessage> TokenAsync(params (string Key, string Value)[] form) =>
        Client.PostAsync("/connect/token", new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));

    private Task<HttpResponseMessage> PasswordAsync(string user, string password) =>
        TokenAsync(
            ("grant_type", "password"),
            ("client_id", AuthModule.AppClientId),
            ("username", user),
            ("password", password),
            ("scope", $"{AuthModule.ApiScope} offline_access roles")
        );

    private static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonSerializer.Deserialize<JsonElement>(Encoding.UTF8.GetString(Convert.FromBase64String(part)));
    }

    [Fact]
    public async Task A_password_sign_in_returns_a_signed_access_token_with_the_roles_and_a_refresh_token()
    {
        var account = await AccountAsync("Wang.Li", Roles.CommunityStaff, Roles.PartyMember);

        var response = await PasswordAsync("wang.li", Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
        var claims = Payload(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(account.Id.ToString(), claims.GetProperty("sub").GetString());
        Assert.Equal([Roles.CommunityStaff, Roles.PartyMember], claims.GetProperty("role").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_fifth_in_a_row_locks_the_account()
    {
        await AccountAsync("zhao", Roles.Resident);

        for (var i = 1; i <= UserAccount.MaxFailures; i++)
        {
            var wrong = await PasswordAsync("zhao", "not-it");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Equal("invalid_grant", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }

        var locked = await PasswordAsync("zhao", Password);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains(
            "locked",
            (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_description").GetString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        var response = await PasswordAsync("nobody", Password);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The user name or password is wrong.", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task A_refresh_token_renews_access_until_it_is_revoked()
    {
        await AccountAsync("li", Roles.SubdistrictCadre);
        var first = await (await PasswordAsync("li", Password)).Content.ReadFromJsonAsync<JsonElement>();
        var refresh = first.GetProperty("refresh_token").GetString()!;

        var renewed = await TokenAsync(("grant_type", "refresh_token"), ("client_id", AuthModule.AppClientId), ("refresh_token", refresh));
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var next = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString()!;

        var revoked = await Client.PostAsync(
            "/connect/revoke",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["client_id"] = AuthModule.AppClientId,
                    ["token"] = next,
                    ["token_type_hint"] = "refresh_token",
                }
            )
        );
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var afterSignOut = await TokenAsync(("grant_type", "refresh_token"), ("client_id", AuthModule.AppClientId), ("refresh_token", next));
        Assert.Equal(HttpStatusCode.BadRequest, afterSignOut.StatusCode);
    }

    [Fact]
    public async Task A_machine_client_gets_a_token_with_its_own_identity()
    {
        await using (var scope = Service.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            if (await manager.FindByClientIdAsync("open311-test") is null)
            {
                await manager.CreateAsync(
                    new OpenIddictApplicationDescriptor
                    {
                        ClientId = "open311-test",
                        ClientSecret = "s3cret-for-tests",
                        ClientType = OpenIddictConstants.ClientTypes.Confidential,
                        DisplayName = "Open311 test client",
                        Permissions = { OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials },
                    }
                );
            }
        }

        var response = await TokenAsync(("grant_type", "client_credentials"), ("client_id", "open311-test"), ("client_secret", "s3cret-for-tests"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = Payload((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
        Assert.Equal("open311-test", claims.GetProperty("sub").GetString());
        var wrongSecret = await TokenAsync(("grant_type", "client_credentials"), ("client_id", "open311-test"), ("client_secret", "guess"));
        // RFC 6749 5.2: a client that fails to authenticate gets 401 invalid_client.
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal("invalid_client", (await wrongSecret.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Discovery_names_the_token_endpoint_and_the_grants()
    {
        var discovery = await Client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["authorization_code", "client_credentials", "password", "refresh_token"],
            discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).Order()
        );
    }
}

public class SecurityAuditTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    [Fact]
    public async Task Sign_ins_failures_lockouts_and_reveals_are_in_the_security_log()
    {
        await using (var scope = Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>();
            var account = UserAccount.Create("audit.me", "", [Roles.Resident], null);
            account.Rehash(hasher.HashPassword(account, "Right-Password-1"));
            db.UserAccounts.Add(account);
            await db.SaveChangesAsync();
        }

        Task<HttpResponseMessage> SignIn(string password) =>
            Client.PostAsync(
                "/connect/token",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["grant_type"] = "password",
                        ["client_id"] = AuthModule.AppClientId,
                        ["username"] = "audit.me",
                        ["password"] = password,
                    }
                )
            );
        await SignIn("Right-Password-1");
        for (var i = 0; i < UserAccount.MaxFailures; i++)
        {
            await SignIn("wrong");
        }

        var person = await (
            await Client.PostAsJsonAsync(
                "/api/organization/people",
                new Platform.Organization.People.RegisterPersonRequest("周", "13812345678", null, null, null, false, null)
            )
        ).Content.ReadFromJsonAsync<Platform.Organization.People.PersonResponse>();
        await Client.PostAsJsonAsync($"/api/organization/people/{person!.Id}/personal-data/reveal", new Platform.Organization.People.RevealRequest("核实"));

        var log = await Client.GetFromJsonAsync<JsonElement>("/api/organization/security-events?pageSize=50");
        var kinds = log.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(1, kinds.Count(k => k == "SignInSucceeded"));
        Assert.Equal(UserAccount.MaxFailures, kinds.Count(k => k == "SignInFailed"));
        Assert.Equal(1, kinds.Count(k => k == "AccountLocked"));
        Assert.Equal(1, kinds.Count(k => k == "PersonalDataRevealed"));
        var failures = await Client.GetFromJsonAsync<JsonElement>("/api/organization/security-events?kind=SignInFailed&subject=audit.me");
        Assert.Equal(UserAccount.MaxFailures, failures.GetProperty("totalCount").GetInt32());
    }
}
