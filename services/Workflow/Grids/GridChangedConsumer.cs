using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Grid;
using Platform.ServiceDefaults.Messaging;
using Platform.Workflow.Data;

namespace Platform.Workflow.Grids;

/// <summary>Keeps <see cref="KnownGrid"/> in step with the Grid service.</summary>
public sealed class GridChangedConsumer(WorkflowDbContext db, TimeProvider clock, ILogger<GridChangedConsumer> logger)
    : IdempotentConsumer<GridChanged, WorkflowDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(GridChanged message, CancellationToken cancellationToken)
    {
        var grid = await Db.KnownGrids.FirstOrDefaultAsync(g => g.Id == message.GridId, cancellationToken);
        if (grid is null)
        {
            Db.KnownGrids.Add(KnownGrid.From(message));
        }
        else
        {
            grid.Apply(message);
        }
    }
}

public sealed class GridChangedConsumerDefinition : ConsumerDefinition<GridChangedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<GridChangedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // One grid's events are small and rare; a few at a time keeps the database connection pool free for requests.
        endpointConfigurator.ConcurrentMessageLimit = 4;
    }
}
