using Platform.Testing;

namespace Platform.Grid.Tests;

public sealed class GridServiceFactory() : ServiceFactory<Program>(ResourceNames.GridDb);

[CollectionDefinition(Name)]
public sealed class GridServiceCollection : ICollectionFixture<GridServiceFactory>
{
    public const string Name = "grid service";
}

/// <summary>Each test starts on an empty database.</summary>
[Collection(GridServiceCollection.Name)]
public abstract class GridServiceTest(GridServiceFactory service) : IAsyncLifetime
{
    protected GridServiceFactory Service { get; } = service;

    protected HttpClient Client { get; } = service.CreateClient();

    public Task InitializeAsync() => Service.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
