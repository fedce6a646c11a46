using Platform.Contracts.Grid;

namespace Platform.Workflow.Grids;

/// <summary>
/// Workflow's read model of a grid, kept from the Grid service's <see cref="GridChanged"/> events so intake
/// can route cases without calling the Grid service.
/// </summary>
public sealed class KnownGrid
{
    private KnownGrid()
    {
    }

    public Guid Id { get; private set; }

    public Guid CommunityId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Type { get; private set; } = "";

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static KnownGrid From(GridChanged e)
    {
        var grid = new KnownGrid { Id = e.GridId };
        grid.Apply(e);
        return grid;
    }

    /// <summary>Takes the event's state unless it is older than what is known: events may arrive out of order.</summary>
    public bool Apply(GridChanged e)
    {
        if (e.Version <= Version)
        {
            return false;
        }

        CommunityId = e.CommunityId;
        Code = e.Code;
        Name = e.Name;
        Type = e.Type;
        Version = e.Version;
        UpdatedAt = e.OccurredAt;
        return true;
    }
}
