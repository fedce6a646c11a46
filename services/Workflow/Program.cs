using Platform.ServiceDefaults.Data;
using Platform.Workflow;
using Platform.Workflow.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWorkflow();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapWorkflowApi();

await app.MigrateDatabaseAsync<WorkflowDbContext>(DemoData.SeedAsync);
await app.RunAsync();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
