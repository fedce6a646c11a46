using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>A message broke a business rule: retrying cannot help, so it goes straight to the error queue.</summary>
public sealed class BusinessRuleException(string message) : Exception(message);

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ: kebab-case queues prefixed with the service name (each service gets its own
    /// copy of an event), retries for transient failures only, error queues kept.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null
    )
    {
        var broker = Broker.From(builder.Configuration);
        var queuePrefix = builder.Configuration["Platform:Messaging:QueuePrefix"] ?? serviceName;

        builder.Services.AddMassTransit(bus =>
        {
            // Platform:Messaging:QueuePrefix gives a second instance of a service queues of its own (a test host
            // beside the main one); instances of one service otherwise share their queues as competing consumers.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix, false));
            configureConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback(
                (_, _, endpoint) =>
                {
                    endpoint.UseMessageRetry(retry =>
                    {
                        retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400));
                        retry.Ignore<BusinessRuleException>();
                        retry.Ignore<ArgumentException>();
                    });
                    if (broker.QueueType == QueueType.Quorum && endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint)
                    {
                        // Its error queue takes the same arguments, so a dead letter is replicated too.
                        rabbitEndpoint.SetQuorumQueue(broker.QuorumReplicas);
                    }
                }
            );

            bus.UsingRabbitMq(
                (context, rabbit) =>
                {
                    var first = broker.Nodes[0];
                    rabbit.Host(first.HostName, (ushort)first.Port, broker.VirtualHost, host =>
                    {
                        host.Username(broker.UserName);
                        host.Password(broker.Password);
                        if (broker.Nodes.Count > 1)
                        {
                            // The client connects to the first node that answers and fails over to another.
                            host.UseCluster(cluster =>
                            {
                                foreach (var node in broker.Nodes)
                                {
                                    cluster.Node($"{node.HostName}:{node.Port}");
                                }
                            });
                        }
                    });
                    rabbit.ConfigureEndpoints(context);
                }
            );
        });

        SubscriberQueues.CheckRegistered(builder.Services, serviceName);
        builder.Services.AddSingleton(broker);
        builder.Services.AddSingleton(sp => new SubscriberQueues(broker, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SubscriberQueues>>()));
        builder.Services.AddSingleton(new DeadLetters(broker, serviceName, queuePrefix));

        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            // Consumers are bound before the service says it is started, so no event published after start is missed.
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        return builder;
    }
}
