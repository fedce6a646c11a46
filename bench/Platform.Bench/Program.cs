using BenchmarkDotNet.Running;

namespace Platform.Bench;

/// <summary>./platform bench runs this in Release and writes the results, with the machine's description, to bench/results/.</summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        // ./platform bench console: the web console in a browser against a running suite (not a BenchmarkDotNet run).
        if (args is ["console", var url, var output, ..])
        {
            return await ConsoleSpeed.RunAsync(url, output, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 7);
        }

        // ./platform bench load: the whole suite under wrk (gateway URL, postgres host:port, service=url...).
        if (args is ["load", var loadOutput, ..])
        {
            var settings = new Load.LoadSettings(
                TimeSpan.FromSeconds(Setting("PLATFORM_LOAD_SECONDS", 15)),
                Setting("PLATFORM_LOAD_ROUNDS", 2),
                [
                    .. (Environment.GetEnvironmentVariable("PLATFORM_LOAD_GROW") ?? "100000,1000000")
                        .Split(',', StringSplitOptions.RemoveEmptyEntries)
                        .Select(int.Parse),
                ],
                [
                    .. (Environment.GetEnvironmentVariable("PLATFORM_LOAD_EVENT_RATES") ?? "500,200")
                        .Split(',', StringSplitOptions.RemoveEmptyEntries)
                        .Select(int.Parse),
                ],
                Environment.GetEnvironmentVariable("PLATFORM_CONFIGURATION") ?? "Release"
            );
            return await Load.LoadRun.RunAsync(Load.LoadTarget.Parse(args[2..]), loadOutput, settings);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchMain).Assembly).Run(args);
        return 0;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
