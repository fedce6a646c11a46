using Platform.Testing;

namespace Platform.Grid.Tests;

public class GridServiceFactory() : ServiceFactory<Program>(ResourceNames.GridDb)
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

/// <summary>The service on a fake clock stopped at 00:30 local time on 1 December: the UTC date is still 30 November.</summary>
public sealed class GridAtLocalMidnightFactory : GridServiceFactory
{
    protected override TimeProvider? Clock { get; } = SubdistrictClock.At(SubdistrictClock.HalfPastMidnightOnTheFirst);
}

[CollectionDefinition(Name)]
public sealed class GridAtLocalMidnightCollection : ICollectionFixture<GridAtLocalMidnightFactory>
{
    public const string Name = "grid service at local midnight";
}
