using Platform.Organization;
using Platform.Organization.Data;
using Platform.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOrganization();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOrganizationApi();

await app.RunServiceAsync<OrganizationDbContext>(DemoData.SeedAsync);

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
