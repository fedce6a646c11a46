using Platform.Testing;

namespace Platform.Grid.Tests;

public sealed class GridServiceFactory() : ServiceFactory<Program>(ResourceNames.GridDb)
{
    /// <summary>The built-in layers come with the migrations.</summary>
    protected override IEnumerable<string> KeptTables => [.. base.KeptTables, "layers"];
}

[CollectionDefinition(Name)]
public sealed class GridServiceCollection : ICollectionFixture<GridServiceFactory>
{
    public const string Name = "grid service";
}

[Collection(GridServiceCollection.Name)]
public abstract class GridServiceTest(GridServiceFactory service) : ServiceTest<Program>(service);
