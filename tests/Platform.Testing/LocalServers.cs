using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;

namespace Platform.Testing;

/// <summary>
/// Postgres (with PostGIS), Redis and RabbitMQ as plain processes of the machine's Debian packages, in a
/// folder under <c>/tmp/platform-tests</c>, on free loopback ports. The folder records the owner's pid and
/// every server's pid; servers are stopped when the test process exits, and anything an interrupted run left
/// behind is stopped (by those recorded pids, never by name) and removed at the next start.
/// </summary>
internal static partial class LocalServers
{
    private const string PostgresBin = "/usr/lib/postgresql/15/bin";
    private const string RabbitMqServer = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string PidsFile = "servers.pids";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    public static async Task<TestServers> StartAsync()
    {
        var dir = TestFolders.Create("run");

        var run = new Run(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => run.Stop();
        try
        {
            var postgres = run.StartPostgresAsync();
            var redis = run.StartRedisAsync();
            var rabbit = run.StartRabbitMqAsync();
            await Task.WhenAll(postgres, redis, rabbit);
            return new TestServers(await postgres, await redis, await rabbit, "local");
        }
        catch
        {
            run.Stop();
            throw;
        }
    }

    /// <summary>Stops the servers of runs whose owner process is gone, and removes their folders.</summary>
    public static void CleanStale()
    {
        if (!Directory.Exists(TestFolders.Root))
        {
            return;
        }

        foreach (var dir in Directory.GetDirectories(TestFolders.Root))
        {
            var ownerFile = Path.Combine(dir, TestFolders.OwnerFile);
            if (File.Exists(ownerFile) && int.TryParse(File.ReadAllText(ownerFile).Trim(), out var owner) && IsAlive(owner))
            {
                continue;
            }

            new Run(dir).Stop();
        }
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    /// <summary>
    /// A free loopback port, anywhere or within [from, to). A server that binds seconds after its port is chosen (Postgres
    /// after initdb, RabbitMQ at the end of its boot) gets one below Linux's ephemeral range (32768 up): there an
    /// outgoing connection can take the port in between (seen: RabbitMQ failing with eaddrinuse).
    /// </summary>
    internal static int FreePort(int from = 0, int to = 0)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, from == 0 ? 0 : Random.Shared.Next(from, to));
                listener.Start();
                return ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            catch (SocketException)
            {
                // Taken; try another.
            }
        }

