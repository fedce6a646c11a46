using System.Diagnostics;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>The manifest the AppHost publishes for a deployment elsewhere carries nothing of the publishing machine's.</summary>
public class PublishManifestTests
{
    [Fact]
    public async Task Every_key_is_a_deploy_time_parameter_and_no_key_of_this_machine_is_in_the_manifest()
    {
        var output = Path.Combine(Path.GetTempPath(), $"platform-manifest-{Guid.NewGuid():N}.json");
        var appHost = Path.Combine(AppContext.BaseDirectory, "Platform.AppHost.dll");
        var info = new ProcessStartInfo("dotnet", [appHost, "--publisher", "manifest", "--output-path", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(Repository.Root, "AppHost"),
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(info)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"{await log}\n{await errors}");

        try
        {
            var text = await File.ReadAllTextAsync(output);
            Assert.DoesNotContain("-----BEGIN", text, StringComparison.Ordinal);
            using var manifest = JsonDocument.Parse(text);
            var resources = manifest.RootElement.GetProperty("resources");
            foreach (var key in new[] { "token-signing-key", "token-validation-key", "token-encryption-key", "personal-data-lookup-key" })
            {
                var parameter = resources.GetProperty(key);
                Assert.Equal("parameter.v0", parameter.GetProperty("type").GetString());
                Assert.Equal($"{{{key}.inputs.value}}", parameter.GetProperty("value").GetString());
                Assert.False(parameter.GetProperty("inputs").GetProperty("value").TryGetProperty("default", out _), $"{key} has no default value from this machine");
            }

            string Env(string resource, string name) => resources.GetProperty(resource).GetProperty("env").GetProperty(name).GetString()!;
            foreach (var resource in new[] { "organization", "grid", "volunteer", "workflow", "gateway", "web" })
            {
                Assert.Equal("{token-validation-key.value}", Env(resource, "Platform__Auth__ValidationKey"));
            }

            Assert.Equal("{token-signing-key.value}", Env("organization", "Platform__Auth__SigningKey"));
            Assert.False(resources.GetProperty("grid").GetProperty("env").TryGetProperty("Platform__Auth__SigningKey", out _), "only the Organization service signs");
            Assert.Equal("false", Env("grid", "Platform__SeedDemoData"));
        }
        finally
        {
            File.Delete(output);
        }
    }
}
