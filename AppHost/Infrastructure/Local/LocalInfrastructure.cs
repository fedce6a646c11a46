using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.AppHost.Infrastructure.Local;

/// <summary>
/// Postgres (with PostGIS), Redis and RabbitMQ as processes of the machine's Debian packages, each in its own
/// folder under the data folder (<c>Platform:DataDir</c>), on loopback ports chosen at start. Data survives a
/// restart; the orchestrator stops the processes with the AppHost. The services connect to the servers' own ports,
/// not through the orchestrator's proxy: relaying every query and message cost a fifth of a core under load and a
/// hop on each round trip (bench/results/load.md). Each port is fixed for the AppHost's life, so a server the
/// orchestrator restarts comes back where the services' connection strings point.
/// </summary>
public static class LocalInfrastructure
{
    private const string PostgresBin = "/usr/lib/postgresql/15/bin";
    private const string RabbitMqServer = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public static PlatformInfrastructure AddLocalInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var dataDir = PlatformSecrets.DataDir(builder);
        Directory.CreateDirectory(dataDir);

        var postgres = builder.AddLocalPostgres(dataDir);
        var databases = PlatformInfrastructureExtensions.DatabaseNames.ToDictionary(
            name => name,
            name => (IResourceBuilder<IResourceWithConnectionString>)builder.AddLocalDatabase(name, postgres)
        );
        var redis = builder.AddLocalRedis(dataDir);
        var rabbit = builder.AddLocalRabbitMq(dataDir);
        return new PlatformInfrastructure(databases, redis, rabbit);
    }

    private static IResourceBuilder<LocalServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string dataDir)
    {
        var pgData = Path.Combine(dataDir, "postgres");
        var asRoot = Environment.UserName == "root";

        // Postgres refuses to run as root: as root, the folder goes to the postgres user and the server runs as that user.
        var asPostgres = asRoot ? "setpriv --reuid=postgres --regid=postgres --init-groups " : "";
        var initScript =
            (asRoot ? $"mkdir -p '{pgData}' && chown postgres:postgres '{pgData}' && chmod 700 '{pgData}' && " : $"mkdir -p '{pgData}' && ")
            + $"if [ ! -f '{pgData}/PG_VERSION' ]; then {asPostgres}{PostgresBin}/initdb -D '{pgData}' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8; fi";
        var init = builder.AddExecutable($"{ResourceNames.Postgres}-init", "/bin/sh", dataDir, "-c", initScript);

        var server = new LocalServerResource(ResourceNames.Postgres, asRoot ? "setpriv" : $"{PostgresBin}/postgres", dataDir);
        string[] command = asRoot ? ["--reuid=postgres", "--regid=postgres", "--init-groups", $"{PostgresBin}/postgres"] : [];
        var postgresPort = FreePort(22001, 23000);
        var postgres = builder
            .AddResource(server)
            .WithArgs([
                .. command,
                "-D",
                pgData,
                "-k",
                pgData,
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "max_connections=300",
                // Statement statistics for finding where the time goes (CREATE EXTENSION pg_stat_statements in a database to read them).
                "-c",
                "shared_preload_libraries=pg_stat_statements",
            ])
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "PGPORT", port: postgresPort, targetPort: postgresPort, isProxied: false)
            .WaitForCompletion(init);
        var endpoint = postgres.GetEndpoint("tcp");
        server.ConnectionString = ReferenceExpression.Create(
            $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Username=postgres"
        );

        var check = $"{ResourceNames.Postgres}-ready";
        builder.Services.AddHealthChecks().AddAsyncCheck(check, ct => Probes.PostgresAsync(server.ConnectionString, ct));
        return postgres.WithHealthCheck(check);
    }

    private static IResourceBuilder<LocalDatabaseResource> AddLocalDatabase(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<LocalServerResource> server
    )
    {
        var database = builder
            .AddResource(new LocalDatabaseResource(name, server.Resource))
            .WithInitialState(
                new CustomResourceSnapshot
                {
                    ResourceType = "PostgresDatabase",
                    State = KnownResourceStates.Waiting,
                    Properties = [],
                }
            );

        // A database is ready when its server is: the service's migrations create it on first start.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (ready, _) =>
            await ready
                .Services.GetRequiredService<ResourceNotificationService>()
                .PublishUpdateAsync(database.Resource, s => s with { State = KnownResourceStates.Running })
        );
        return database;
    }

    private static IResourceBuilder<LocalServerResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string dataDir)
    {
        var redisDir = Path.Combine(dataDir, "redis");
        Directory.CreateDirectory(redisDir);
        var server = new LocalServerResource(ResourceNames.Redis, "redis-server", redisDir);
        var port = FreePort(23001, 24000);
        var redis = builder.AddResource(server).WithEndpoint(name: "tcp", scheme: "tcp", port: port, targetPort: port, isProxied: false);
        var endpoint = redis.GetEndpoint("tcp");
        redis.WithArgs(ctx =>
        {
            ctx.Args.Add("--port");
            ctx.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
            ctx.Args.Add("--bind");
            ctx.Args.Add("127.0.0.1");
            ctx.Args.Add("--dir");
            ctx.Args.Add(redisDir);
            ctx.Args.Add("--save");
            ctx.Args.Add("60 1");
            ctx.Args.Add("--appendonly");
            ctx.Args.Add("no");
            ctx.Args.Add("--pidfile");
            ctx.Args.Add(Path.Combine(redisDir, "redis.pid"));
        });
        server.ConnectionString = ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}");

        var check = $"{ResourceNames.Redis}-ready";
        builder.Services.AddHealthChecks().AddAsyncCheck(check, ct => Probes.RedisAsync(endpoint, ct));
        return redis.WithHealthCheck(check);
    }

    private static IResourceBuilder<LocalServerResource> AddLocalRabbitMq(this IDistributedApplicationBuilder builder, string dataDir)
    {
        var mqDir = Path.Combine(dataDir, "rabbitmq");
        Directory.CreateDirectory(mqDir);
        File.WriteAllText(Path.Combine(mqDir, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(mqDir, "rabbitmq.conf"), "loopback_users = none\n");

        // Its own epmd, run by the orchestrator: left to itself, rabbitmq-server starts a daemon epmd that outlives us.
        var epmdPort = FreePort(20000, 30000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var epmd = builder.AddExecutable($"{ResourceNames.RabbitMq}-epmd", "epmd", mqDir, "-port", epmdPort, "-address", "127.0.0.1");

        var server = new LocalServerResource(ResourceNames.RabbitMq, RabbitMqServer, mqDir);
        var amqpPort = FreePort(26001, 27000);
        var rabbit = builder
            .AddResource(server)
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "RABBITMQ_NODE_PORT", port: amqpPort, targetPort: amqpPort, isProxied: false)
            .WithEnvironment("HOME", mqDir)
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-start_epmd false")
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", "/dev/null")
            .WithEnvironment("RABBITMQ_NODENAME", "platform@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            // Below Linux's ephemeral range (32768 up), where an outgoing connection can take a port between our check and the
            // broker's bind; the CLI tools use dist+10000..+10010, which stays below it too.
            .WithEnvironment("RABBITMQ_DIST_PORT", FreePort(20001, 22000).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("ERL_EPMD_PORT", epmdPort)
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(mqDir, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(mqDir, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(mqDir, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(mqDir, "rabbitmq"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(mqDir, "rabbitmq.pid"))
            .WaitFor(epmd);
        var endpoint = rabbit.GetEndpoint("tcp");
        server.ConnectionString = ReferenceExpression.Create(
            $"amqp://guest:guest@{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}/"
        );

        var check = $"{ResourceNames.RabbitMq}-ready";
        builder.Services.AddHealthChecks().AddAsyncCheck(check, ct => Probes.RabbitMqAsync(endpoint, ct));
        return rabbit.WithHealthCheck(check);
    }

    private static readonly HashSet<int> Chosen = [];

    /// <summary>
    /// A free loopback port within a range below Linux's ephemeral range (32768 up), where an outgoing connection could
    /// take it before the server binds; never one chosen before in this AppHost.
    /// </summary>
    private static int FreePort(int from, int to)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(from, to);
            if (!Chosen.Add(port))
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken; try another.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {from} and {to}.");
    }
}
