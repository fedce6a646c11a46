using Platform.BuildingBlocks.Data;
using Platform.Grid;
using Platform.Grid.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGrid();

var app = builder.Build();
app.UsePlatformApi();
app.MapPlatformEndpoints();
app.MapGridApi();

await app.RunServiceAsync<GridDbContext>(DemoData.SeedAsync);

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