        throw new InvalidOperationException("No free loopback port.");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private sealed class Run(string dir)
    {
        private const int SigKill = 9;
        private readonly Lock pidsLock = new();
        private bool stopped;

        private static bool IsRoot => Environment.UserName == "root";

        public async Task<string> StartPostgresAsync()
        {
            var data = Path.Combine(dir, "pg");
            var port = FreePort(32001, 32700);
            await RunToEndAsync(
                "initdb",
                AsPostgres($"{PostgresBin}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
            );
            var process = Start(
                "postgres",
                AsPostgres(
                    $"{PostgresBin}/postgres",
                    "-D",
                    data,
                    "-k",
                    dir,
                    "-p",
                    port.ToString(CultureInfo.InvariantCulture),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off",
                    "-c",
                    "max_connections=300"
                )
            );
            var connection = $"Host=127.0.0.1;Port={port};Username=postgres;Pooling=false";
            await WaitUntilAsync("postgres", process, async ct =>
            {
                try
                {
                    await using var c = new NpgsqlConnection(connection);
                    await c.OpenAsync(ct);
                    return true;
                }
                catch (NpgsqlException)
                {
                    return false;
                }
            });
            return $"Host=127.0.0.1;Port={port};Username=postgres";
        }

        public async Task<string> StartRedisAsync()
        {
            var data = Path.Combine(dir, "redis");
            Directory.CreateDirectory(data);
            var port = FreePort();
            var process = Start(
                "redis",
                [
                    "redis-server",
                    "--port",
                    port.ToString(CultureInfo.InvariantCulture),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    data,
                ]
            );
            await WaitUntilAsync("redis", process, ct => ExchangeAsync(port, "PING\r\n"u8.ToArray(), r => r.StartsWith("+PONG", StringComparison.Ordinal), ct));
            return $"127.0.0.1:{port}";
        }

        public async Task<string> StartRabbitMqAsync()
        {
            var data = Path.Combine(dir, "rabbitmq");
            Directory.CreateDirectory(data);
            File.WriteAllText(Path.Combine(data, "enabled_plugins"), "[].\n");
            File.WriteAllText(Path.Combine(data, "rabbitmq.conf"), "loopback_users = none\n");
            var port = FreePort(30001, 32000);
            var epmdPort = FreePort(20000, 30000).ToString(CultureInfo.InvariantCulture);
            Start("epmd", ["epmd", "-port", epmdPort, "-address", "127.0.0.1"]);
            var environment = new Dictionary<string, string>
            {
                ["HOME"] = data,
                ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false",
                ["RABBITMQ_CONF_ENV_FILE"] = "/dev/null",
                ["RABBITMQ_NODENAME"] = $"test{Environment.ProcessId}@localhost",
                ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture),
                ["RABBITMQ_DIST_PORT"] = FreePort(22001, 24000).ToString(CultureInfo.InvariantCulture),
                ["ERL_EPMD_PORT"] = epmdPort,
                ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_MNESIA_BASE"] = Path.Combine(data, "mnesia"),
                ["RABBITMQ_LOG_BASE"] = Path.Combine(data, "log"),
                ["RABBITMQ_LOGS"] = "-",
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(data, "enabled_plugins"),
                ["RABBITMQ_CONFIG_FILE"] = Path.Combine(data, "rabbitmq"),
                ["RABBITMQ_PID_FILE"] = Path.Combine(data, "rabbitmq.pid"),
            };
            var process = Start("rabbitmq", [RabbitMqServer], environment);
            // The AMQP port opens only at the end of boot; a Connection.Start frame (type 1) means ready.
            await WaitUntilAsync("rabbitmq", process, ct => ExchangeAsync(port, "AMQP\0\0\x09\x01"u8.ToArray(), r => r.Length > 0 && r[0] == '\x01', ct));
            return $"amqp://guest:guest@127.0.0.1:{port}/";
        }

        /// <summary>Stops every recorded server (TERM, then KILL after a grace period) and removes the folder.</summary>
        public void Stop()
        {
            lock (pidsLock)
            {
                if (stopped)
                {
                    return;
                }

                stopped = true;
            }

            // Throwaway servers: no graceful shutdown to wait for, and the test host may be ended soon after exit.
            var pids = RecordedPids();
            foreach (var pid in pids)
            {
                _ = Kill(pid, SigKill);
            }

            SpinWait.SpinUntil(() => !pids.Any(IsAlive), TimeSpan.FromSeconds(5));

            TestFolders.Delete(dir);
        }

        private List<int> RecordedPids()
        {
            var file = Path.Combine(dir, PidsFile);
            var pids = new List<int>();
            if (File.Exists(file))
            {
                foreach (var line in File.ReadAllLines(file))
                {
                    var parts = line.Split(' ', 2);
                    // Only a process still running the binary recorded for it: a recycled pid is left alone.
                    if (
                        int.TryParse(parts[0], out var pid)
                        && parts.Length == 2
                        && IsAlive(pid)
                        && CommandLineOf(pid).Contains(parts[1], StringComparison.Ordinal)
                    )
                    {
                        pids.Add(pid);
                    }
                }
            }

            // The servers' own records: Postgres's postmaster and RabbitMQ's Erlang VM (its start script only waits on it).
            foreach (
                var (pidFile, binary) in new[]
                {
                    (Path.Combine(dir, "pg", "postmaster.pid"), "postgres"),
                    (Path.Combine(dir, "rabbitmq", "rabbitmq.pid"), "beam"),
                }
            )
            {
                if (
                    File.Exists(pidFile)
                    && int.TryParse(File.ReadLines(pidFile).FirstOrDefault()?.Trim(), out var pid)
                    && IsAlive(pid)
                    && !pids.Contains(pid)
                    && CommandLineOf(pid).Contains(binary, StringComparison.Ordinal)
                )
                {
                    pids.Add(pid);
                }
            }

            return pids;
        }

        private static string CommandLineOf(int pid)
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            }
            catch (IOException)
            {
                return "";
            }
        }

        private static string[] AsPostgres(params string[] command) =>
            IsRoot ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", .. command] : command;

        private Process Start(string name, string[] command, Dictionary<string, string>? environment = null)
        {
            // exec keeps the pid: the pid recorded is the server's own.
            var info = new ProcessStartInfo("/bin/sh", ["-c", $"exec {Quote(command)} >>{Quote([Path.Combine(dir, name + ".log")])} 2>&1"])
            {
                UseShellExecute = false,
                WorkingDirectory = dir,
            };
            foreach (var (key, value) in environment ?? [])
            {
                info.Environment[key] = value;
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {name}.");
            lock (pidsLock)
            {
                File.AppendAllText(
                    Path.Combine(dir, PidsFile),
                    $"{process.Id} {Path.GetFileName(command.First(c => !c.StartsWith("--", StringComparison.Ordinal) && c != "setpriv"))}\n"
                );
            }

            return process;
        }

        private async Task RunToEndAsync(string name, string[] command)
        {
            using var process = Start(name, command);
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{name} failed with exit code {process.ExitCode}:\n{LogTail(name)}");
            }
        }

        private async Task WaitUntilAsync(string name, Process process, Func<CancellationToken, Task<bool>> ready)
        {
            var deadline = DateTime.UtcNow + StartTimeout;
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{name} exited with code {process.ExitCode} while starting:\n{LogTail(name)}");
                }

                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                if (await ready(attempt.Token))
                {
                    return;
                }

                await Task.Delay(200);
            }

            throw new TimeoutException($"{name} did not become ready within {StartTimeout.TotalSeconds} s:\n{LogTail(name)}");
        }

        private string LogTail(string name)
        {
            var log = Path.Combine(dir, name + ".log");
            return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(30)) : "(no log)";
        }

        private static async Task<bool> ExchangeAsync(int port, byte[] send, Func<string, bool> isReady, CancellationToken ct)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, ct);
                var stream = client.GetStream();
                await stream.WriteAsync(send, ct);
                var buffer = new byte[64];
                var read = await stream.ReadAsync(buffer, ct);
                return isReady(Encoding.Latin1.GetString(buffer, 0, read));
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
            {
                return false;
            }
        }

        private static string Quote(IEnumerable<string> parts) =>
            string.Join(' ', parts.Select(p => "'" + p.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
    }
}
