using Xunit;

namespace Platform.Testing;

/// <summary>
/// A test of one service: a client to it calling as the subdistrict admin (tests of access use
/// <see cref="ServiceFactory{TProgram}.ClientAs"/>), and an empty database at the start of every test.
/// </summary>
public abstract class ServiceTest<TProgram>(ServiceFactory<TProgram> service) : IAsyncLifetime
    where TProgram : class
{
    protected ServiceFactory<TProgram> Service { get; } = service;

    protected HttpClient Client { get; } = service.ClientAs(TestCaller.Admin);

    public virtual Task InitializeAsync() => Service.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
