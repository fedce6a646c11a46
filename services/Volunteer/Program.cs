using Platform.ServiceDefaults.Data;
using Platform.Volunteer;
using Platform.Volunteer.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddVolunteer();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapVolunteerApi();

await app.RunServiceAsync<VolunteerDbContext>(DemoData.SeedAsync);

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
