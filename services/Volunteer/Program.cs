using Platform.BuildingBlocks.Data;
using Platform.Volunteer;
using Platform.Volunteer.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddVolunteer();

var app = builder.Build();
app.UsePlatformApi();
app.MapPlatformEndpoints();
app.MapVolunteerApi();

await app.RunServiceAsync<VolunteerDbContext>(DemoData.SeedAsync);

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
