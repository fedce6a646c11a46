using System.Diagnostics;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>The manifest the AppHost publishes for a deployment elsewhere carries nothing of the publishing machine's.</summary>
public class PublishManifestTests
{
    private static readonly string[] Parts = ["organization", "grid", "volunteer", "workflow", "gateway", "web"];

    /// <summary>Runs the AppHost's manifest publisher; the manifest's text, or the exit code and output when it failed.</summary>
    private static async Task<(int ExitCode, string Output, string? Manifest)> PublishAsync(params string[] settings)
    {
        var output = Path.Combine(Path.GetTempPath(), $"platform-manifest-{Guid.NewGuid():N}.json");
        var appHost = Path.Combine(AppContext.BaseDirectory, "Platform.AppHost.dll");
        var info = new ProcessStartInfo("dotnet", [appHost, "--publisher", "manifest", "--output-path", output, .. settings])
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
        try
        {
            return (process.ExitCode, $"{await log}\n{await errors}", File.Exists(output) ? await File.ReadAllTextAsync(output) : null);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task A_trace_sample_ratio_reaches_every_part_as_the_standard_sampler_settings_and_a_bad_one_stops_the_AppHost()
    {
        var (exitCode, output, manifest) = await PublishAsync("Platform:Telemetry:TraceSampleRatio=0.05");
        Assert.True(exitCode == 0, output);
        using (var document = JsonDocument.Parse(manifest!))
        {
            var resources = document.RootElement.GetProperty("resources");
            foreach (var part in Parts)
            {
                var env = resources.GetProperty(part).GetProperty("env");
                Assert.Equal("parentbased_traceidratio", env.GetProperty("OTEL_TRACES_SAMPLER").GetString());
                Assert.Equal("0.05", env.GetProperty("OTEL_TRACES_SAMPLER_ARG").GetString());
            }
        }

        // Without the setting every request is traced, as the orchestrator sets it for development.
        var (_, _, plain) = await PublishAsync();
        using (var document = JsonDocument.Parse(plain!))
        {
            Assert.False(
                document.RootElement.GetProperty("resources").GetProperty("workflow").GetProperty("env").TryGetProperty("OTEL_TRACES_SAMPLER_ARG", out _)
            );
        }

        var (refused, why, _) = await PublishAsync("Platform:Telemetry:TraceSampleRatio=1.5");
        Assert.NotEqual(0, refused);
        Assert.Contains("TraceSampleRatio is a number from 0 to 1", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_key_is_a_deploy_time_parameter_and_no_key_of_this_machine_is_in_the_manifest()
    {
        var (exitCode, output, published) = await PublishAsync();
        Assert.True(exitCode == 0, output);
        var text = published!;
        Assert.DoesNotContain("-----BEGIN", text, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(text);
        var resources = manifest.RootElement.GetProperty("resources");
        foreach (var key in new[] { "token-signing-key", "token-validation-key", "token-encryption-key", "personal-data-lookup-key" })
        {
            var parameter = resources.GetProperty(key);
            Assert.Equal("parameter.v0", parameter.GetProperty("type").GetString());
            Assert.Equal($"{{{key}.inputs.value}}", parameter.GetProperty("value").GetString());
            Assert.False(
                parameter.GetProperty("inputs").GetProperty("value").TryGetProperty("default", out _),
                $"{key} has no default value from this machine"
            );
        }

        string Env(string resource, string name) => resources.GetProperty(resource).GetProperty("env").GetProperty(name).GetString()!;
        foreach (var resource in Parts)
        {
            Assert.Equal("{token-validation-key.value}", Env(resource, "Platform__Auth__ValidationKey"));
        }

        Assert.Equal("{token-signing-key.value}", Env("organization", "Platform__Auth__SigningKey"));
        Assert.False(
            resources.GetProperty("grid").GetProperty("env").TryGetProperty("Platform__Auth__SigningKey", out _),
            "only the Organization service signs"
        );
        Assert.Equal("false", Env("grid", "Platform__SeedDemoData"));
    }
}
