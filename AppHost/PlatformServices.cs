using Microsoft.Extensions.Configuration;
using Platform.AppHost.Infrastructure;

namespace Platform.AppHost;

public static class PlatformServices
{
    private const string HealthPath = "/health";

    /// <summary>
    /// The four services, each on its own database and the shared broker and cache, started only when those
    /// answer; the gateway last, when every service is healthy.
    /// </summary>
    public static void AddPlatformServices(this IDistributedApplicationBuilder builder, PlatformInfrastructure infrastructure)
    {
        var seedDemoData = builder.Configuration["Platform:SeedDemoData"] ?? "true";
        // A secret parameter: the dashboard shows it masked.
        var lookupKey = builder.AddParameter("personal-data-lookup-key", PlatformSecrets.GetOrCreate(builder, "personal-data-lookup-key"), secret: true);

        IResourceBuilder<ProjectResource> Service<TProject>(string name, string database) where TProject : IProjectMetadata, new() =>
            builder.AddProject<TProject>(name)
                // Not behind the orchestrator's proxy: a stopped service then refuses connections at once,
                // and the gateway answers 503 instead of waiting on a proxy with nothing behind it.
                .WithHttpEndpoint(isProxied: false)
                .WithHttpHealthCheck(HealthPath)
                .WithReference(infrastructure.Databases[database]).WaitFor(infrastructure.Databases[database])
                .WithReference(infrastructure.RabbitMq).WaitFor(infrastructure.RabbitMq)
                .WithReference(infrastructure.Redis).WaitFor(infrastructure.Redis)
                .WithEnvironment("Platform__SeedDemoData", seedDemoData)
                .WithEnvironment("Platform__PersonalData__LookupKey", lookupKey);

        var services = new[]
        {
            Service<Projects.Platform_Organization>(ResourceNames.Organization, ResourceNames.OrganizationDb),
            Service<Projects.Platform_Grid>(ResourceNames.Grid, ResourceNames.GridDb),
            Service<Projects.Platform_Volunteer>(ResourceNames.Volunteer, ResourceNames.VolunteerDb),
            Service<Projects.Platform_Workflow>(ResourceNames.Workflow, ResourceNames.WorkflowDb),
        };

        // The web console: its pages at the gateway's `/`, so pages, API and sign-in share one origin.
        var web = builder.AddProject<Projects.Platform_Web>(ResourceNames.Web)
            .WithHttpEndpoint(isProxied: false)
            .WithHttpHealthCheck(HealthPath);

        // 0 lets the orchestrator choose (tests); the default is the documented fixed port.
        var port = builder.Configuration.GetValue("Platform:GatewayPort", 8080);
        var gateway = builder.AddProject<Projects.Platform_Gateway>(ResourceNames.Gateway)
            .WithHttpEndpoint(port: port == 0 ? null : port)
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck(HealthPath)
            .WithReference(infrastructure.Redis).WaitFor(infrastructure.Redis);
        foreach (var service in services)
        {
            gateway.WithReference(service).WaitFor(service);
        }

        gateway.WithReference(web).WaitFor(web);

        // Sign-in lives in the Organization service, which signs tokens with the private key; clients reach it
        // through the gateway, which is the tokens' issuer. The gateway and every service validate tokens
        // themselves with the public key.
        var signingKeyPem = PlatformSecrets.GetOrCreateRsaKey(builder, "token-signing-key.pem");
        var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/");
        var validationKey = PlatformSecrets.PublicKeyPem(signingKeyPem);
        foreach (var resource in services.Append(gateway).Append(web))
        {
            resource
                .WithEnvironment("Platform__Auth__Issuer", issuer)
                .WithEnvironment("Platform__Auth__ValidationKey", validationKey);
        }

        services[0]
            .WithEnvironment("Platform__Auth__SigningKey", builder.AddParameter("token-signing-key", signingKeyPem, secret: true))
            .WithEnvironment("Platform__Auth__EncryptionKey", builder.AddParameter("token-encryption-key", PlatformSecrets.GetOrCreate(builder, "token-encryption-key"), secret: true));
    }
}
