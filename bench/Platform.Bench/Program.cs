using BenchmarkDotNet.Running;

namespace Platform.Bench;

/// <summary>./platform bench runs this in Release and writes the results, with the machine's description, to bench/results/.</summary>
public static class BenchMain
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchMain).Assembly).Run(args);
}
