using System.Linq.Expressions;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Organization;
using Platform.Grid.Data;

namespace Platform.Grid.Communities;

/// <summary>A community as the Organization service announced it: grids belong to one, and carry its code.</summary>
public sealed class KnownCommunity : IReadModelOf<CommunityChanged>
{
    private KnownCommunity() { }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public long Version { get; private set; }

    public static KnownCommunity From(CommunityChanged e) =>
        new()
        {
            Id = e.CommunityId,
            Code = e.Code,
            Name = e.Name,
            Version = e.Version,
        };

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
    : ReadModelConsumer<CommunityChanged, KnownCommunity, GridDbContext>(db, clock, logger)
{
    protected override Expression<Func<KnownCommunity, bool>> Identifies(CommunityChanged message) => c => c.Id == message.CommunityId;

    protected override KnownCommunity Create(CommunityChanged message) => KnownCommunity.From(message);
}
