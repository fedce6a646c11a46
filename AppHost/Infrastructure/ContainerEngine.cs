using System.Diagnostics;

namespace Platform.AppHost.Infrastructure;

internal static class ContainerEngine
{
    /// <summary>True when a container engine answers (not just a docker client installed).</summary>
    public static bool Answers()
    {
        try
        {
            using var process = Process.Start(
                new ProcessStartInfo("docker", ["info", "--format", "{{.ServerVersion}}"]) { RedirectStandardOutput = true, RedirectStandardError = true }
            );
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0 && !string.IsNullOrWhiteSpace(process.StandardOutput.ReadToEnd());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No docker client at all.
            return false;
        }
    }
}
