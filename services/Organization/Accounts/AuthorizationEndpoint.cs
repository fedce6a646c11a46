using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.BuildingBlocks.Time;
using Platform.Organization.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Organization.Accounts;

/// <summary>
/// OpenID Connect's authorization endpoint for browser apps (code flow with PKCE; OpenIddict validates the client, its
/// redirect URI and the code challenge, then passes the request through): a caller with a sign-in session gets a
/// code at once, one without is sent to the sign-in page and comes back. The end-session endpoint ends the session.
/// </summary>
public static class AuthorizationEndpoint
{
    public const string Path = "/connect/authorize";
    public const string EndSessionPath = "/connect/endsession";

    public static IEndpointRouteBuilder MapAuthorizationEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, AuthorizeAsync).ExcludeFromDescription().AllowPublic();
        app.MapGet(EndSessionPath, (Delegate)EndSessionAsync).ExcludeFromDescription().AllowPublic();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, OrganizationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        var session = await http.AuthenticateAsync(SignInPage.Scheme);
        var account =
            session.Succeeded && Guid.TryParse(session.Principal?.FindFirst(Claims.Subject)?.Value, out var id)
                ? await db.UserAccounts.FirstOrDefaultAsync(a => a.Id == id, ct)
                : null;
        if (account is null || !account.CanSignIn(clock.GetUtcNow()))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(
                    new AuthenticationProperties(
                        new Dictionary<string, string?>
                        {
                            [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "No one is signed in.",
                        }
                    ),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]
                );
            }

            await http.SignOutAsync(SignInPage.Scheme);
            var back = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
            return Results.Redirect($"{http.Request.PathBase}{SignInPage.Path}?returnUrl={Uri.EscapeDataString(back)}");
        }

        return await TokenEndpoint.SignInAsync(db, account, request.GetScopes(), clock.Today(), ct);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(SignInPage.Scheme);
        // OpenIddict sends the browser to the client's registered post-logout address, if it named one.
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
