using System.Linq.Expressions;
using NetTopologySuite.Geometries;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Grid;
using Platform.Workflow.Data;

namespace Platform.Workflow.Grids;

/// <summary>Where a building stands and which grid it is in (from <see cref="BuildingRegistered"/>): a case reported at a building is placed by it.</summary>
public sealed class KnownBuilding : IReadModelOf<BuildingRegistered>
{
    private KnownBuilding() { }

    public Guid Id { get; private set; }

    public Guid GridId { get; private set; }

    public Guid CommunityId { get; private set; }

    public string Name { get; private set; } = "";

    public Point Location { get; private set; } = null!;

    public static KnownBuilding From(BuildingRegistered e)
    {
        var building = new KnownBuilding { Id = e.BuildingId };
        building.Apply(e);
        return building;
    }

    public void Apply(BuildingRegistered e) =>
        (GridId, CommunityId, Name, Location) = (e.GridId, e.CommunityId, e.Name, Spatial.Factory.CreatePoint(new Coordinate(e.Longitude, e.Latitude)));
}

public sealed class BuildingRegisteredConsumer(WorkflowDbContext db, TimeProvider clock, ILogger<BuildingRegisteredConsumer> logger)
    : ReadModelConsumer<BuildingRegistered, KnownBuilding, WorkflowDbContext>(db, clock, logger)
{
    protected override Expression<Func<KnownBuilding, bool>> Identifies(BuildingRegistered message) => b => b.Id == message.BuildingId;

    protected override KnownBuilding Create(BuildingRegistered message) => KnownBuilding.From(message);
}
