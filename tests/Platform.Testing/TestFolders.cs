using System.Globalization;

namespace Platform.Testing;

/// <summary>
/// Temp folders for test runs under <c>/tmp/platform-tests</c>, each recording its owner's pid so a later run
/// can remove what an interrupted one left.
/// </summary>
public static class TestFolders
{
    internal const string OwnerFile = "owner.pid";

    internal static readonly string Root = Path.Combine(Path.GetTempPath(), "platform-tests");

    public static string Create(string kind)
    {
        LocalServers.CleanStale();
        var dir = Path.Combine(Root, $"{kind}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows())
        {
            // The postgres user must be able to create its data folder here.
            File.SetUnixFileMode(dir, (UnixFileMode)Convert.ToInt32("777", 8));
        }

        File.WriteAllText(Path.Combine(dir, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return dir;
    }

    public static void Delete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
            // A process still closing files; the next run's clean-up takes the folder.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
