namespace Platform.Testing;

/// <summary>
/// The real servers a test process uses: Postgres with PostGIS, Redis and RabbitMQ. One set per test process,
/// started on first use and stopped when the process exits.
/// <list type="bullet">
/// <item><c>PLATFORM_TEST_INFRASTRUCTURE=containers</c>: Testcontainers (needs an engine and image access).</item>
/// <item><c>local</c>: processes of the machine's own server binaries, in a temp folder, on free ports.</item>
/// <item><c>external</c>: the servers named by <c>PLATFORM_TEST_POSTGRES</c>, <c>PLATFORM_TEST_REDIS</c>, <c>PLATFORM_TEST_RABBITMQ</c>.</item>
/// <item><c>auto</c> (default): containers when an engine answers, local otherwise.</item>
/// </list>
/// </summary>
public sealed class TestServers
{
    private static readonly Lazy<Task<TestServers>> Shared = new(StartAsync);

    internal TestServers(string postgres, string redis, string rabbitMq, string mode)
    {
        PostgresServer = postgres;
        Redis = redis;
        RabbitMq = rabbitMq;
        Mode = mode;
    }

    /// <summary>Npgsql connection string of the server, without a database.</summary>
    public string PostgresServer { get; }

    /// <summary>StackExchange.Redis configuration string.</summary>
    public string Redis { get; }

    /// <summary>amqp:// URI of the broker.</summary>
    public string RabbitMq { get; }

    public string Mode { get; }

    public static Task<TestServers> GetAsync() => Shared.Value;

    public string Database(string name) => $"{PostgresServer};Database={name}";

    private static async Task<TestServers> StartAsync()
    {
        var mode = (Environment.GetEnvironmentVariable("PLATFORM_TEST_INFRASTRUCTURE") ?? "auto").Trim().ToLowerInvariant();
        if (mode == "auto")
        {
            mode = await ContainerServers.EngineAnswersAsync() ? "containers" : "local";
        }

        TestServers servers = mode switch
        {
            "local" => await LocalServers.StartAsync(),
            "containers" => await ContainerServers.StartAsync(),
            "external" => new TestServers(Required("PLATFORM_TEST_POSTGRES"), Required("PLATFORM_TEST_REDIS"), Required("PLATFORM_TEST_RABBITMQ"), "external"),
            _ => throw new InvalidOperationException($"PLATFORM_TEST_INFRASTRUCTURE is '{mode}'; use auto, containers, local or external."),
        };
        return servers;
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} must be set when PLATFORM_TEST_INFRASTRUCTURE=external.");
}
