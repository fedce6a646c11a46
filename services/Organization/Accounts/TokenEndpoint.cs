using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Organization.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Platform.ServiceDefaults.Time;

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
        HttpContext http, OrganizationDbContext db, IPasswordHasher<UserAccount> hasher, IOpenIddictApplicationManager applications, TimeProvider clock, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");

        if (request.IsPasswordGrantType())
        {
            return await PasswordAsync(request, db, hasher, clock, ct);
        }

        if (request.IsRefreshTokenGrantType())
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

        return Refuse(Errors.UnsupportedGrantType, "Use the password, refresh_token or client_credentials grant.");
    }

    private static async Task<IResult> PasswordAsync(OpenIddictRequest request, OrganizationDbContext db, IPasswordHasher<UserAccount> hasher, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var userName = (request.Username ?? "").Trim().ToLowerInvariant();
        var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.UserName == userName, ct);
        const string wrong = "The user name or password is wrong.";
        if (account is null)
        {
            await AuditAsync(db, SecurityEventKind.SignInFailed, userName, "unknown user", now, ct);
            return Refuse(Errors.InvalidGrant, wrong);
        }

        if (!account.CanSignIn(now))
        {
            await AuditAsync(db, SecurityEventKind.SignInRefusedWhileLocked, userName, account.Disabled ? "disabled" : $"locked until {account.LockedUntil:O}", now, ct);
            return Refuse(Errors.InvalidGrant, account.Disabled ? "The account is disabled." : "The account is locked after repeated failures; try again later.");
        }

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, request.Password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locked = account.RecordFailure(now);
            db.SecurityEvents.Add(SecurityEvent.Record(SecurityEventKind.SignInFailed, userName, userName, "wrong password", now));
            if (locked)
            {
                db.SecurityEvents.Add(SecurityEvent.Record(SecurityEventKind.AccountLocked, userName, userName, $"{UserAccount.MaxFailures} failures in a row", now));
            }

            await db.SaveChangesAsync(ct);
            return Refuse(Errors.InvalidGrant, locked ? "The account is locked after repeated failures; try again later." : wrong);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.Rehash(hasher.HashPassword(account, request.Password!));
        }

        account.RecordSuccess();
        db.SecurityEvents.Add(SecurityEvent.Record(SecurityEventKind.SignInSucceeded, userName, userName, "password", now));
        await db.SaveChangesAsync(ct);
        return await SignInAsync(db, account, request.GetScopes(), clock.DateOf(now), ct);
    }

    private static async Task AuditAsync(OrganizationDbContext db, SecurityEventKind kind, string userName, string detail, DateTimeOffset now, CancellationToken ct)
    {
        db.SecurityEvents.Add(SecurityEvent.Record(kind, userName, userName, detail, now));
        await db.SaveChangesAsync(ct);
    }

    private static async Task<IResult> SignInAsync(OrganizationDbContext db, UserAccount account, IEnumerable<string> scopes, DateOnly today, CancellationToken ct)
    {
        var identity = await AccountClaims.IdentityAsync(db, account, today, ct);
        identity.SetScopes(scopes);
        identity.SetResources(PlatformClaims.ApiAudience);
        identity.SetDestinations(claim => claim.Type is Claims.Name or Claims.Role
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
