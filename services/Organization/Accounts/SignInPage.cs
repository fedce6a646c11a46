using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Platform.Organization.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Organization.Accounts;

/// <summary>
/// The page a browser signs in on (OpenID Connect's authorization code flow): the authorization endpoint sends a
/// caller without a session here; a right password sets the sign-in session (a cookie for <c>/connect</c> only)
/// and goes back to the authorization request, which answers the app with a code. Passwords are checked, audited
/// and locked out exactly as at the token endpoint; the form carries an antiforgery token.
/// </summary>
public static class SignInPage
{
    public const string Path = "/connect/sign-in";
    public const string Scheme = "platform-sign-in";

    public static IEndpointRouteBuilder MapSignInPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).ExcludeFromDescription().AllowPublic();
        app.MapPost(Path, SignInAsync).ExcludeFromDescription().AllowPublic();
        return app;
    }

    /// <summary>Only the authorization endpoint is a place to go back to: nothing else, and nowhere off this site.</summary>
    public static bool IsReturnUrl(string? url) =>
        url is { Length: > 0 } && url.StartsWith(AuthorizationEndpoint.Path + "?", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal);

    private static IResult Show(HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        IsReturnUrl(returnUrl)
            ? Page(http, antiforgery, returnUrl!, userName: null, error: null, StatusCodes.Status200OK)
            : Page(
                http,
                antiforgery,
                null,
                null,
                "这个登录链接不完整，请从应用重新登录。 This sign-in link is incomplete: start again from the app.",
                StatusCodes.Status400BadRequest
            );

    private static async Task<IResult> SignInAsync(
        HttpContext http,
        IAntiforgery antiforgery,
        OrganizationDbContext db,
        IPasswordHasher<UserAccount> hasher,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!http.Request.HasFormContentType)
        {
            return Page(http, antiforgery, null, null, "请使用登录表单。 Use the sign-in form.", StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(ct);
        var returnUrl = form["returnUrl"].ToString();
        var userName = form["username"].ToString();
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Page(
                http,
                antiforgery,
                IsReturnUrl(returnUrl) ? returnUrl : null,
                userName,
                "页面已过期，请再试一次。 The page expired: try again.",
                StatusCodes.Status400BadRequest
            );
        }

        if (!IsReturnUrl(returnUrl))
        {
            return Page(
                http,
                antiforgery,
                null,
                userName,
                "这个登录链接不完整，请从应用重新登录。 This sign-in link is incomplete: start again from the app.",
                StatusCodes.Status400BadRequest
            );
        }

        var verdict = await Credentials.CheckAsync(db, hasher, userName, form["password"].ToString(), "sign-in page", clock.GetUtcNow(), ct);
        if (verdict.Account is not { } account)
        {
            return Page(http, antiforgery, returnUrl, userName, Translate(verdict.Refusal!), StatusCodes.Status400BadRequest);
        }

        var identity = new ClaimsIdentity(Scheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, account.Id.ToString()));
        identity.AddClaim(new Claim(Claims.Name, account.UserName));
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    private static string Translate(string refusal) =>
        refusal switch
        {
            Credentials.Locked => "连续失败次数过多，账号已暂时锁定，请稍后再试。 " + refusal,
            Credentials.Disabled => "账号已停用。 " + refusal,
            _ => "用户名或密码错误。 " + refusal,
        };

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? userName, string? error, int status)
    {
        var html = HtmlEncoder.Create(UnicodeRanges.All);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var form = returnUrl is null
            ? ""
            : $"""
                <form method="post" action="{html.Encode(http.Request.PathBase + Path)}">
                  <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? "")}">
                  <input type="hidden" name="returnUrl" value="{html.Encode(returnUrl)}">
                  <label for="username">用户名 <span lang="en">User name</span></label>
                  <input id="username" name="username" autocomplete="username" required autofocus value="{html.Encode(userName ?? "")}">
                  <label for="password">密码 <span lang="en">Password</span></label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <button type="submit">登录 <span lang="en">Sign in</span></button>
                </form>
                """;
        var alert = error is null ? "" : $"""<p role="alert" class="error">{html.Encode(error)}</p>""";
        return Results.Content(
            $$"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>登录 · 街道基层治理平台</title>
              <style>
                body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; background: #f2f4f7; margin: 0; display: grid;
                       place-items: center; min-height: 100vh; }
                main { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.08); width: min(22rem, 90vw); }
                h1 { font-size: 1.3rem; margin: 0 0 1.5rem; color: #1f2d3d; }
                label { display: block; margin: 1rem 0 .3rem; color: #303133; }
                input { width: 100%; box-sizing: border-box; padding: .6rem; border: 1px solid #8c939d; border-radius: 4px; font-size: 1rem; }
                button { margin-top: 1.5rem; width: 100%; padding: .7rem; background: #0b5cad; color: #fff; border: 0; border-radius: 4px;
                         font-size: 1rem; cursor: pointer; }
                .error { color: #a4141b; background: #fdecec; padding: .6rem; border-radius: 4px; }
              </style>
            </head>
            <body>
              <main>
                <h1>街道基层治理平台 <span lang="en">Platform sign-in</span></h1>
                {{alert}}
                {{form}}
              </main>
            </body>
            </html>
            """,
            "text/html; charset=utf-8",
            statusCode: status
        );
    }
}
