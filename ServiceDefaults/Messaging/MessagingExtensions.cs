using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Messaging;

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
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ResourceNames.RabbitMq);

        builder.Services.AddMassTransit(bus =>
        {
            // Platform:Messaging:QueuePrefix gives a second instance of a service queues of its own (a test host
            // beside the main one); instances of one service otherwise share their queues as competing consumers.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(builder.Configuration["Platform:Messaging:QueuePrefix"] ?? serviceName, false));
            configureConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400));
                    retry.Ignore<BusinessRuleException>();
                    retry.Ignore<ArgumentException>();
                }));

            bus.UsingRabbitMq((context, rabbit) =>
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException($"Connection string '{ResourceNames.RabbitMq}' is missing: the AppHost or configuration must give the broker's amqp:// address.");
                }

                var uri = new Uri(connectionString);
                var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
                var virtualHost = uri.AbsolutePath is "" or "/" ? "/" : Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
                rabbit.Host(uri.Host, (ushort)uri.Port, virtualHost, host =>
                {
                    if (credentials is [var user, var password])
                    {
                        host.Username(user);
                        host.Password(password);
                    }
                });
                rabbit.ConfigureEndpoints(context);
            });
        });

        SubscriberQueues.CheckRegistered(builder.Services, serviceName);
        builder.Services.AddSingleton(sp => new SubscriberQueues(
            connectionString ?? throw new InvalidOperationException($"Connection string '{ResourceNames.RabbitMq}' is missing."),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SubscriberQueues>>()));

        builder.Services.AddSingleton(new DeadLetters(connectionString ?? "", serviceName, builder.Configuration["Platform:Messaging:QueuePrefix"] ?? serviceName));

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
