using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Api;
using Platform.Testing;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Tests;

/// <summary>
/// A phone that retries never files twice: with an <c>Idempotency-Key</c> the same request gets its first answer
/// again, the same key with another request is a 422, and a request while the first still runs a 409.
/// </summary>
[Collection(WorkflowServiceCollection.Name)]
public class IdempotencyTests(WorkflowServiceFactory service) : CaseTest(service)
{
    private const int Column = 12;

    // Creating endpoints that do not keep their answer, and why.
    private static readonly Dictionary<string, string> Exempt = new()
    {
        ["IssueOpen311Key"] = "its answer carries a secret shown once: keeping the answer would keep the secret",
        ["Open311CreateRequest"] = "Open311 GeoReport v2 is form-encoded and defines its own retries (a client's service_request_id)",
    };

    [Fact]
    public void Every_creating_request_honours_an_idempotency_key()
    {
        var creating = Service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true
                && e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == 201))
            .ToList();
        Assert.True(creating.Count >= 8, $"{creating.Count} creating endpoints found");
        var missing = creating.Where(e => e.Metadata.GetMetadata<IdempotentEndpoint>() is null && !Exempt.ContainsKey(e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? ""))
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(missing.Count == 0, $"creating endpoints without .Idempotent(): {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task A_report_sent_again_with_its_key_gets_the_first_answer_and_is_filed_once()
    {
        await GridAsync(Column);
        var client = As(Resident);
        var key = Guid.NewGuid().ToString();
        var report = Report("garbage", Inside(Column), channel: null);

        var first = await SendAsync(client, "/api/workflow/cases", report, key);
        var again = await SendAsync(client, "/api/workflow/cases", report, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues(Idempotency.ReplayedHeader).Single());
        Assert.False(first.Headers.Contains(Idempotency.ReplayedHeader));
        var (a, b) = ((await first.Content.ReadFromJsonAsync<CaseResponse>())!, (await again.Content.ReadFromJsonAsync<CaseResponse>())!);
        Assert.Equal((a.Id, a.Number), (b.Id, b.Number));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM cases WHERE number = $1", a.Number));

        // Another person's key of the same text is theirs alone.
        var other = await SendAsync(As(TestCaller.In(Roles.Resident) with { Name = "居民乙" }), "/api/workflow/cases", report, key);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.NotEqual(a.Id, (await other.Content.ReadFromJsonAsync<CaseResponse>())!.Id);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_and_a_refused_request_may_be_corrected_under_its_key()
    {
        await GridAsync(Column);
        var client = As(Resident);
        var key = Guid.NewGuid().ToString();

        await (await SendAsync(client, "/api/workflow/cases", Report("no-such-category", Inside(Column), channel: null), key)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(client, "/api/workflow/cases", Report("garbage", Inside(Column), channel: null), key)).StatusCode);
        await (await SendAsync(client, "/api/workflow/cases", Report("noise", Inside(Column), channel: null), key)).AssertProblemAsync((HttpStatusCode)422, "idempotency-key-reused");
        await (await SendAsync(client, "/api/workflow/cases", Report("garbage", Inside(Column), channel: null), new string('k', 201))).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-idempotency-key");
    }

    [Fact]
    public async Task Copies_of_a_report_sent_at_once_file_it_once()
    {
        await GridAsync(Column);
        var client = As(Resident);
        var key = Guid.NewGuid().ToString();
        var description = $"同时重发 {Guid.NewGuid():N}";
        var body = new { category = "garbage", description, latitude = Inside(Column).Latitude, longitude = Inside(Column).Longitude };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendAsync(client, "/api/workflow/cases", body, key)));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        foreach (var busy in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            await busy.AssertProblemAsync(HttpStatusCode.Conflict, "idempotent-request-in-progress");
        }

        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM cases WHERE description = $1", description));
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(client, "/api/workflow/cases", body, key)).StatusCode);
        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM cases WHERE description = $1", description));
    }

    [Fact]
    public async Task A_step_retried_with_its_key_is_taken_once()
    {
        var grid = await GridAsync(Column);
        var dispatched = await DispatchedToGridAsync(grid);
        var staff = As(GridStaffOf(grid));
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(staff, $"/api/workflow/cases/{dispatched.Id}/accept", new { }, key);
        var again = await SendAsync(staff, $"/api/workflow/cases/{dispatched.Id}/accept", new { }, key);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(CaseState.Accepted, (await again.Content.ReadFromJsonAsync<CaseResponse>())!.State);
        Assert.Single(await TimelineAsync(dispatched.Id), s => s.Action == "Accept");
        // Without a key, the same step again is refused by the state, as before.
        await (await staff.PostAsJsonAsync($"/api/workflow/cases/{dispatched.Id}/accept", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(Idempotency.Header, key);
        return client.SendAsync(request);
    }
}
