using Platform.Testing;

namespace Platform.Volunteer.Tests;

public sealed class VolunteerServiceFactory() : ServiceFactory<Program>(ResourceNames.VolunteerDb);

[CollectionDefinition(Name)]
public sealed class VolunteerServiceCollection : ICollectionFixture<VolunteerServiceFactory>
{
    public const string Name = "volunteer service";
}

[Collection(VolunteerServiceCollection.Name)]
public abstract class VolunteerServiceTest(VolunteerServiceFactory service) : ServiceTest<Program>(service);
