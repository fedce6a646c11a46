using System.Linq.Expressions;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Grid;
using Platform.Workflow.Data;

namespace Platform.Workflow.Grids;

/// <summary>
/// Which department answers for an overlaid network (多网合一 layer) in a grid, from the Grid service's
/// <see cref="LayerResponsibilityChanged"/>: dispatch sends a layer's cases to it.
/// </summary>
public sealed class KnownLayerResponsibility : IReadModelOf<LayerResponsibilityChanged>
{
    private KnownLayerResponsibility() { }

    public Guid GridId { get; private set; }

    public string Layer { get; private set; } = "";

    public Guid CommunityId { get; private set; }

    /// <summary>Null once the responsibility was removed.</summary>
    public string? DepartmentCode { get; private set; }

    public string? DepartmentName { get; private set; }

    public long Version { get; private set; }

    public static KnownLayerResponsibility From(LayerResponsibilityChanged e)
    {
        var known = new KnownLayerResponsibility { GridId = e.GridId, Layer = e.Layer };
        known.Apply(e);
        return known;
    }

    public void Apply(LayerResponsibilityChanged e)
    {
        if (e.Version <= Version)
        {
            return;
        }

        (CommunityId, DepartmentCode, DepartmentName, Version) = (e.CommunityId, e.DepartmentCode, e.DepartmentName, e.Version);
    }
}

public sealed class LayerResponsibilityChangedConsumer(WorkflowDbContext db, TimeProvider clock, ILogger<LayerResponsibilityChangedConsumer> logger)
    : ReadModelConsumer<LayerResponsibilityChanged, KnownLayerResponsibility, WorkflowDbContext>(db, clock, logger)
{
    protected override Expression<Func<KnownLayerResponsibility, bool>> Identifies(LayerResponsibilityChanged message) =>
        r => r.GridId == message.GridId && r.Layer == message.Layer;

    protected override KnownLayerResponsibility Create(LayerResponsibilityChanged message) => KnownLayerResponsibility.From(message);
}
