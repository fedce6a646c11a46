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
    private readonly List<JsonElement> unmatched = [];

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
    /// The MassTransit envelope of the first event, in the order they reached the queue, whose <c>message</c> satisfies
    /// <paramref name="match"/>. Events that do not match are kept for the next call, never dropped: the outbox relay
    /// publishes a round's rows together, so two changes saved moments apart may arrive in either order.
    /// </summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        bool Matches(JsonElement envelope) => match(envelope.GetProperty("message"));

        var kept = unmatched.FindIndex(e => Matches(e));
        if (kept >= 0)
        {
            var earlier = unmatched[kept];
            unmatched.RemoveAt(kept);
            return earlier;
        }

        try
        {
            return
                await Eventually.GetAsync<object>(
                    async () =>
                    {
                        var delivery = await channel.BasicGetAsync(queue, autoAck: true);
                        if (delivery is null)
                        {
                            return null;
                        }

                        var envelope = JsonSerializer.Deserialize<JsonElement>(delivery.Body.Span);
                        if (Matches(envelope))
                        {
                            return envelope;
                        }

                        unmatched.Add(envelope);
                        return null;
                    },
                    "a matching event on the broker",
                    timeout
                )
                    is JsonElement found
                ? found
                : default;
        }
        catch (TimeoutException timedOut)
        {
            // What did arrive, so a failure tells a missing event from a different one.
            var seen = string.Join("; ", unmatched.Select(e => e.GetProperty("message").GetRawText()).TakeLast(5));
            throw new TimeoutException($"{timedOut.Message} {unmatched.Count} other event(s) arrived meanwhile; the latest (at most five): [{seen}]", timedOut);
        }
    }

    /// <summary>Every event waiting now: those earlier calls passed over, then the queue's.</summary>
    public async Task<IReadOnlyList<JsonElement>> DrainAsync()
    {
        var envelopes = new List<JsonElement>(unmatched);
        unmatched.Clear();
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
