using Platform.Testing;

namespace Platform.Volunteer.Tests;

public class VolunteerServiceFactory() : ServiceFactory<Program>(ResourceNames.VolunteerDb);

[CollectionDefinition(Name)]
public sealed class VolunteerServiceCollection : ICollectionFixture<VolunteerServiceFactory>
{
    public const string Name = "volunteer service";
}

[Collection(VolunteerServiceCollection.Name)]
public abstract class VolunteerServiceTest(VolunteerServiceFactory service) : ServiceTest<Program>(service);

/// <summary>The service on a fake clock stopped at 00:30 local time on 1 December: the UTC date is still 30 November.</summary>
public sealed class VolunteerAtLocalMidnightFactory : VolunteerServiceFactory
{
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Fake { get; } = SubdistrictClock.At(SubdistrictClock.HalfPastMidnightOnTheFirst);

    protected override TimeProvider? Clock => Fake;
}

[CollectionDefinition(Name)]
public sealed class VolunteerAtLocalMidnightCollection : ICollectionFixture<VolunteerAtLocalMidnightFactory>
{
    public const string Name = "volunteer service at local midnight";
}
