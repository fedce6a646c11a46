using Xunit;
using Xunit.Abstractions;

namespace Platform.Testing;

/// <summary>
/// Scope on every write, as a test: a service's test project derives one class, in its collection, and builds its
/// <see cref="ScopeWorld"/> (real records in one area) through its own API.
/// </summary>
public abstract class ScopeSweepTest<TProgram>(ServiceFactory<TProgram> service, ITestOutputHelper output) : IAsyncLifetime
    where TProgram : class
{
    protected ServiceFactory<TProgram> Service => service;

    protected HttpClient Admin { get; } = service.ClientAs(TestCaller.Admin);

    public Task InitializeAsync() => service.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Real records in one area, made through the service's API (and events it consumes).</summary>
    protected abstract Task<ScopeWorld> BuildWorldAsync();

    [Fact]
    public async Task Every_operation_on_a_record_refuses_callers_whose_scope_lies_elsewhere()
    {
        var world = await BuildWorldAsync();
        var document = await ApiDocument.ReadAsync(service.ClientAs(null));

        var outcome = await ScopeSweep.RunAsync(document, service.Services, service.ClientAs, world);

        output.WriteLine($"{outcome.Requests} requests to {outcome.Operations} operations; left out by design:");
        foreach (var reason in outcome.Exempt.GroupBy(e => e[(e.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
        {
            output.WriteLine($"- {reason.Key}: {string.Join(", ", reason.Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]))}");
        }
        Assert.True(outcome.Operations > 0);
        Assert.True(outcome.Failures.Count == 0, string.Join("\n", outcome.Failures));
    }
}
