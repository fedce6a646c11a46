using Platform.Testing;

namespace Platform.Workflow.Tests;

public class WorkflowServiceFactory() : ServiceFactory<Program>(ResourceNames.WorkflowDb)
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

/// <summary>The service on a fake clock stopped at 00:30 local time on New Year's Day 2027: the UTC date is still 31 December 2026.</summary>
public sealed class WorkflowAtLocalNewYearFactory : WorkflowServiceFactory
{
    protected override TimeProvider? Clock { get; } = SubdistrictClock.At(new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(8)));
}

[CollectionDefinition(Name)]
public sealed class WorkflowAtLocalNewYearCollection : ICollectionFixture<WorkflowAtLocalNewYearFactory>
{
    public const string Name = "workflow service at local new year";
}
