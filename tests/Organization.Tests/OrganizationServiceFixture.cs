using Platform.Testing;

namespace Platform.Organization.Tests;

public sealed class OrganizationServiceFactory() : ServiceFactory<Program>(ResourceNames.OrganizationDb);

[CollectionDefinition(Name)]
public sealed class OrganizationServiceCollection : ICollectionFixture<OrganizationServiceFactory>
{
    public const string Name = "organization service";
}

[Collection(OrganizationServiceCollection.Name)]
public abstract class OrganizationServiceTest(OrganizationServiceFactory service) : ServiceTest<Program>(service);
