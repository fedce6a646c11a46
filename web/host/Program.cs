using Platform.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformApi();

var app = builder.Build();
app.UsePlatformApi();
app.MapPlatformEndpoints();
app.MapConsole();

await app.RunAsync();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
