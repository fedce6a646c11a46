using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Platform.AppHost.Infrastructure.Local;

/// <summary>Readiness probes, so that WaitFor means "answers", not "process started".</summary>
internal static class Probes
{
    public static async Task<HealthCheckResult> PostgresAsync(ReferenceExpression connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(await connectionString.GetValueAsync(ct));
            await connection.OpenAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }

    /// <summary>Redis answers PING with +PONG.</summary>
    public static Task<HealthCheckResult> RedisAsync(EndpointReference endpoint, CancellationToken ct) =>
        ExchangeAsync(endpoint, "PING\r\n"u8.ToArray(), reply => reply.StartsWith("+PONG", StringComparison.Ordinal), ct);

    /// <summary>A RabbitMQ node answers the AMQP 0-9-1 protocol header with a Connection.Start method frame (type 1).</summary>
    public static Task<HealthCheckResult> RabbitMqAsync(EndpointReference endpoint, CancellationToken ct) =>
        ExchangeAsync(endpoint, "AMQP\0\0\x09\x01"u8.ToArray(), reply => reply.Length > 0 && reply[0] == '\x01', ct);

    private static async Task<HealthCheckResult> ExchangeAsync(EndpointReference endpoint, byte[] send, Func<string, bool> isReady, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(send, timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var reply = Encoding.Latin1.GetString(buffer, 0, read);
            return isReady(reply) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"Unexpected reply '{reply}'.");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
