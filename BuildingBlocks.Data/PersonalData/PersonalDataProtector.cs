using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.BuildingBlocks.PersonalData;

/// <summary>A personal value as stored: encrypted whole, plus the masked form lists show.</summary>
public sealed record ProtectedValue(string Cipher, string Masked);

/// <summary>
/// Protects personal data at rest (phones, ID-card numbers, addresses, reporter identities): values are
/// encrypted with ASP.NET Core Data Protection, whose key ring lives in the service's own database; a
/// keyed hash (HMAC-SHA256) lets a service find or refuse a duplicate without decrypting.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Purpose = "Platform.PersonalData.v1";
    private readonly IDataProtector protector;
    private readonly byte[] lookupKey;

    public PersonalDataProtector(IDataProtectionProvider provider, IConfiguration configuration, IHostEnvironment environment)
    {
        protector = provider.CreateProtector(Purpose);
        var configured = configuration["Platform:PersonalData:LookupKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            lookupKey = Convert.FromBase64String(configured);
        }
        else if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            // Development and tests only; any other environment must configure its own secret key.
            lookupKey = SHA256.HashData(Encoding.UTF8.GetBytes("platform-development-lookup-key"));
        }
        else
        {
            throw new InvalidOperationException("Platform:PersonalData:LookupKey (base64, 32 bytes or more) must be configured outside Development.");
        }

        if (lookupKey.Length < 32)
        {
            throw new InvalidOperationException("Platform:PersonalData:LookupKey must be at least 32 bytes.");
        }
    }

    public ProtectedValue Protect(string value, Func<string, string> mask) => new(protector.Protect(value), mask(value));

    public string Reveal(ProtectedValue value) => protector.Unprotect(value.Cipher);

    public string Reveal(string cipher) => protector.Unprotect(cipher);

    /// <summary>Bytes that may hold personal data (a kept answer), encrypted whole.</summary>
    public byte[] Protect(byte[] value) => protector.Protect(value);

    public byte[] Reveal(byte[] cipher) => protector.Unprotect(cipher);

    /// <summary>A keyed hash (HMAC-SHA256) fed piece by piece: the same content hashes alike, guesses cannot be checked without the key.</summary>
    public IncrementalHash StartKeyedHash() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, lookupKey);

    /// <summary>A stable keyed hash of a normalized value, for unique indexes and lookups.</summary>
    public string LookupHash(string normalized) => Convert.ToHexString(HMACSHA256.HashData(lookupKey, Encoding.UTF8.GetBytes(normalized)));
}

public static class PersonalDataRegistration
{
    /// <summary>Personal-data protection for a service whose DbContext keeps the Data Protection key ring.</summary>
    public static IHostApplicationBuilder AddPersonalDataProtection<TDbContext>(this IHostApplicationBuilder builder, string serviceName)
        where TDbContext : DbContext, IDataProtectionKeyContext
    {
        builder.Services.AddDataProtection().SetApplicationName($"platform-{serviceName}").PersistKeysToDbContext<TDbContext>();
        builder.Services.AddSingleton<PersonalDataProtector>();
        return builder;
    }
}
