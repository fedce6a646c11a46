using MassTransit;
using Platform.ServiceDefaults;
using Platform.Workflow.Data;
using Platform.Workflow.Grids;

namespace Platform.Workflow;

public static class WorkflowModule
{
    public static IHostApplicationBuilder AddWorkflow(this IHostApplicationBuilder builder)
    {
        builder.AddServiceInfrastructure<WorkflowDbContext>(ResourceNames.Workflow, ResourceNames.WorkflowDb,
            consumers: bus => bus.AddConsumer<GridChangedConsumer, GridChangedConsumerDefinition>());
        return builder;
    }

    public static WebApplication MapWorkflowApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/workflow");
        api.MapKnownGridsApi();
        return app;
    }
}
