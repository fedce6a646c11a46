using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Platform.Organization.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Organization.Accounts;

/// <summary>
/// Sign-in for the whole suite: an OpenIddict server in the Organization service (it knows people and
/// posts). Signing and encryption keys come from configuration (<c>Platform:Auth:SigningKey</c>, a PEM RSA
/// key, required; <c>Platform:Auth:EncryptionKey</c>, base64, for refresh tokens; Development and tests fall
/// back to an ephemeral one).
/// Access tokens are signed JWTs, not encrypted, so the gateway and services validate them with the
/// published keys.
/// </summary>
public static class AuthModule
{
    public const string ApiScope = PlatformClaims.ApiAudience;

    /// <summary>The public client the web and mobile apps sign in with.</summary>
    public const string AppClientId = "platform-app";

    public static IHostApplicationBuilder AddSignIn(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var development = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder.Services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        builder
            .Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<OrganizationDbContext>())
            .AddServer(server =>
            {
                server
                    .SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'))
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetAuthorizationEndpointUris(AuthorizationEndpoint.Path.TrimStart('/'))
                    .SetEndSessionEndpointUris(AuthorizationEndpoint.EndSessionPath.TrimStart('/'));
                // Browsers: authorization code with PKCE (a public client keeps no secret); scripts and tests: password.
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AllowPasswordFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, ApiScope);
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(30)).SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                server.DisableAccessTokenEncryption();
                if (configuration["Platform:Auth:Issuer"] is { Length: > 0 } issuer)
                {
                    // Clients reach the server through the gateway: tokens name the gateway as their issuer.
                    server.SetIssuer(new Uri(issuer));
                }

                if (configuration["Platform:Auth:SigningKey"] is { Length: > 0 } signingPem)
                {
                    var rsa = RSA.Create();
                    rsa.ImportFromPem(signingPem);
                    server.AddSigningKey(new RsaSecurityKey(rsa) { KeyId = PlatformAuthentication.KeyId(rsa) });
                }
                else
                {
                    // Every service validates tokens with the matching public key: an ephemeral key would fail them all.
                    throw new InvalidOperationException(
                        "Platform:Auth:SigningKey (a PEM RSA private key) must be configured; the AppHost generates one and keeps it."
                    );
                }

                if (configuration["Platform:Auth:EncryptionKey"] is { Length: > 0 } encryptionKey)
                {
                    server.AddEncryptionKey(new SymmetricSecurityKey(Convert.FromBase64String(encryptionKey)));
                }
                else if (development)
                {
                    server.AddEphemeralEncryptionKey();
                }
                else
                {
                    throw new InvalidOperationException("Platform:Auth:EncryptionKey (base64, 32 bytes) must be configured outside Development.");
                }

                // TLS ends before the gateway; the services are reached only on the internal network.
                server
                    .UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        // The browser's sign-in session: a cookie for the sign-in endpoints only, never sent to the API.
        builder
            .Services.AddAuthentication()
            .AddCookie(SignInPage.Scheme, cookie =>
            {
                cookie.Cookie.Name = "platform-sign-in";
                cookie.Cookie.Path = "/connect";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = configuration.GetValue("Platform:Auth:SessionLifetime", TimeSpan.FromHours(8));
                cookie.SlidingExpiration = true;
            });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "platform-sign-in-form";
            antiforgery.Cookie.Path = "/connect";
        });
        builder.Services.AddHostedService<ClientRegistration>();
        return builder;
    }
}

/// <summary>Registers the platform's own public client at start (idempotent).</summary>
public sealed class ClientRegistration(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await EnsureAsync(scope.ServiceProvider, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        var manager = services.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = Describe(services.GetRequiredService<IConfiguration>());
        if (await manager.FindByClientIdAsync(AuthModule.AppClientId, ct) is { } existing)
        {
            // Settings change (a new address for the app, a new permission): the registration follows in place.
            await manager.UpdateAsync(existing, descriptor, ct);
            return;
        }

        await manager.CreateAsync(descriptor, ct);
    }

    /// <summary>
    /// The apps' client: where a browser may be sent back with a code (<c>Platform:Auth:App:RedirectUris</c>; by default
    /// the console's and the phone app's callbacks at the issuer, the gateway) and after signing out.
    /// </summary>
    public static OpenIddictApplicationDescriptor Describe(IConfiguration configuration)
    {
        var issuer = configuration["Platform:Auth:Issuer"]?.TrimEnd('/');
        var redirects = configuration.GetSection("Platform:Auth:App:RedirectUris").Get<string[]>()
            ?? (issuer is null ? [] : [$"{issuer}/auth/callback", $"{issuer}/m/auth/callback"]);
        var afterSignOut = configuration.GetSection("Platform:Auth:App:PostLogoutRedirectUris").Get<string[]>()
            ?? (issuer is null ? [] : [$"{issuer}/", $"{issuer}/m/"]);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = AuthModule.AppClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "Platform web and mobile apps",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.Password,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + AuthModule.ApiScope,
                Permissions.Scopes.Roles,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirects)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in afterSignOut)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        return descriptor;
    }
}
