using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Platform.Testing;

/// <summary>
/// A streaming replica (hot standby) of the test Postgres server, made as <c>./platform replica</c> makes one:
/// <c>pg_basebackup -R -X stream</c>, then the server started read-only on a port of its own. Its replay can be paused
/// to show which reads go to it. Local servers only (it needs the machine's Postgres binaries beside the primary).
/// </summary>
public sealed class PostgresReplica : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string dir;
    private bool disposed;

    private PostgresReplica(string dir, int port)
    {
        this.dir = dir;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection to one database on the replica (read-only).</summary>
    public string Database(string name) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";

    public static PostgresReplica Start(TestServers servers)
    {
        if (servers.Mode != "local")
        {
            throw new InvalidOperationException($"A replica is made beside local test servers only (PLATFORM_TEST_INFRASTRUCTURE is {servers.Mode}).");
        }

        var primary = new NpgsqlConnectionStringBuilder(servers.PostgresServer);
        var folder = TestFolders.Create("pg-replica");
        var data = Path.Combine(folder, "data");
        var port = LocalServers.FreePort(32001, 32700);
        var replica = new PostgresReplica(folder, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => replica.Dispose();
        try
        {
            Run(
                "pg_basebackup",
                "-h",
                primary.Host!,
                "-p",
                primary.Port.ToString(CultureInfo.InvariantCulture),
                "-U",
                "postgres",
                "-D",
                data,
                "-R",
                "-X",
                "stream",
                "-c",
                "fast"
            );
            Run(
                "pg_ctl",
                "-D",
                data,
                "-l",
                Path.Combine(data, "server.log"),
                "-w",
                "-t",
                "60",
                "-o",
                $"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c hot_standby=on -c max_connections=400 -c fsync=off",
                "start"
            );
            return replica;
        }
        catch (InvalidOperationException ex)
        {
            var log = Path.Combine(data, "server.log");
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no server log)";
            replica.Dispose();
            throw new InvalidOperationException($"{ex.Message}\n{tail}", ex);
        }
    }

    /// <summary>Stops applying what the primary streams (reads then see the state of this moment) until <see cref="ResumeAsync"/>.</summary>
    public Task PauseAsync() => ExecuteAsync("SELECT pg_wal_replay_pause()");

    public Task ResumeAsync() => ExecuteAsync("SELECT pg_wal_replay_resume()");

    public async Task<bool> IsInRecoveryAsync()
    {
        await using var connection = new NpgsqlConnection(Database("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        var data = Path.Combine(dir, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                Run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        TestFolders.Delete(dir);
    }

    private static void Run(string tool, params string[] arguments)
    {
        // Postgres refuses to run as root: as root, its tools run as the postgres user.
        var asRoot = Environment.UserName == "root";
        var info = asRoot
            ? new ProcessStartInfo("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", $"{Bin}/{tool}", .. arguments])
            : new ProcessStartInfo($"{Bin}/{tool}", arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {output.Result}\n{error.Result}");
        }
    }
}
