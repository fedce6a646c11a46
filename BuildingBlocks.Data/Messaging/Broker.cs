using System.Globalization;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>How a service's queues are declared on the broker.</summary>
public enum QueueType
{
    /// <summary>RabbitMQ's classic queues: one node holds each queue (a single broker, development, tests).</summary>
    Classic,

    /// <summary>Raft-replicated queues: a majority of the cluster's nodes holds every message (a production cluster).</summary>
    Quorum,
}

/// <summary>
/// Where the broker is and how queues live on it, from configuration:
/// <list type="bullet">
/// <item><c>ConnectionStrings:rabbitmq</c>: <c>amqp://user:password@host:port/vhost</c> (credentials, virtual host and the first node);</item>
/// <item><c>Platform:Messaging:Nodes</c>: the cluster's nodes as <c>host:port</c>, separated by commas (the connection string's host when absent);
/// a client connects to the first that answers and moves to another when its node goes away;</item>
/// <item><c>Platform:Messaging:QueueType</c>: <c>classic</c> (default) or <c>quorum</c>, with <c>Platform:Messaging:QuorumReplicas</c> (default 3).</item>
/// </list>
/// An existing classic queue cannot become a quorum queue in place: <c>deploy/rabbitmq/migrate-to-quorum.sh</c> drains and re-creates them.
/// </summary>
public sealed record Broker(Uri Address, IReadOnlyList<AmqpTcpEndpoint> Nodes, QueueType QueueType, int QuorumReplicas)
{
    public const int DefaultPort = 5672;

    public string UserName => Credentials is [var user, _] ? user : "guest";

    public string Password => Credentials is [_, var password] ? password : "guest";

    public string VirtualHost => Address.AbsolutePath is "" or "/" ? "/" : Uri.UnescapeDataString(Address.AbsolutePath.TrimStart('/'));

    private string[] Credentials => Uri.UnescapeDataString(Address.UserInfo).Split(':', 2);

    /// <summary>The arguments every queue of the suite is declared with (a queue's type cannot change once declared).</summary>
    public IDictionary<string, object?> QueueArguments =>
        QueueType == QueueType.Quorum
            ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum", ["x-quorum-initial-group-size"] = QuorumReplicas }
            : new Dictionary<string, object?>();

    public static Broker From(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ResourceNames.RabbitMq);
        if (string.IsNullOrWhiteSpace(connectionString) || !Uri.TryCreate(connectionString, UriKind.Absolute, out var address) || address.Scheme != "amqp")
        {
            throw new InvalidOperationException(
                $"Connection string '{ResourceNames.RabbitMq}' is missing or not an amqp:// address: the AppHost or "
                    + "configuration must give the broker's address."
            );
        }

        var nodes = (configuration["Platform:Messaging:Nodes"] ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Node)
            .ToList();
        if (nodes.Count == 0)
        {
            nodes.Add(new AmqpTcpEndpoint(address.Host, address.IsDefaultPort || address.Port < 0 ? DefaultPort : address.Port));
        }

        var typeSetting = configuration["Platform:Messaging:QueueType"] ?? nameof(QueueType.Classic);
        if (!Enum.TryParse<QueueType>(typeSetting, ignoreCase: true, out var queueType) || !Enum.IsDefined(queueType))
        {
            throw new InvalidOperationException($"Platform:Messaging:QueueType is '{typeSetting}'; use classic or quorum.");
        }

        var replicas = configuration.GetValue("Platform:Messaging:QuorumReplicas", 3);
        if (replicas < 1)
        {
            throw new InvalidOperationException(
                $"Platform:Messaging:QuorumReplicas is {replicas}; a quorum queue needs at least one replica (3 or 5 in a cluster)."
            );
        }

        return new Broker(address, nodes, queueType, replicas);
    }

    /// <summary>A connection of the RabbitMQ client to the first node that answers (topology, dead letters).</summary>
    public Task<IConnection> ConnectAsync(string clientName, CancellationToken cancellationToken) =>
        new ConnectionFactory
        {
            UserName = UserName,
            Password = Password,
            VirtualHost = VirtualHost,
            ClientProvidedName = clientName,
        }.CreateConnectionAsync(Nodes, cancellationToken);

    private static AmqpTcpEndpoint Node(string node)
    {
        var colon = node.LastIndexOf(':');
        if (colon < 0)
        {
            return new AmqpTcpEndpoint(node, DefaultPort);
        }

        return int.TryParse(node[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? new AmqpTcpEndpoint(node[..colon], port)
            : throw new InvalidOperationException($"Platform:Messaging:Nodes has '{node}'; write each node as host:port.");
    }
}
