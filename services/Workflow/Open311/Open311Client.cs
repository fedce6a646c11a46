using System.Security.Cryptography;
using System.Text;
using Platform.BuildingBlocks.Domain;

namespace Platform.Workflow.Open311;

/// <summary>
/// A third-party Open311 client (a city app, a hotline vendor) and its api_key. The key is shown once when
/// issued and stored only as its SHA-256 hash; a revoked key is refused with the spec's 403.
/// </summary>
public sealed class Open311Client
{
    public const int MaxNameLength = 100;

    private Open311Client() { }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string KeyHash { get; private set; } = "";

    /// <summary>The key's first characters, to tell keys apart in lists.</summary>
    public string KeyPrefix { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A new client with a random key; the key is returned beside it and never stored.</summary>
    public static Result<(Open311Client Client, string ApiKey)> Issue(string? name, DateTimeOffset now, string? apiKey = null)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid("name", "invalid-client-name", $"name is required and at most {MaxNameLength} characters.");
        }

        var key = apiKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        return (
            new Open311Client
            {
                Id = Guid.CreateVersion7(now),
                Name = name.Trim(),
                KeyHash = Hash(key),
                KeyPrefix = key[..6],
                IssuedAt = now,
            },
            key
        );
    }

    public static string Hash(string apiKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    public DomainError? Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return DomainError.Conflict("client-revoked", $"The key of {Name} was already revoked.");
        }

        RevokedAt = now;
        return null;
    }
}
