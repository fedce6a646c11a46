using Platform.Testing;

namespace Platform.Workflow.Tests;

public sealed class WorkflowServiceFactory() : ServiceFactory<Program>(ResourceNames.WorkflowDb)
{
    /// <summary>The built-in case categories are reference data the migrations seed: every test starts with them.</summary>
    protected override IEnumerable<string> KeptTables => [.. base.KeptTables, "case_categories"];
}

[CollectionDefinition(Name)]
public sealed class WorkflowServiceCollection : ICollectionFixture<WorkflowServiceFactory>
{
    public const string Name = "workflow service";
}

[Collection(WorkflowServiceCollection.Name)]
public abstract class WorkflowServiceTest(WorkflowServiceFactory service) : ServiceTest<Program>(service);
