using System.Linq.Expressions;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Grid;
using Platform.Organization.Data;

namespace Platform.Organization.GridPosts;

/// <summary>
/// A person's post in a grid, as the Grid service announced it: the grids of a person's active posts go into
/// their token, so grid staff see and act on their own grids (and an instructor cadre on the grids they guide).
/// </summary>
public sealed class GridPosting : IReadModelOf<GridStaffChanged>
{
    private GridPosting() { }

    public Guid AssignmentId { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid GridId { get; private set; }

    public Guid CommunityId { get; private set; }

    public string Post { get; private set; } = "";

    public bool Active { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static GridPosting From(GridStaffChanged e)
    {
        var posting = new GridPosting { AssignmentId = e.AssignmentId };
        posting.Apply(e);
        return posting;
    }

    /// <summary>A post only ends: once inactive, a late "active" state of it is ignored.</summary>
    public void Apply(GridStaffChanged e)
    {
        if (UpdatedAt != default && (!Active || e.OccurredAt < UpdatedAt) && e.Active)
        {
            return;
        }

        (PersonId, GridId, CommunityId, Post, Active, UpdatedAt) = (e.PersonId, e.GridId, e.CommunityId, e.Post, e.Active, e.OccurredAt);
    }
}

public sealed class GridStaffChangedConsumer(OrganizationDbContext db, TimeProvider clock, ILogger<GridStaffChangedConsumer> logger)
    : ReadModelConsumer<GridStaffChanged, GridPosting, OrganizationDbContext>(db, clock, logger)
{
    protected override Expression<Func<GridPosting, bool>> Identifies(GridStaffChanged message) => p => p.AssignmentId == message.AssignmentId;

    protected override GridPosting Create(GridStaffChanged message) => GridPosting.From(message);
}
