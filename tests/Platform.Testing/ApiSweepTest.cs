using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Api;
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

    /// <summary>Creating endpoints (by name) that do not keep their answer for a retry, and why.</summary>
    protected virtual IReadOnlyDictionary<string, string> NotIdempotent { get; } = new Dictionary<string, string>();

    [Fact]
    public void Every_creating_request_honours_an_idempotency_key()
    {
        // A phone that lost its answer sends the request again: whatever a POST creates must not be created twice.
        var creating = service
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e =>
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true
                && e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == 201)
            )
            .ToList();
        Assert.NotEmpty(creating);
        var missing = creating
            .Where(e =>
                e.Metadata.GetMetadata<IdempotentEndpoint>() is null
                && !NotIdempotent.ContainsKey(e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "")
            )
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        output.WriteLine($"{creating.Count} creating endpoints, {NotIdempotent.Count} exempt");
        Assert.True(missing.Count == 0, $"creating endpoints without .Idempotent(): {string.Join(", ", missing)}");
    }

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
