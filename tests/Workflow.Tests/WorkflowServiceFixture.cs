using Platform.Testing;

namespace Platform.Workflow.Tests;

public sealed class WorkflowServiceFactory() : ServiceFactory<Program>(ResourceNames.WorkflowDb);

[CollectionDefinition(Name)]
public sealed class WorkflowServiceCollection : ICollectionFixture<WorkflowServiceFactory>
{
    public const string Name = "workflow service";
}

/// <summary>Each test starts on an empty database.</summary>
[Collection(WorkflowServiceCollection.Name)]
public abstract class WorkflowServiceTest(WorkflowServiceFactory service) : IAsyncLifetime
{
    protected WorkflowServiceFactory Service { get; } = service;

    protected HttpClient Client { get; } = service.CreateClient();

    public Task InitializeAsync() => Service.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
