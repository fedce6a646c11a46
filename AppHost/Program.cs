using Platform.AppHost;
using Platform.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddPlatformInfrastructure();
builder.AddPlatformServices(infrastructure);

builder.Build().Run();
