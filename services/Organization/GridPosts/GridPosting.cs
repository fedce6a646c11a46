using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Grid;
using Platform.Organization.Data;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Organization.GridPosts;

/// <summary>
/// A person's post in a grid, as the Grid service announced it: the grids of a person's active posts go into
/// their token, so grid staff see and act on their own grids (and an instructor cadre on the grids they guide).
/// </summary>
public sealed class GridPosting
{
    private GridPosting()
    {
    }

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
    : IdempotentConsumer<GridStaffChanged, OrganizationDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(GridStaffChanged message, CancellationToken cancellationToken)
    {
        if (await Db.GridPostings.FirstOrDefaultAsync(p => p.AssignmentId == message.AssignmentId, cancellationToken) is { } posting)
        {
            posting.Apply(message);
        }
        else
        {
            Db.GridPostings.Add(GridPosting.From(message));
        }
    }
}

public sealed class GridStaffChangedConsumerDefinition : ConsumerDefinition<GridStaffChangedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<GridStaffChangedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.ConcurrentMessageLimit = 4;
}
