using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using Platform.Workflow.Approvals;
using Platform.Workflow.Assessment;
using Platform.Workflow.Attachments;
using Platform.Workflow.Cases;
using Platform.Workflow.Categories;
using Platform.Workflow.Data;
using Platform.Workflow.Deadlines;
using Platform.Workflow.Directory;
using Platform.Workflow.Grids;
using Platform.Workflow.Mediation;
using Platform.Workflow.Notifications;
using Platform.Workflow.Open311;
using Platform.Workflow.Reports;
using Platform.Workflow.Routing;
using Platform.Workflow.Visits;

namespace Platform.Workflow;

public static class WorkflowModule
{
    public static IHostApplicationBuilder AddWorkflow(this IHostApplicationBuilder builder)
    {
        builder.AddServiceInfrastructure<WorkflowDbContext>(
            ResourceNames.Workflow,
            ResourceNames.WorkflowDb,
            consumers: bus =>
            {
                bus.AddConsumer<GridChangedConsumer, ReadModelConsumerDefinition<GridChangedConsumer>>();
                bus.AddConsumer<LayerResponsibilityChangedConsumer, ReadModelConsumerDefinition<LayerResponsibilityChangedConsumer>>();
                bus.AddConsumer<GridStaffChangedConsumer, ReadModelConsumerDefinition<GridStaffChangedConsumer>>();
                bus.AddConsumer<BuildingRegisteredConsumer, ReadModelConsumerDefinition<BuildingRegisteredConsumer>>();
                bus.AddConsumer<CommunityChangedConsumer, ReadModelConsumerDefinition<CommunityChangedConsumer>>();
                bus.AddConsumer<PersonChangedConsumer, ReadModelConsumerDefinition<PersonChangedConsumer>>();
                bus.AddConsumer<VisitLoggedConsumer, ReadModelConsumerDefinition<VisitLoggedConsumer>>();
            },
            npgsql: npgsql => npgsql.UseNetTopologySuite()
        );
        builder.AddPersonalDataProtection<WorkflowDbContext>(ResourceNames.Workflow);
        builder.Services.Configure<DeadlineOptions>(builder.Configuration.GetSection("Platform:Workflow:Deadlines"));
        builder.Services.Configure<IntakeOptions>(builder.Configuration.GetSection("Platform:Workflow:Intake"));
        builder.Services.Configure<Open311Options>(builder.Configuration.GetSection("Platform:Workflow:Open311"));
        builder.Services.Configure<AssessmentOptions>(builder.Configuration.GetSection("Platform:Workflow:Assessment"));
        builder.Services.Configure<PhotoLimits>(builder.Configuration.GetSection("Platform:Workflow:Photos"));
        builder.Services.AddScoped<IPhotoStore, DatabasePhotoStore>();
        builder.Services.AddSingleton<PendingPhotoSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PendingPhotoSweeper>());
        builder.Services.AddSingleton<DeadlinePolicy>();
        builder.Services.AddScoped<CaseIntake>();
        builder.Services.AddSingleton<INotificationChannel, AppInboxChannel>();
        builder.Services.AddSingleton<DeadlineWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineWatcher>());
        builder.Services.AddSingleton<LiveInbox>();
        builder.Services.AddSingleton<NotificationDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return builder;
    }

    public static WebApplication MapWorkflowApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/workflow");
        api.MapDeadLettersApi("Workflow");
        api.MapCaseReportApi();
        api.MapCasesApi();
        api.MapCaseActionsApi();
        api.MapPhotosApi();
        api.MapMediationApi();
        api.MapApprovalsApi();
        api.MapCategoriesApi();
        api.MapRoutingApi();
        api.MapNotificationsApi();
        api.MapKnownGridsApi();
        api.MapOpen311ClientsApi();
        api.MapAssessmentApi();
        app.MapOpen311Api();
        return app;
    }
}
