using System.Linq.Expressions;
using NetTopologySuite.Geometries;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Grid;
using Platform.Workflow.Data;

namespace Platform.Workflow.Grids;

/// <summary>
/// Workflow's read model of a grid, kept from the Grid service's <see cref="GridChanged"/> events (boundary
/// included) so intake can place a case in a grid without calling the Grid service.
/// </summary>
public sealed class KnownGrid : IReadModelOf<GridChanged>
{
    private KnownGrid() { }

    public Guid Id { get; private set; }

    public Guid CommunityId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Type { get; private set; } = "";

    public string Status { get; private set; } = "Active";

    public Geometry? Boundary { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsActive => Status == nameof(KnownGridStatus.Active);

    public bool IsSpecialized => Type == "Specialized";

    public static KnownGrid From(GridChanged e)
    {
        var grid = new KnownGrid { Id = e.GridId };
        grid.Apply(e);
        return grid;
    }

    /// <summary>Takes the event's state unless it is older than what is known: events may arrive out of order.</summary>
    public void Apply(GridChanged e)
    {
        if (e.Version <= Version)
        {
            return;
        }

        CommunityId = e.CommunityId;
        Code = e.Code;
        Name = e.Name;
        Type = e.Type;
        Status = e.Status;
        Boundary = Spatial.ParseGeoJson(e.Boundary);
        Version = e.Version;
        UpdatedAt = e.OccurredAt;
    }
}

public sealed class GridChangedConsumer(WorkflowDbContext db, TimeProvider clock, ILogger<GridChangedConsumer> logger)
    : ReadModelConsumer<GridChanged, KnownGrid, WorkflowDbContext>(db, clock, logger)
{
    protected override Expression<Func<KnownGrid, bool>> Identifies(GridChanged message) => g => g.Id == message.GridId;

    protected override KnownGrid Create(GridChanged message) => KnownGrid.From(message);
}

/// <summary>A grid in use, or retired (kept for the cases that point to it, no longer placed into).</summary>
public enum KnownGridStatus
{
    Active,
    Retired,
}
