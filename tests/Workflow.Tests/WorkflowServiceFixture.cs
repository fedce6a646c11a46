using Platform.Testing;

namespace Platform.Workflow.Tests;

public sealed class WorkflowServiceFactory() : ServiceFactory<Program>(ResourceNames.WorkflowDb);

[CollectionDefinition(Name)]
public sealed class WorkflowServiceCollection : ICollectionFixture<WorkflowServiceFactory>
{
    public const string Name = "workflow service";
}

[Collection(WorkflowServiceCollection.Name)]
public abstract class WorkflowServiceTest(WorkflowServiceFactory service) : ServiceTest<Program>(service);
