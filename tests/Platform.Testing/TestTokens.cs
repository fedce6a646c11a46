using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.BuildingBlocks.Security;

namespace Platform.Testing;

/// <summary>
/// Who a test calls as: the claims the Organization service would put in a token for such an account.
/// Tests of one service mint such tokens with the test run's key (they stand in for the sign-in service);
/// sign-in itself is tested for real in the Organization and end-to-end tests.
/// </summary>
public sealed record TestCaller(IReadOnlyList<string> Roles)
{
    public string Subject { get; init; } = Guid.NewGuid().ToString();

    public string Name { get; init; } = "test.user";

    public Guid? PersonId { get; init; }

    public IReadOnlyList<Guid> Communities { get; init; } = [];

    public IReadOnlyList<Guid> Grids { get; init; } = [];

    public IReadOnlyList<Guid> Units { get; init; } = [];

    public string? Department { get; init; }

    public static TestCaller Admin { get; } = new([BuildingBlocks.Security.Roles.SubdistrictAdmin]) { Name = "test.admin" };

    public static TestCaller In(params string[] roles) => new(roles);

    public override string ToString() => $"{string.Join("+", Roles)}{(Communities.Count > 0 ? " of a community" : "")}{(Grids.Count > 0 ? " of a grid" : "")}";
}

/// <summary>The test run's token key and issuer, and tokens minted with them.</summary>
public static class TestTokens
{
    public const string Issuer = "https://platform.test/";

    private static readonly RSA Key = RSA.Create(2048);

    public static string SigningKeyPem { get; } = Key.ExportPkcs8PrivateKeyPem();

    public static string ValidationKeyPem { get; } = Key.ExportSubjectPublicKeyInfoPem();

    private static readonly SigningCredentials Credentials = new(
        new RsaSecurityKey(Key) { KeyId = PlatformAuthentication.KeyId(Key) },
        SecurityAlgorithms.RsaSha256
    );

    public static string For(
        TestCaller caller,
        DateTime? expires = null,
        string audience = PlatformClaims.ApiAudience,
        SigningCredentials? credentials = null,
        string type = PlatformAuthentication.AccessTokenType
    )
    {
        var claims = new Dictionary<string, object>
        {
            [PlatformClaims.Subject] = caller.Subject,
            [PlatformClaims.Name] = caller.Name,
            [PlatformClaims.Role] = caller.Roles.ToArray(),
        };
        if (caller.PersonId is { } person)
        {
            claims[PlatformClaims.Person] = person.ToString();
        }

        if (caller.Communities.Count > 0)
        {
            claims[PlatformClaims.Community] = caller.Communities.Select(c => c.ToString()).ToArray();
        }

        if (caller.Grids.Count > 0)
        {
            claims[PlatformClaims.Grid] = caller.Grids.Select(g => g.ToString()).ToArray();
        }

        if (caller.Units.Count > 0)
        {
            claims[PlatformClaims.Unit] = caller.Units.Select(u => u.ToString()).ToArray();
        }

        if (caller.Department is { } department)
        {
            claims[PlatformClaims.Department] = department;
        }

        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = audience,
                Claims = claims,
                IssuedAt = expiry.AddMinutes(-30),
                NotBefore = expiry.AddMinutes(-30),
                Expires = expiry,
                TokenType = type,
                SigningCredentials = credentials ?? Credentials,
            }
        );
    }

    /// <summary>A client that calls as <paramref name="caller"/> (no token when null).</summary>
    public static HttpClient As(this HttpClient client, TestCaller? caller)
    {
        client.DefaultRequestHeaders.Authorization = caller is null ? null : new AuthenticationHeaderValue("Bearer", For(caller));
        return client;
    }
}
