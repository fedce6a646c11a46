using System.Text;
using System.Text.Json;
using Platform.Contracts;
using RabbitMQ.Client;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>A message a consumer gave up on, as it waits in the consumer's error queue.</summary>
/// <param name="MessageId">The event's id (which the outbox also sends as the message id); the transport's id for a message that is not an event.</param>
/// <param name="Queue">The consumer's queue it is sent back to on replay.</param>
/// <param name="MessageType">The contract it carries.</param>
/// <param name="ExceptionType">What the consumer threw.</param>
/// <param name="Reason">The exception's message: why it was given up on.</param>
/// <param name="FaultedAt">When it was moved to the error queue.</param>
public sealed record DeadLetter(string MessageId, string Queue, string? MessageType, string? ExceptionType, string? Reason, DateTimeOffset? FaultedAt);

/// <summary>
/// The error queues of this service's consumers (<c>{queue}_error</c>, where MassTransit moves a message whose
/// consumer failed after its retries, with the exception in its headers): listed for an operator, and a message
/// sent back to its queue after the cause is fixed. Messages looked at are returned to their queue untouched.
/// </summary>
public sealed class DeadLetters(Broker broker, string serviceName, string queuePrefix)
{
    /// <summary>How many messages one look goes through at most, per queue.</summary>
    public const int MaxScanned = 10_000;

    private static readonly string[] FaultHeaders = ["MT-Reason"];

    private IEnumerable<string> Queues => Subscriptions.All.Where(s => s.Service == serviceName).Select(s => $"{queuePrefix}-{s.Endpoint}");

    /// <summary>Up to <paramref name="limit"/> messages of every error queue, with how many there are in all.</summary>
    public async Task<(long Total, IReadOnlyList<DeadLetter> Letters)> ListAsync(int limit, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        var letters = new List<DeadLetter>();
        long total = 0;
        ulong lastTag = 0;
        foreach (var queue in Queues)
        {
            var errors = await DeclareErrorQueueAsync(channel, queue, ct);
            total += errors.MessageCount;
            while (letters.Count < limit && await channel.BasicGetAsync(errors.QueueName, autoAck: false, ct) is { } delivery)
            {
                lastTag = delivery.DeliveryTag;
                letters.Add(Read(queue, delivery));
            }
        }

        if (lastTag > 0)
        {
            // Everything looked at goes back where it was.
            await channel.BasicNackAsync(lastTag, multiple: true, requeue: true, ct);
        }

        return (total, letters);
    }

    /// <summary>Sends the message back to its consumer's queue; null when no error queue holds it.</summary>
    public async Task<DeadLetter?> ReplayAsync(string messageId, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            ct
        );
        try
        {
            foreach (var queue in Queues)
            {
                var errors = await DeclareErrorQueueAsync(channel, queue, ct);
                for (var scanned = 0; scanned < MaxScanned && await channel.BasicGetAsync(errors.QueueName, autoAck: false, ct) is { } delivery; scanned++)
                {
                    var letter = Read(queue, delivery);
                    if (letter.MessageId != messageId)
                    {
                        continue;
                    }

                    var properties = new BasicProperties(delivery.BasicProperties)
                    {
                        Headers = delivery
                            .BasicProperties.Headers?.Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && !FaultHeaders.Contains(h.Key))
                            .ToDictionary(h => h.Key, h => h.Value),
                    };
                    // Straight to the consumer's queue (the default exchange routes by queue name), confirmed before
                    // the copy in the error queue is removed: a crash in between leaves it in both, and the consumer's
                    // inbox takes it once.
                    await channel.BasicPublishAsync("", queue, mandatory: true, properties, delivery.Body, ct);
                    await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, ct);
                    return letter;
                }
            }

            return null;
        }
        finally
        {
            if (channel.IsOpen)
            {
                await channel.BasicNackAsync(0, multiple: true, requeue: true, ct);
            }
        }
    }

    private Task<IConnection> ConnectAsync(CancellationToken ct) => broker.ConnectAsync($"{serviceName}-dead-letters", ct);

    // Declared as MassTransit declares it, so looking at a queue that has never held anything is not an error.
    private Task<QueueDeclareOk> DeclareErrorQueueAsync(IChannel channel, string queue, CancellationToken ct) =>
        channel.QueueDeclareAsync($"{queue}_error", durable: true, exclusive: false, autoDelete: false, broker.QueueArguments, cancellationToken: ct);

    private static DeadLetter Read(string queue, BasicGetResult delivery)
    {
        var headers = delivery.BasicProperties.Headers;
        string? Header(string name) =>
            headers is not null && headers.TryGetValue(name, out var value)
                ? value switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    null => null,
                    _ => value.ToString(),
                }
                : null;

        var messageId = delivery.BasicProperties.MessageId;
        string? messageType = Header("MT-Fault-MessageType");
        try
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            // The event's own id first: the one the outbox and the consumers' inboxes know it by.
            if (
                envelope.RootElement.TryGetProperty("message", out var body)
                && body.ValueKind == JsonValueKind.Object
                && body.TryGetProperty("eventId", out var eventId)
                && eventId.ValueKind == JsonValueKind.String
            )
            {
                messageId = eventId.GetString();
            }

            messageId ??= envelope.RootElement.TryGetProperty("messageId", out var id) ? id.GetString() : null;
            if (envelope.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0)
            {
                messageType = types[0].GetString()?.Replace("urn:message:", "", StringComparison.Ordinal);
            }
        }
        catch (JsonException)
        {
            // A body that is not an envelope is listed all the same, by what the headers say.
        }

        return new DeadLetter(
            messageId ?? $"delivery-{delivery.DeliveryTag}",
            queue,
            messageType,
            Header("MT-Fault-ExceptionType"),
            Header("MT-Fault-Message"),
            DateTimeOffset.TryParse(
                Header("MT-Fault-Timestamp"),
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal,
                out var at
            )
                ? at
                : null
        );
    }
}
