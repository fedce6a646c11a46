using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>
/// The warnings and errors of the services hosted in a test process, in one file per test project, started afresh by each
/// process (<c>artifacts/test-results/&lt;project&gt;.services.log</c> under <c>./platform test</c>): what a host logs is not part
/// of a test's output, yet it is what explains a failure that only a background worker saw (the outbox relay backing off,
/// a consumer's exception). <c>./platform test</c> prints the end of the file when the project fails. The host's own
/// entries are kept in <see cref="Entries"/> too, for a test that checks a service logged no warning.
/// </summary>
public sealed class ServiceLogFile : ILoggerProvider
{
    private static readonly Lazy<StreamWriter> Writer = new(Open);
    private static readonly Lock Gate = new();
    private readonly string host;
    private readonly System.Collections.Concurrent.ConcurrentQueue<LoggedEntry> entries = new();

    /// <summary>Every warning and error this host logged so far, oldest first.</summary>
    public IReadOnlyCollection<LoggedEntry> Entries => entries;

    /// <param name="host">The host's name in each line (its database's name tells the hosts of one process apart).</param>
    public ServiceLogFile(string host) => this.host = host;

    /// <summary>Where this process writes: <c>PLATFORM_TEST_SERVICE_LOG</c> when set, else beside the test results.</summary>
    public static string FilePath =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_SERVICE_LOG") is { Length: > 0 } path
            ? path
            : Path.Combine(
                Repository.Root,
                "artifacts",
                "test-results",
                $"{Assembly.GetEntryAssembly()?.GetName().Name ?? "tests"}-{Environment.ProcessId}.services.log"
            );

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private static StreamWriter Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        return new StreamWriter(new FileStream(FilePath, FileMode.Create, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    private sealed class Logger(ServiceLogFile file, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            file.entries.Enqueue(new LoggedEntry(logLevel, category, message, exception));
            var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {file.host} {logLevel.ToString().ToUpperInvariant()[..4]} {category}: {message}";
            lock (Gate)
            {
                Writer.Value.WriteLine(line);
                if (exception is not null)
                {
                    // The exception's own lines, without the frames of the framework's plumbing.
                    Writer.Value.WriteLine(
                        string.Join(
                            '\n',
                            exception.ToString().Split('\n').Where(l => !l.TrimStart().StartsWith("at System.", StringComparison.Ordinal)).Take(30)
                        )
                    );
                }
            }
        }
    }
}

/// <summary>One warning or error a hosted service logged.</summary>
public sealed record LoggedEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    /// <summary>From EF Core or MassTransit: a failed statement, a retried or faulted message.</summary>
    public bool FromDatabaseOrBroker =>
        Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || Category.StartsWith("MassTransit", StringComparison.Ordinal);

    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : $" ({Exception.GetType().Name}: {Exception.Message})")}";
}
