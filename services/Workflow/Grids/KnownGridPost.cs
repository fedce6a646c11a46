using System.Linq.Expressions;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Grid;
using Platform.Workflow.Data;

namespace Platform.Workflow.Grids;

/// <summary>Who holds a post in a grid (from <see cref="GridStaffChanged"/>): the deadline timer warns a grid's leader and assistants.</summary>
public sealed class KnownGridPost : IReadModelOf<GridStaffChanged>
{
    private KnownGridPost() { }

    public Guid AssignmentId { get; private set; }

    public Guid GridId { get; private set; }

    public Guid PersonId { get; private set; }

    public string Post { get; private set; } = "";

    public bool Active { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static KnownGridPost From(GridStaffChanged e)
    {
        var post = new KnownGridPost { AssignmentId = e.AssignmentId };
        post.Apply(e);
        return post;
    }

    /// <summary>A post only ends once; an older "active" state arriving after the end is ignored.</summary>
    public void Apply(GridStaffChanged e)
    {
        if (e.OccurredAt < UpdatedAt)
        {
            return;
        }

        (GridId, PersonId, Post, Active, UpdatedAt) = (e.GridId, e.PersonId, e.Post, e.Active, e.OccurredAt);
    }
}

public sealed class GridStaffChangedConsumer(WorkflowDbContext db, TimeProvider clock, ILogger<GridStaffChangedConsumer> logger)
    : ReadModelConsumer<GridStaffChanged, KnownGridPost, WorkflowDbContext>(db, clock, logger)
{
    protected override Expression<Func<KnownGridPost, bool>> Identifies(GridStaffChanged message) => p => p.AssignmentId == message.AssignmentId;

    protected override KnownGridPost Create(GridStaffChanged message) => KnownGridPost.From(message);
}
