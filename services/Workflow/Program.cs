using Platform.BuildingBlocks.Data;
using Platform.Workflow;
using Platform.Workflow.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWorkflow();

var app = builder.Build();
app.UsePlatformApi();
app.MapPlatformEndpoints();
app.MapWorkflowApi();

await app.RunServiceAsync<WorkflowDbContext>(DemoData.SeedAsync);

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
