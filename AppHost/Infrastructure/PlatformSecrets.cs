using System.Security.Cryptography;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// Secrets the suite needs (keys for personal-data hashing, token signing and refresh-token encryption). Taken from configuration
/// (<c>Platform:Secrets:&lt;name&gt;</c>: user secrets, environment) when given; otherwise generated once into
/// the data folder and kept, so a development machine keeps the same keys across restarts.
/// </summary>
public static class PlatformSecrets
{
    public static string DataDir(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration["Platform:DataDir"] ?? Path.Combine(builder.AppHostDirectory, "..", ".data"));

    public static string GetOrCreate(IDistributedApplicationBuilder builder, string name, int bytes = 32) =>
        GetOrCreate(builder, name, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));

    /// <summary>An RSA private key (PEM) for signing tokens.</summary>
    public static string GetOrCreateRsaKey(IDistributedApplicationBuilder builder, string name) => GetOrCreate(builder, name, () =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportPkcs8PrivateKeyPem();
        });

    /// <summary>The public half of a PEM RSA key: what validators of the signed tokens are given.</summary>
    public static string PublicKeyPem(string privateKeyPem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        return rsa.ExportSubjectPublicKeyInfoPem();
    }

    private static string GetOrCreate(IDistributedApplicationBuilder builder, string name, Func<string> generate)
    {
        if (builder.Configuration[$"Platform:Secrets:{name}"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var folder = Path.Combine(DataDir(builder), "secrets");
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var file = Path.Combine(folder, name);
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        var secret = generate();
        File.WriteAllText(file, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secret;
    }
}
