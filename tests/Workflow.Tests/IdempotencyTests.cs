using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.BuildingBlocks.Api;
using Platform.Testing;
using Platform.Workflow.Cases;
using Platform.Workflow.Data;

namespace Platform.Workflow.Tests;

/// <summary>
/// A phone that retries never files twice: with an <c>Idempotency-Key</c> the same request gets its first answer
/// again, the same key with another request is a 422, and a request while the first still runs a 409.
/// </summary>
[Collection(WorkflowServiceCollection.Name)]
public class IdempotencyTests(WorkflowServiceFactory service) : CaseTest(service)
{
    private const int Column = 12;

    [Fact]
    public async Task A_report_sent_again_with_its_key_gets_the_first_answer_and_is_filed_once()
    {
        await GridAsync(Column);
        var client = As(Resident);
        var key = Guid.NewGuid().ToString();
        var report = Report("garbage", Inside(Column), channel: null);

        var first = await client.PostWithKeyAsync("/api/workflow/cases", report, key);
        var again = await client.PostWithKeyAsync("/api/workflow/cases", report, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues(Idempotency.ReplayedHeader).Single());
        Assert.False(first.Headers.Contains(Idempotency.ReplayedHeader));
        var (a, b) = ((await first.Content.ReadFromJsonAsync<CaseResponse>())!, (await again.Content.ReadFromJsonAsync<CaseResponse>())!);
        Assert.Equal((a.Id, a.Number), (b.Id, b.Number));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM cases WHERE number = $1", a.Number));

        // Another person's key of the same text is theirs alone.
        var other = await As(TestCaller.In(Roles.Resident) with { Name = "居民乙" }).PostWithKeyAsync("/api/workflow/cases", report, key);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.NotEqual(a.Id, (await other.Content.ReadFromJsonAsync<CaseResponse>())!.Id);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_and_a_refused_request_may_be_corrected_under_its_key()
    {
        await GridAsync(Column);
        var client = As(Resident);
        var key = Guid.NewGuid().ToString();

        await (await client.PostWithKeyAsync("/api/workflow/cases", Report("no-such-category", Inside(Column), channel: null), key)).AssertProblemAsync(
            HttpStatusCode.BadRequest
        );
        Assert.Equal(
            HttpStatusCode.Created,
            (await client.PostWithKeyAsync("/api/workflow/cases", Report("garbage", Inside(Column), channel: null), key)).StatusCode
        );
        await (await client.PostWithKeyAsync("/api/workflow/cases", Report("noise", Inside(Column), channel: null), key)).AssertProblemAsync(
            (HttpStatusCode)422,
            "idempotency-key-reused"
        );
        await (await client.PostWithKeyAsync("/api/workflow/cases", Report("garbage", Inside(Column), channel: null), new string('k', 201))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "invalid-idempotency-key"
        );
    }

    [Fact]
    public async Task Copies_of_a_report_sent_at_once_file_it_once()
    {
        await GridAsync(Column);
        var client = As(Resident);
        var key = Guid.NewGuid().ToString();
        var description = $"同时重发 {Guid.NewGuid():N}";
        var body = new
        {
            category = "garbage",
            description,
            latitude = Inside(Column).Latitude,
            longitude = Inside(Column).Longitude,
        };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostWithKeyAsync("/api/workflow/cases", body, key)));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        foreach (var busy in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            await busy.AssertProblemAsync(HttpStatusCode.Conflict, "idempotent-request-in-progress");
        }

        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM cases WHERE description = $1", description));
        Assert.Equal(HttpStatusCode.Created, (await client.PostWithKeyAsync("/api/workflow/cases", body, key)).StatusCode);
        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM cases WHERE description = $1", description));
    }

    [Fact]
    public async Task A_step_retried_with_its_key_is_taken_once()
    {
        var grid = await GridAsync(Column);
        var dispatched = await DispatchedToGridAsync(grid);
        var staff = As(GridStaffOf(grid));
        var key = Guid.NewGuid().ToString();

        var first = await staff.PostWithKeyAsync($"/api/workflow/cases/{dispatched.Id}/accept", new { }, key);
        var again = await staff.PostWithKeyAsync($"/api/workflow/cases/{dispatched.Id}/accept", new { }, key);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(CaseState.Accepted, (await again.Content.ReadFromJsonAsync<CaseResponse>())!.State);
        Assert.Single(await TimelineAsync(dispatched.Id), s => s.Action == "Accept");
        // Without a key, the same step again is refused by the state, as before.
        await (await staff.PostAsJsonAsync($"/api/workflow/cases/{dispatched.Id}/accept", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_kept_answer_past_its_time_is_swept_and_the_key_then_files_anew()
    {
        await GridAsync(Column);
        var client = As(Resident);
        var key = Guid.NewGuid().ToString();
        var body = Report("garbage", Inside(Column), channel: null);
        var first = (await (await client.PostWithKeyAsync("/api/workflow/cases", body, key)).Content.ReadFromJsonAsync<CaseResponse>())!;
        await Service.ExecuteAsync($"UPDATE idempotent_requests SET expires_at = now() - interval '1 minute' WHERE key = '{key}'");

        var swept = await Service
            .Services.GetServices<IHostedService>()
            .OfType<ExpiredAnswersSweeper<WorkflowDbContext>>()
            .Single()
            .SweepAsync(CancellationToken.None);
        var later = await client.PostWithKeyAsync("/api/workflow/cases", body, key);

        Assert.True(swept >= 1);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.False(later.IsReplayed());
        Assert.NotEqual(first.Id, (await later.Content.ReadFromJsonAsync<CaseResponse>())!.Id);
    }
}
