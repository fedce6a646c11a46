using Platform.Testing;

namespace Platform.Organization.Tests;

public sealed class OrganizationServiceFactory() : ServiceFactory<Program>(ResourceNames.OrganizationDb);

[CollectionDefinition(Name)]
public sealed class OrganizationServiceCollection : ICollectionFixture<OrganizationServiceFactory>
{
    public const string Name = "organization service";
}

/// <summary>Each test starts on an empty database.</summary>
[Collection(OrganizationServiceCollection.Name)]
public abstract class OrganizationServiceTest(OrganizationServiceFactory service) : IAsyncLifetime
{
    protected OrganizationServiceFactory Service { get; } = service;

    protected HttpClient Client { get; } = service.CreateClient();

    public Task InitializeAsync() => Service.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
