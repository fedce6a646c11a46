using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Contracts;
using RabbitMQ.Client;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// The suite's subscriptions (<see cref="Subscriptions"/>) on the broker: every queue, its exchange and the
/// binding from the event's exchange, declared the way MassTransit declares them for a consumer. The outbox relay
/// declares them all before its first publish, so an event waits in each subscriber's queue even when that
/// subscriber has not started yet, whatever order the services come up in.
/// </summary>
public sealed class SubscriberQueues(Broker broker, ILogger<SubscriberQueues> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool declared;

    /// <summary>Whether every subscription is on the broker (after the first successful <see cref="DeclareAsync"/>).</summary>
    public bool Declared => declared;

    public async Task DeclareAsync(CancellationToken cancellationToken)
    {
        if (declared)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (declared)
            {
                return;
            }

            await using var connection = await broker.ConnectAsync("platform-topology", cancellationToken);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            foreach (var subscription in Subscriptions.All)
            {
                var source = Subscriptions.ExchangeOf(subscription.Event);
                await channel.ExchangeDeclareAsync(source, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
                await channel.ExchangeDeclareAsync(
                    subscription.Queue,
                    ExchangeType.Fanout,
                    durable: true,
                    autoDelete: false,
                    cancellationToken: cancellationToken
                );
                await channel.ExchangeBindAsync(subscription.Queue, source, "", cancellationToken: cancellationToken);
                await channel.QueueDeclareAsync(
                    subscription.Queue,
                    durable: true,
                    exclusive: false,
                    autoDelete: false,
                    broker.QueueArguments,
                    cancellationToken: cancellationToken
                );
                await channel.QueueBindAsync(subscription.Queue, subscription.Queue, "", cancellationToken: cancellationToken);
            }

            declared = true;
            logger.LogInformation("Declared the suite's {Count} subscriber queues on the broker", Subscriptions.All.Count);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Stops a service whose registered consumers are not exactly its entries in <see cref="Subscriptions"/>:
    /// a publisher would otherwise not keep events for a consumer it does not know of.
    /// </summary>
    internal static void CheckRegistered(IServiceCollection services, string serviceName)
    {
        var formatter = new KebabCaseEndpointNameFormatter(serviceName, false);
        var format = typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!;
        var registered = services
            .Select(d => d.ServiceType)
            .Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsGenericTypeDefinition)
            .Distinct()
            .SelectMany(t =>
                t.GetInterfaces()
                    .Where(i =>
                        i.IsGenericType
                        && i.GetGenericTypeDefinition() == typeof(IConsumer<>)
                        && typeof(IntegrationEvent).IsAssignableFrom(i.GenericTypeArguments[0])
                    )
                    .Select(i => $"{(string)format.MakeGenericMethod(t).Invoke(formatter, null)!} ← {Subscriptions.ExchangeOf(i.GenericTypeArguments[0])}")
            )
            .ToHashSet();
        var listed = Subscriptions.All.Where(s => s.Service == serviceName).Select(s => $"{s.Queue} ← {Subscriptions.ExchangeOf(s.Event)}").ToHashSet();
        var unlisted = registered.Except(listed).Order().ToList();
        var missing = listed.Except(registered).Order().ToList();
        if (unlisted.Count > 0 || missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The consumers of '{serviceName}' differ from its entries in Platform.Contracts.Subscriptions. "
                    + $"Registered but not listed: [{string.Join("; ", unlisted)}]. Listed but not registered: [{string.Join("; ", missing)}]."
            );
        }
    }
}
