using System.Text.Json;
using RabbitMQ.Client;

namespace Platform.Testing;

/// <summary>
/// Listens on the broker, beside the services, for events of one contract type: a private queue bound to the
/// type's exchange (MassTransit names it <c>Namespace:Type</c>). What it receives really left the service.
/// </summary>
public sealed class PublishedEvents : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly string queue;

    private PublishedEvents(IConnection connection, IChannel channel, string queue)
    {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    public static async Task<PublishedEvents> ListenAsync<TEvent>(string amqpUri)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var exchange = $"{typeof(TEvent).Namespace}:{typeof(TEvent).Name}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var declared = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(declared.QueueName, exchange, "");
        return new PublishedEvents(connection, channel, declared.QueueName);
    }

    /// <summary>Reads a queue that exists on the broker (a subscriber's, an error queue): what is taken is removed.</summary>
    public static async Task<PublishedEvents> OpenQueueAsync(string amqpUri, string queue)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclarePassiveAsync(queue);
        return new PublishedEvents(connection, channel, queue);
    }

    /// <summary>
    /// The MassTransit envelope of the first event whose <c>message</c> satisfies <paramref name="match"/>;
    /// others are skipped.
    /// </summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null) =>
        await Eventually.GetAsync<object>(
            async () =>
            {
                var delivery = await channel.BasicGetAsync(queue, autoAck: true);
                if (delivery is null)
                {
                    return null;
                }

                var envelope = JsonSerializer.Deserialize<JsonElement>(delivery.Body.Span);
                return match(envelope.GetProperty("message")) ? envelope : null;
            },
            "a matching event on the broker",
            timeout
        )
            is JsonElement found
            ? found
            : default;

    /// <summary>Every event waiting in the queue now.</summary>
    public async Task<IReadOnlyList<JsonElement>> DrainAsync()
    {
        var envelopes = new List<JsonElement>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
        {
            envelopes.Add(JsonSerializer.Deserialize<JsonElement>(delivery.Body.Span));
        }

        return envelopes;
    }

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }
}
