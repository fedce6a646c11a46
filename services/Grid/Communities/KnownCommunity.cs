using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Organization;
using Platform.Grid.Data;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Grid.Communities;

/// <summary>A community as the Organization service announced it: grids belong to one, and carry its code.</summary>
public sealed class KnownCommunity
{
    private KnownCommunity()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public long Version { get; private set; }

    public static KnownCommunity From(CommunityChanged e) => new() { Id = e.CommunityId, Code = e.Code, Name = e.Name, Version = e.Version };

    /// <summary>Applies a newer state; an older one arriving late is ignored.</summary>
    public void Apply(CommunityChanged e)
    {
        if (e.Version < Version)
        {
            return;
        }

        (Code, Name, Version) = (e.Code, e.Name, e.Version);
    }
}

public sealed class CommunityChangedConsumer(GridDbContext db, TimeProvider clock, ILogger<CommunityChangedConsumer> logger)
    : IdempotentConsumer<CommunityChanged, GridDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CommunityChanged message, CancellationToken cancellationToken)
    {
        if (await Db.Communities.FirstOrDefaultAsync(c => c.Id == message.CommunityId, cancellationToken) is { } known)
        {
            known.Apply(message);
        }
        else
        {
            Db.Communities.Add(KnownCommunity.From(message));
        }
    }
}

public sealed class CommunityChangedConsumerDefinition : ConsumerDefinition<CommunityChangedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<CommunityChangedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.ConcurrentMessageLimit = 4;
}
