using Platform.BuildingBlocks.Data;
using Platform.Organization;
using Platform.Organization.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOrganization();

var app = builder.Build();
app.UsePlatformApi();
app.MapPlatformEndpoints();
app.MapOrganizationApi();

await app.RunServiceAsync<OrganizationDbContext>(DemoData.SeedAsync);

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
