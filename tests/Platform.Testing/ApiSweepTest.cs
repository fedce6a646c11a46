using Xunit;
using Xunit.Abstractions;

namespace Platform.Testing;

/// <summary>
/// The rules every operation of a service keeps, swept from its own OpenAPI document: a service's test project
/// derives one class from it, in its collection (like <see cref="AccessMatrixTest{TProgram}"/>).
/// </summary>
public abstract class ApiSweepTest<TProgram>(ServiceFactory<TProgram> service, ITestOutputHelper output) : IAsyncLifetime
    where TProgram : class
{
    public Task InitializeAsync() => service.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Malformed_values_in_every_field_of_every_operation_are_refused_with_problem_details()
    {
        var document = await ApiDocument.ReadAsync(service.ClientAs(null));

        var outcome = await ApiSweeps.MalformedInputAsync(document, service.Services, service.ClientAs);

        output.WriteLine($"{outcome.Requests} requests sent to {document.Operations.Count()} operations");
        Assert.True(outcome.Requests > 0);
        Assert.True(outcome.Failures.Count == 0, $"{outcome.Failures.Count} of {outcome.Requests}:\n{string.Join("\n", outcome.Failures.Take(60))}");
    }

    [Fact]
    public async Task Every_operation_taking_an_instant_answers_the_same_for_any_offset()
    {
        var document = await ApiDocument.ReadAsync(service.ClientAs(null));

        var outcome = await ApiSweeps.SameInstantAsync(document, service.Services, service.ClientAs);

        output.WriteLine($"{outcome.Requests} requests sent");
        Assert.True(outcome.Requests > 0, "the document has operations taking an instant");
        Assert.True(outcome.Failures.Count == 0, string.Join("\n", outcome.Failures.Take(60)));
    }

    [Fact]
    public async Task Required_values_are_refused_when_left_out_and_optional_ones_are_not()
    {
        var document = await ApiDocument.ReadAsync(service.ClientAs(null));

        var outcome = await ApiSweeps.RequiredValuesAsync(document, service.Services, service.ClientAs);

        output.WriteLine($"{outcome.Requests} requests sent");
        Assert.True(outcome.Requests > 0, "the document has operations taking a JSON body");
        Assert.True(outcome.Failures.Count == 0, $"{outcome.Failures.Count} of {outcome.Requests}:\n{string.Join("\n", outcome.Failures.Take(80))}");
    }
}
