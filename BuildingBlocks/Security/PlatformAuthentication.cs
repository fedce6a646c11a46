using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// Token validation and authorization, the same in the gateway and every service (defence in depth): a
/// bearer access token issued by the platform (<c>Platform:Auth:Issuer</c>), for the platform API, signed with
/// the platform's key (<c>Platform:Auth:ValidationKey</c>, a PEM RSA public key; the signing service may give
/// its private <c>Platform:Auth:SigningKey</c> instead). Validation is offline: no service calls another to
/// check a token. Endpoints declare who may call them (<see cref="Access"/>); one that declares nothing is
/// closed to everyone by the fallback policy.
/// </summary>
public static class PlatformAuthentication
{
    public const string AccessTokenType = "at+jwt";

    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var issuer = configuration["Platform:Auth:Issuer"];
        var keyPem = configuration["Platform:Auth:ValidationKey"] is { Length: > 0 } publicKey ? publicKey : configuration["Platform:Auth:SigningKey"];
        if (string.IsNullOrWhiteSpace(issuer) || string.IsNullOrWhiteSpace(keyPem))
        {
            throw new InvalidOperationException(
                "Token validation needs Platform:Auth:Issuer (the gateway's public URL) and Platform:Auth:ValidationKey (the "
                    + "PEM public key tokens are signed with). The AppHost sets both."
            );
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(keyPem);
        var signingKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)) { KeyId = KeyId(rsa) };

        builder
            .Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Keep the token's own claim names (sub, role, community...): no mapping to WS-* URIs.
                options.MapInboundClaims = false;
                options.RequireHttpsMetadata = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = Normalize(issuer),
                    ValidAudience = PlatformClaims.ApiAudience,
                    IssuerSigningKey = signingKey,
                    ValidTypes = [AccessTokenType],
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        // The account id (never a name or phone) goes on the trace, so a request can be followed by caller.
                        Activity.Current?.SetTag("enduser.id", context.Principal?.FindFirst(PlatformClaims.Subject)?.Value);
                        return Task.CompletedTask;
                    },
                    OnChallenge = WriteChallengeAsync,
                };
            });

        builder
            .Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build())
            .SetFallbackPolicy(
                new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).AddRequirements(new UndeclaredAccessRequirement()).Build()
            );
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>The key id OpenIddict and the validators agree on: a hash of the public key.</summary>
    public static string KeyId(RSA rsa) => Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];

    public static string Normalize(string issuer) => issuer.EndsWith('/') ? issuer : issuer + "/";

    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var (code, title) = context.AuthenticateFailure switch
        {
            null => ("token-required", "Sign in and send the access token as 'Authorization: Bearer <token>'."),
            SecurityTokenExpiredException => ("token-expired", "The access token has expired; refresh it or sign in again."),
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => (
                "token-signature-invalid",
                "The access token's signature is not valid."
            ),
            SecurityTokenInvalidAudienceException => ("token-audience-invalid", "The access token was not issued for this API."),
            SecurityTokenInvalidIssuerException => ("token-issuer-invalid", "The access token was not issued by this platform."),
            SecurityTokenInvalidTypeException => ("token-type-invalid", "Send an access token, not an identity or refresh token."),
            _ => ("token-invalid", "The access token is not valid."),
        };

        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : $"Bearer error=\"invalid_token\", error_description=\"{title}\"";
        await context
            .HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status401Unauthorized,
                        Title = title,
                        Type = $"https://platform.local/problems/{code}",
                        Extensions = { ["code"] = code },
                    },
                }
            );
    }
}

/// <summary>The fallback policy's requirement: never met, so an endpoint that forgot to declare its access is closed.</summary>
public sealed class UndeclaredAccessRequirement : IAuthorizationRequirement;

/// <summary>Refusals as problem details that say what was missing: the roles the endpoint admits, or that it admits no one.</summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var endpoint = context.GetEndpoint();
        var rule = endpoint?.Metadata.GetMetadata<AccessRule>();
        // No endpoint (a 404), or routing's own answers (405 wrong method, 415 wrong content type): nothing to
        // protect and nothing revealed, so let them speak.
        if (
            endpoint is null
            || (
                rule is null
                && endpoint.DisplayName is { } name
                && (name.StartsWith("405 ", StringComparison.Ordinal) || name.StartsWith("415 ", StringComparison.Ordinal))
            )
        )
        {
            await next(context);
            return;
        }

        if (!authorizeResult.Forbidden)
        {
            await standard.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var (code, title) = rule is null
            ? ("access-undeclared", "This endpoint declares no access rule, so it is closed to everyone.")
            : ("role-required", $"This needs one of the roles: {string.Join(", ", rule.Roles)}.");
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(
            new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = title,
                    Type = $"https://platform.local/problems/{code}",
                    Extensions = { ["code"] = code },
                },
            }
        );
    }
}
