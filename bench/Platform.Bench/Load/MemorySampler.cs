using System.Globalization;

namespace Platform.Bench.Load;

/// <summary>Each named process's resident memory (VmRSS from /proc), sampled every second: the peak and the latest.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly string[] names;
    private readonly Dictionary<string, long> peaks = [];
    private readonly Dictionary<string, long> latest = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    private MemorySampler(string[] names)
    {
        this.names = names;
        sampling = Task.Run(LoopAsync);
    }

    public static MemorySampler Start(string[] names) => new(names);

    public IReadOnlyDictionary<string, long> Peaks()
    {
        lock (peaks)
        {
            return new Dictionary<string, long>(peaks);
        }
    }

    public IReadOnlyDictionary<string, long> Current()
    {
        Sample();
        lock (peaks)
        {
            return new Dictionary<string, long>(latest);
        }
    }

    private async Task LoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Sample();
            await Task.Delay(1000, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void Sample()
    {
        var now = new Dictionary<string, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var executable = Path.GetFileName(File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0')[0]);
                if (!names.Contains(executable))
                {
                    continue;
                }

                var rss = File.ReadLines(Path.Combine(dir, "status")).First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                var kib = long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                // Several instances of one service (a rehearsal) count as their largest.
                now[executable] = Math.Max(now.GetValueOrDefault(executable), kib * 1024);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // A process that ended meanwhile.
            }
        }

        lock (peaks)
        {
            latest.Clear();
            foreach (var (name, bytes) in now)
            {
                latest[name] = bytes;
                peaks[name] = Math.Max(peaks.GetValueOrDefault(name), bytes);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
