using System.Diagnostics;
using System.Globalization;

namespace Platform.Testing;

/// <summary>
/// A RabbitMQ cluster of real nodes on this machine (the Debian package's server), for tests of what a production
/// broker does: one Erlang cookie and one epmd, a node name and loopback ports per node, the others joined to the
/// first. The nodes' pids are recorded in the folder's <c>servers.pids</c>, so an interrupted run's nodes are
/// stopped by the next one (<see cref="LocalServers.CleanStale"/>, <c>./platform test</c>).
/// </summary>
public sealed class RabbitMqCluster : IAsyncDisposable
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string Ctl = "/usr/lib/rabbitmq/bin/rabbitmqctl";
    private readonly string dir;
    private readonly string epmdPort;
    private readonly Dictionary<string, Process> processes = [];
    private bool disposed;

    private RabbitMqCluster(string dir, string epmdPort, IReadOnlyList<Node> nodes)
    {
        this.dir = dir;
        this.epmdPort = epmdPort;
        Nodes = nodes;
    }

    public sealed record Node(string Name, int Port);

    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>The cluster's nodes as the services' <c>Platform:Messaging:Nodes</c> setting takes them.</summary>
    public string NodeList => string.Join(',', Nodes.Select(n => $"127.0.0.1:{n.Port}"));

    /// <summary>An amqp:// address of a node (credentials and virtual host for the services' connection string).</summary>
    public string Address(Node node) => $"amqp://guest:guest@127.0.0.1:{node.Port}/";

    /// <summary>
    /// Starts the nodes and joins them. A node that exits while starting is started again with the whole cluster, on
    /// fresh ports, up to twice: ports are picked free but not held, so another server can take one before the node
    /// binds it (seen once in CI: a node gone before it registered).
    /// </summary>
    public static async Task<RabbitMqCluster> StartAsync(int size = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(size);
            }
            catch (NodeExitedException) when (attempt < 3)
            {
                // Again, on fresh ports and a fresh folder.
            }
        }
    }

    private static async Task<RabbitMqCluster> StartOnceAsync(int size)
    {
        var dir = TestFolders.Create("rabbitmq-cluster");
        var epmdPort = LocalServers.FreePort(24000, 26000).ToString(CultureInfo.InvariantCulture);
        // Named apart from any other cluster this test process runs at the same time.
        var tag = Random.Shared.Next(1000, 10000);
        var nodes = Enumerable
            .Range(1, size)
            .Select(i => new Node($"cluster{i}-{Environment.ProcessId}-{tag}@localhost", LocalServers.FreePort(26001, 28000)))
            .ToList();
        var cluster = new RabbitMqCluster(dir, epmdPort, nodes);
        try
        {
            // One cookie for every node and for rabbitmqctl (all find it in HOME).
            var cookie = Path.Combine(dir, ".erlang.cookie");
            await File.WriteAllTextAsync(cookie, $"PLATFORMTEST{Guid.NewGuid():N}".ToUpperInvariant());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
            }

            cluster.Start("epmd", "epmd", ["epmd", "-port", epmdPort, "-address", "127.0.0.1"], []);
            foreach (var node in nodes)
            {
                cluster.StartNode(node);
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            foreach (var node in nodes)
            {
                await cluster.AwaitStartupAsync(node);
                // The node's Erlang VM, for a later run's clean-up should this one be interrupted.
                File.AppendAllText(Path.Combine(dir, "servers.pids"), $"{File.ReadAllText(Path.Combine(dir, NodeFolder(node), "rabbitmq.pid")).Trim()} beam\n");
            }

            foreach (var node in nodes.Skip(1))
            {
                await cluster.CtlAsync(node, "stop_app");
                await cluster.CtlAsync(node, "join_cluster", nodes[0].Name);
                await cluster.CtlAsync(node, "start_app");
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// What an operator's script needs to reach a node with rabbitmqctl (its cookie's HOME, epmd's port, the node's
    /// name): the settings <c>deploy/rabbitmq/migrate-to-quorum.sh</c> reads.
    /// </summary>
    public IReadOnlyDictionary<string, string> ControlEnvironment(Node node) =>
        new Dictionary<string, string>(NodeEnvironment(node)) { ["RABBITMQCTL"] = Ctl, ["RABBITMQ_NODE"] = node.Name };

    /// <summary>The node that leads a quorum queue now (its Raft leader), asked of a running node.</summary>
    public async Task<Node> LeaderOfAsync(string queue, Node askWhom)
    {
        var listing = await CtlAsync(askWhom, "list_queues", "--quiet", "--no-table-headers", "name", "leader");
        var line = listing
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('\t', StringSplitOptions.TrimEntries))
            .FirstOrDefault(parts => parts.Length == 2 && parts[0] == queue)
            ?? throw new InvalidOperationException($"Queue {queue} is not on the cluster:\n{listing}");
        return Nodes.FirstOrDefault(n => n.Name == line[1])
            ?? throw new InvalidOperationException($"Queue {queue} has no leader among the nodes: '{line[1]}'.");
    }

    /// <summary>The queue's type as the broker holds it (<c>quorum</c>, <c>classic</c>).</summary>
    public async Task<string> TypeOfAsync(string queue, Node askWhom)
    {
        var listing = await CtlAsync(askWhom, "list_queues", "--quiet", "--no-table-headers", "name", "type");
        return listing
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('\t', StringSplitOptions.TrimEntries))
            .FirstOrDefault(parts => parts.Length == 2 && parts[0] == queue)
            ?[1]
            ?? "(none)";
    }

    /// <summary>Kills a node's Erlang VM outright (SIGKILL, as a crashed machine would go), and waits until it is gone.</summary>
    public async Task KillAsync(Node node)
    {
        var pidFile = Path.Combine(dir, NodeFolder(node), "rabbitmq.pid");
        var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), CultureInfo.InvariantCulture);
        using var beam = Process.GetProcessById(pid);
        beam.Kill();
        await beam.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var pid in RecordedPids())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TimeoutException)
            {
                // Already gone.
            }
        }

        foreach (var process in processes.Values)
        {
            process.Dispose();
        }

        TestFolders.Delete(dir);
    }

    private static string NodeFolder(Node node) => node.Name.Split('@')[0];

    private void StartNode(Node node)
    {
        var data = Path.Combine(dir, NodeFolder(node));
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(data, "rabbitmq.conf"), "loopback_users = none\n");
        Start(
            NodeFolder(node),
            Server,
            [Server],
            new Dictionary<string, string>(NodeEnvironment(node))
            {
                ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false",
                ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_NODE_PORT"] = node.Port.ToString(CultureInfo.InvariantCulture),
                ["RABBITMQ_DIST_PORT"] = LocalServers.FreePort(28001, 30000).ToString(CultureInfo.InvariantCulture),
                ["RABBITMQ_MNESIA_BASE"] = Path.Combine(data, "mnesia"),
                ["RABBITMQ_LOG_BASE"] = Path.Combine(data, "log"),
                ["RABBITMQ_LOGS"] = "-",
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(data, "enabled_plugins"),
                ["RABBITMQ_CONFIG_FILE"] = Path.Combine(data, "rabbitmq"),
                ["RABBITMQ_PID_FILE"] = Path.Combine(data, "rabbitmq.pid"),
            }
        );
    }

    private Dictionary<string, string> NodeEnvironment(Node node) =>
        new()
        {
            ["HOME"] = dir,
            ["RABBITMQ_CONF_ENV_FILE"] = "/dev/null",
            ["RABBITMQ_NODENAME"] = node.Name,
            ["ERL_EPMD_PORT"] = epmdPort,
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        };

    private async Task AwaitStartupAsync(Node node)
    {
        // await_startup fails at once while the node has not yet registered with epmd.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            try
            {
                await CtlAsync(node, "await_startup", "--timeout", "120");
                return;
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline && !processes[NodeFolder(node)].HasExited)
            {
                await Task.Delay(500);
            }
            catch (InvalidOperationException e) when (processes[NodeFolder(node)].HasExited)
            {
                var log = Path.Combine(dir, NodeFolder(node) + ".log");
                var text = File.Exists(log) ? await File.ReadAllTextAsync(log) : "(no log)";
                throw new NodeExitedException($"{node.Name} exited while starting; the end of its log:\n{text[Math.Max(0, text.Length - 3000)..]}", e);
            }
        }
    }

    private async Task<string> CtlAsync(Node node, params string[] arguments)
    {
        var info = new ProcessStartInfo(Ctl, ["-n", node.Name, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in NodeEnvironment(node))
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(150));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"rabbitmqctl -n {node.Name} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}"
            );
        }

        return await output;
    }

    private void Start(string name, string binary, string[] command, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(
            "/bin/sh",
            ["-c", $"exec {string.Join(' ', command.Select(c => $"'{c}'"))} >>'{Path.Combine(dir, name + ".log")}' 2>&1"]
        )
        {
            UseShellExecute = false,
            WorkingDirectory = dir,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {name}.");
        processes[name] = process;
        // The format LocalServers' clean-up reads: a pid and the binary it must still be running.
        File.AppendAllText(Path.Combine(dir, "servers.pids"), $"{process.Id} {Path.GetFileName(binary)}\n");
    }

    private List<int> RecordedPids()
    {
        var pids = new List<int>();
        foreach (var node in Nodes)
        {
            var pidFile = Path.Combine(dir, NodeFolder(node), "rabbitmq.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                pids.Add(pid);
            }
        }

        // The start scripts and epmd after the nodes' VMs.
        pids.AddRange(processes.Values.Where(p => !p.HasExited).Select(p => p.Id));
        return pids;
    }
}

/// <summary>A node's process ended before the node was up.</summary>
public sealed class NodeExitedException(string message, Exception inner) : Exception(message, inner);
