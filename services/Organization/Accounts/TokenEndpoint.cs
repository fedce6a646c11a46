using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.BuildingBlocks.Time;
using Platform.Organization.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Organization.Accounts;

/// <summary>
/// The OAuth 2.0 token endpoint (OpenIddict passes the validated request through to us): password sign-in with
/// lockout, refresh, and client credentials for machine clients. Tokens are OpenIddict's own (JWT, signed).
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, Exchange).ExcludeFromDescription().AllowPublic();
        return app;
    }

    private static async Task<IResult> Exchange(
        HttpContext http,
        OrganizationDbContext db,
        IPasswordHasher<UserAccount> hasher,
        IOpenIddictApplicationManager applications,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenIddict server request is missing.");

        if (request.IsPasswordGrantType())
        {
            return await PasswordAsync(request, db, hasher, clock, ct);
        }

        // A code from the authorization endpoint (browsers, with PKCE) or a refresh token: the account is read again,
        // so a disabled account or a changed post shows at the next exchange.
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var subject = result.Principal?.GetClaim(Claims.Subject);
            var account = Guid.TryParse(subject, out var id) ? await db.UserAccounts.FirstOrDefaultAsync(a => a.Id == id, ct) : null;
            return account is null || !account.CanSignIn(clock.GetUtcNow())
                ? Refuse(Errors.InvalidGrant, "The account can no longer sign in.")
                : await SignInAsync(db, account, result.Principal!.GetScopes(), clock.Today(), ct);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, ct)
                ?? throw new InvalidOperationException("OpenIddict validated an unknown client.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, await applications.GetClientIdAsync(application, ct));
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, ct));
            identity.SetClaim(PlatformClaims.ClientKind, "machine");
            identity.SetScopes(request.GetScopes());
            identity.SetResources(PlatformClaims.ApiAudience);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "Use the authorization_code, password, refresh_token or client_credentials grant.");
    }

    private static async Task<IResult> PasswordAsync(
        OpenIddictRequest request,
        OrganizationDbContext db,
        IPasswordHasher<UserAccount> hasher,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var now = clock.GetUtcNow();
        var verdict = await Credentials.CheckAsync(db, hasher, request.Username, request.Password, "password", now, ct);
        return verdict.Account is { } account
            ? await SignInAsync(db, account, request.GetScopes(), clock.DateOf(now), ct)
            : Refuse(Errors.InvalidGrant, verdict.Refusal!);
    }

    internal static async Task<IResult> SignInAsync(
        OrganizationDbContext db,
        UserAccount account,
        IEnumerable<string> scopes,
        DateOnly today,
        CancellationToken ct
    )
    {
        var identity = await AccountClaims.IdentityAsync(db, account, today, ct);
        identity.SetScopes(scopes);
        identity.SetResources(PlatformClaims.ApiAudience);
        identity.SetDestinations(claim =>
            claim.Type is Claims.Name or Claims.Role ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken]
        );
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(
                new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
                }
            ),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]
        );
}
