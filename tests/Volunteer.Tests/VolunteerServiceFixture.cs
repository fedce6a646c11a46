using Platform.Testing;

namespace Platform.Volunteer.Tests;

public sealed class VolunteerServiceFactory() : ServiceFactory<Program>(ResourceNames.VolunteerDb);

[CollectionDefinition(Name)]
public sealed class VolunteerServiceCollection : ICollectionFixture<VolunteerServiceFactory>
{
    public const string Name = "volunteer service";
}

/// <summary>Each test starts on an empty database.</summary>
[Collection(VolunteerServiceCollection.Name)]
public abstract class VolunteerServiceTest(VolunteerServiceFactory service) : IAsyncLifetime
{
    protected VolunteerServiceFactory Service { get; } = service;

    protected HttpClient Client { get; } = service.CreateClient();

    public Task InitializeAsync() => Service.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
