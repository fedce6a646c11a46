using Platform.AppHost.Infrastructure.Local;

namespace Platform.AppHost.Infrastructure;

/// <summary>Where the suite's servers come from. <see cref="Auto"/> picks containers when an engine answers, local processes otherwise.</summary>
public enum InfrastructureMode
{
    Auto,
    Containers,
    Local,
    External,
}

/// <summary>The servers the services stand on, the same names in every mode.</summary>
public sealed record PlatformInfrastructure(
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IResourceBuilder<IResourceWithConnectionString> RabbitMq
);

public static class PlatformInfrastructureExtensions
{
    public static readonly string[] DatabaseNames = [ResourceNames.OrganizationDb, ResourceNames.GridDb, ResourceNames.VolunteerDb, ResourceNames.WorkflowDb];

    /// <summary>Adds Postgres (a database per service), Redis and RabbitMQ in the mode <c>Platform:Infrastructure</c> names.</summary>
    public static PlatformInfrastructure AddPlatformInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["Platform:Infrastructure"] ?? "auto";
        if (!Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var mode))
        {
            throw new InvalidOperationException($"Platform:Infrastructure is '{configured}'; use auto, containers, local or external.");
        }

        if (mode == InfrastructureMode.Auto)
        {
            mode = ContainerEngine.Answers() ? InfrastructureMode.Containers : InfrastructureMode.Local;
        }

        Console.WriteLine($"Platform infrastructure: {mode.ToString().ToLowerInvariant()} (configured: {configured})");
        return mode switch
        {
            InfrastructureMode.Containers => builder.AddContainerInfrastructure(),
            InfrastructureMode.Local => builder.AddLocalInfrastructure(),
            _ => builder.AddExternalInfrastructure(),
        };
    }

    private static PlatformInfrastructure AddContainerInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres(ResourceNames.Postgres).WithImage("postgis/postgis", "17-3.5").WithImageRegistry("docker.io").WithDataVolume();
        var databases = DatabaseNames.ToDictionary(name => name, name => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddDatabase(name));
        var redis = builder.AddRedis(ResourceNames.Redis).WithDataVolume();
        var rabbit = builder.AddRabbitMQ(ResourceNames.RabbitMq).WithDataVolume();
        return new PlatformInfrastructure(databases, redis, rabbit);
    }

    private static PlatformInfrastructure AddExternalInfrastructure(this IDistributedApplicationBuilder builder)
    {
        // Each ConnectionStrings:<name> passes to the services unchanged.
        var databases = DatabaseNames.ToDictionary(name => name, name => builder.AddConnectionString(name));
        return new PlatformInfrastructure(databases, builder.AddConnectionString(ResourceNames.Redis), builder.AddConnectionString(ResourceNames.RabbitMq));
    }
}
