namespace Platform.BuildingBlocks.Time;

/// <summary>
/// How long a background worker waits after its rounds fail in a row (a database or broker away): 1 s doubling to
/// 30 s, never less than its usual pause; one success puts it back to the usual pause. Keeps the logs and the
/// servers quiet during an outage, and the worker picks up within half a minute of the server's return.
/// </summary>
public struct FailureBackoff
{
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    /// <summary>Failed rounds in a row.</summary>
    public int Failures { get; private set; }

    public void Succeeded() => Failures = 0;

    /// <summary>Counts a failure and says how long to wait before the next round.</summary>
    public TimeSpan Failed(TimeSpan usual)
    {
        Failures++;
        var wait = TimeSpan.FromSeconds(Math.Min(Longest.TotalSeconds, Math.Pow(2, Math.Min(Failures - 1, 5))));
        return wait > usual ? wait : usual;
    }
}
