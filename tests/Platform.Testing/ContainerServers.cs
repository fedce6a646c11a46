using System.Net.Sockets;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Testcontainers.Redis;

namespace Platform.Testing;

/// <summary>The servers as containers, where a container engine answers and images can be pulled.</summary>
internal static class ContainerServers
{
    private const string DockerSocket = "/var/run/docker.sock";

    public static async Task<bool> EngineAnswersAsync()
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 })
        {
            return true;
        }

        if (!File.Exists(DockerSocket))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(DockerSocket), timeout.Token);
            await socket.SendAsync("GET /_ping HTTP/1.0\r\n\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await socket.ReceiveAsync(buffer, timeout.Token);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public static async Task<TestServers> StartAsync()
    {
        var postgres = new PostgreSqlBuilder("postgis/postgis:17-3.5").WithUsername("postgres").WithPassword("postgres").Build();
        var redis = new RedisBuilder("redis:7.4").Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3.13").WithUsername("guest").WithPassword("guest").Build();
        await Task.WhenAll(postgres.StartAsync(), redis.StartAsync(), rabbit.StartAsync());

        var postgresServer = $"Host={postgres.Hostname};Port={postgres.GetMappedPublicPort(5432)};Username=postgres;Password=postgres";
        // Testcontainers' resource reaper removes the containers when the test process ends.
        return new TestServers(postgresServer, redis.GetConnectionString(), rabbit.GetConnectionString(), "containers");
    }
}
