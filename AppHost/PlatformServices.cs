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
        // Publishing (a manifest for a deployment elsewhere) takes nothing of this machine's: every key is a parameter the
        // deployment gives from its own secret (deploy/keys.sh), and no demo data unless asked for.
        var publishing = builder.ExecutionContext.IsPublishMode;
        var seedDemoData = publishing
            ? builder.Configuration["Platform:Publish:SeedDemoData"] ?? "false"
            : builder.Configuration["Platform:SeedDemoData"] ?? "true";
        IResourceBuilder<ParameterResource> Secret(string name, Func<string> local) =>
            publishing ? builder.AddParameter(name, secret: true) : builder.AddParameter(name, local(), secret: true);

        // A secret parameter: the dashboard shows it masked.
        var lookupKey = Secret("personal-data-lookup-key", () => PlatformSecrets.GetOrCreate(builder, "personal-data-lookup-key"));
        // A streaming replica for reads that may lag (./platform replica): Platform:ReadReplica=host:port.
        var readReplica = builder.Configuration["Platform:ReadReplica"];

        IResourceBuilder<ProjectResource> Service<TProject>(string name, string database)
            where TProject : IProjectMetadata, new() =>
            builder
                .AddProject<TProject>(name)
                // Not behind the orchestrator's proxy: a stopped service then refuses connections at once,
                // and the gateway answers 503 instead of waiting on a proxy with nothing behind it.
                .WithHttpEndpoint(isProxied: false)
                .WithHttpHealthCheck(HealthPath)
                .WithReference(infrastructure.Databases[database])
                .WaitFor(infrastructure.Databases[database])
                .WithReference(infrastructure.RabbitMq)
                .WaitFor(infrastructure.RabbitMq)
                .WithReference(infrastructure.Redis)
                .WaitFor(infrastructure.Redis)
                .WithEnvironment("Platform__SeedDemoData", seedDemoData)
                .WithEnvironment("Platform__PersonalData__LookupKey", lookupKey)
                .WithEnvironment(context =>
                {
                    if (!string.IsNullOrWhiteSpace(readReplica) && readReplica.Split(':') is [var host, var replicaPort])
                    {
                        context.EnvironmentVariables[$"ConnectionStrings__{database}-read"] =
                            $"Host={host};Port={replicaPort};Username=postgres;Database={database}";
                    }
                });

        var services = new[]
        {
            Service<Projects.Platform_Organization>(ResourceNames.Organization, ResourceNames.OrganizationDb),
            Service<Projects.Platform_Grid>(ResourceNames.Grid, ResourceNames.GridDb),
            Service<Projects.Platform_Volunteer>(ResourceNames.Volunteer, ResourceNames.VolunteerDb),
            Service<Projects.Platform_Workflow>(ResourceNames.Workflow, ResourceNames.WorkflowDb),
        };

        // The web console: its pages at the gateway's `/`, so pages, API and sign-in share one origin.
        var web = builder.AddProject<Projects.Platform_Web>(ResourceNames.Web).WithHttpEndpoint(isProxied: false).WithHttpHealthCheck(HealthPath);

        // 0 lets the orchestrator choose (tests); the default is the documented fixed port.
        var port = builder.Configuration.GetValue("Platform:GatewayPort", 8080);
        // The gateway listens on its port itself, as deployed: not behind the orchestrator's development proxy, which
        // costs a third of its throughput (bench/results/load.md).
        var gateway = builder
            .AddProject<Projects.Platform_Gateway>(ResourceNames.Gateway)
            .WithHttpEndpoint(port: port == 0 ? null : port, isProxied: false)
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck(HealthPath)
            .WithReference(infrastructure.Redis)
            .WaitFor(infrastructure.Redis);
        foreach (var service in services)
        {
            gateway.WithReference(service).WaitFor(service);
        }

        gateway.WithReference(web).WaitFor(web);

        // Sign-in lives in the Organization service, which signs tokens with the private key; clients reach it
        // through the gateway, which is the tokens' issuer. The gateway and every service validate tokens
        // themselves with the public key.
        // Both keys come from one place: this machine's kept key when running here; when publishing, the deployment's
        // secret, which holds the private key and its public half side by side (deploy/keys.sh).
        var signingKeyPem = publishing ? null : PlatformSecrets.GetOrCreateRsaKey(builder, "token-signing-key.pem");
        var signingKey = Secret("token-signing-key", () => signingKeyPem!);
        var validationKey = publishing
            ? builder.AddParameter("token-validation-key")
            : builder.AddParameter("token-validation-key", PlatformSecrets.PublicKeyPem(signingKeyPem!));
        var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/");
        foreach (var resource in services.Append(gateway).Append(web))
        {
            resource
                .WithEnvironment("Platform__Auth__Issuer", issuer)
                .WithEnvironment("Platform__Auth__ValidationKey", validationKey)
                .WithTraceSampling(builder.Configuration);
        }

        services[0]
            .WithEnvironment("Platform__Auth__SigningKey", signingKey)
            .WithEnvironment(
                "Platform__Auth__EncryptionKey",
                Secret("token-encryption-key", () => PlatformSecrets.GetOrCreate(builder, "token-encryption-key"))
            );
    }

    /// <summary>
    /// The orchestrator has every request traced (always_on) and metrics exported each second, all ingested by the
    /// dashboard on this machine's cores: what a developer wants, not what a busy deployment does.
    /// Platform:Telemetry:TraceSampleRatio (0 to 1) keeps that share of new traces (a sampled caller's trace stays
    /// whole), and metrics every ten seconds; ./platform bench load measures with it (bench/results/load.md).
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithTraceSampling(this IResourceBuilder<ProjectResource> resource, IConfiguration configuration)
    {
        var ratio = configuration["Platform:Telemetry:TraceSampleRatio"];
        if (string.IsNullOrWhiteSpace(ratio))
        {
            return resource;
        }

        if (
            !double.TryParse(ratio, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || !(value >= 0 && value <= 1)
        )
        {
            throw new InvalidOperationException($"Platform:Telemetry:TraceSampleRatio is a number from 0 to 1, not '{ratio}'.");
        }

        return resource.WithEnvironment(context =>
        {
            context.EnvironmentVariables["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio";
            context.EnvironmentVariables["OTEL_TRACES_SAMPLER_ARG"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.EnvironmentVariables["OTEL_METRIC_EXPORT_INTERVAL"] = "10000";
        });
    }
}
