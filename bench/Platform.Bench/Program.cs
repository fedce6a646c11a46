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

        BenchmarkSwitcher.FromAssembly(typeof(BenchMain).Assembly).Run(args);
        return 0;
    }
}
