using System.Linq.Expressions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.Data;
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
        // Two events about a record not stored yet (created, then changed at once) would both create it and collide:
        // the second waits on a lock of the record's identity, held to the end of the first's transaction, then finds
        // the record and applies its state over it.
        await Db.Database.LockUntilCommitAsync(RecordIdentity.Of(Identifies(message)), cancellationToken);
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

/// <summary>A read-model record's identity as text, from the values its predicate compares it with.</summary>
internal static class RecordIdentity
{
    /// <summary><c>c =&gt; c.Id == message.CommunityId</c> gives <c>"KnownCommunity:3f2…"</c>; a composite key, each value.</summary>
    public static string Of<TModel>(Expression<Func<TModel, bool>> predicate)
    {
        var values = new List<object?>();
        new Values(predicate.Parameters[0], values).Visit(predicate.Body);
        return $"{typeof(TModel).Name}:{string.Join('|', values)}";
    }

    /// <summary>Evaluates each largest part of the predicate that does not read the record (the event's values).</summary>
    private sealed class Values(ParameterExpression record, List<object?> values) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node)
        {
            if (node is null or ConstantExpression || ReadsTheRecord(node))
            {
                return base.Visit(node);
            }

            values.Add(Expression.Lambda(node).Compile(preferInterpretation: true).DynamicInvoke());
            return node;
        }

        private bool ReadsTheRecord(Expression node)
        {
            var finder = new ParameterFinder(record);
            finder.Visit(node);
            return finder.Found;
        }
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= node == parameter;
            return node;
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
