using System.Linq.Expressions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>A local copy of another service's record, kept from its events (the event carries the whole state).</summary>
public interface IReadModelOf<in TEvent>
    where TEvent : IntegrationEvent
{
    /// <summary>Takes the event's state; one that is older than what is held is ignored.</summary>
    void Apply(TEvent message);
}

/// <summary>
/// Keeps a read model in step with another service's events, once per event (the inbox of
/// <see cref="IdempotentConsumer{TEvent, TDbContext}"/>): the record the event names is updated, or created.
/// </summary>
public abstract class ReadModelConsumer<TEvent, TModel, TDbContext>(TDbContext db, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TEvent, TDbContext>(db, clock, logger)
    where TEvent : IntegrationEvent
    where TModel : class, IReadModelOf<TEvent>
    where TDbContext : DbContext
{
    /// <summary>Which stored record the event is about.</summary>
    protected abstract Expression<Func<TModel, bool>> Identifies(TEvent message);

    protected abstract TModel Create(TEvent message);

    protected sealed override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var set = Db.Set<TModel>();
        if (await set.FirstOrDefaultAsync(Identifies(message), cancellationToken) is { } model)
        {
            model.Apply(message);
        }
        else
        {
            set.Add(Create(message));
        }
    }
}

/// <summary>Read-model events are small and rare: a few at a time keeps the database connection pool free for requests.</summary>
public sealed class ReadModelConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context
    ) => endpointConfigurator.ConcurrentMessageLimit = 4;
}
