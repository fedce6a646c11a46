using Platform.Testing;

namespace Platform.Organization.Tests;

public class OrganizationServiceFactory() : ServiceFactory<Program>(ResourceNames.OrganizationDb);

[CollectionDefinition(Name)]
public sealed class OrganizationServiceCollection : ICollectionFixture<OrganizationServiceFactory>
{
    public const string Name = "organization service";
}

[Collection(OrganizationServiceCollection.Name)]
public abstract class OrganizationServiceTest(OrganizationServiceFactory service) : ServiceTest<Program>(service);

/// <summary>The service on a fake clock stopped at 00:30 local time on 1 December: the UTC date is still 30 November.</summary>
public sealed class OrganizationAtLocalMidnightFactory : OrganizationServiceFactory
{
    protected override TimeProvider? Clock { get; } = SubdistrictClock.At(SubdistrictClock.HalfPastMidnightOnTheFirst);
}

[CollectionDefinition(Name)]
public sealed class OrganizationAtLocalMidnightCollection : ICollectionFixture<OrganizationAtLocalMidnightFactory>
{
    public const string Name = "organization service at local midnight";
}
