using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Platform.Workflow.Notifications;

namespace Platform.Workflow.Tests;

/// <summary>
/// A phone's inbox while the app is open: replies arrive on a server-sent event stream as they are delivered,
/// and a phone that was away asks for what came after the last message it saw.
/// </summary>
[Collection(WorkflowServiceCollection.Name)]
public class LiveInboxTests(WorkflowServiceFactory service) : CaseTest(service)
{
    private const int Column = 14;

    [Fact]
    public async Task A_reply_arrives_on_the_open_stream_and_a_phone_that_was_away_catches_up_from_its_last_message()
    {
        var grid = await GridAsync(Column);
        var staff = GridStaffOf(grid);
        var reported = await ReportAsync(Resident, Report("garbage", Inside(Column), channel: null));
        await StepAsync(Operator, reported.Id, "register");
        await StepAsync(Operator, reported.Id, "dispatch", new { level = "Grid" });
        await StepAsync(staff, reported.Id, "accept");
        await StepAsync(staff, reported.Id, "resolve", new { text = "已清运" });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/workflow/notifications/mine/live");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var stream = await As(Resident).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));

        // The reply is sent while the stream is open: it arrives on it, with its id.
        await StepAsync(staff, reported.Id, "reply", new { text = "垃圾已清运，感谢反映" });
        var (id, first) = await NextNotificationAsync(reader, timeout.Token);

        Assert.Equal(reported.Id, first.CaseId);
        Assert.Equal("Reply", first.Kind);
        Assert.Contains("垃圾已清运", first.Text, StringComparison.Ordinal);
        Assert.Equal(first.Id.ToString(), id);

        // Away from the network: the case is reopened and replied to again. Back, the phone asks after its last id.
        stream.Dispose();
        await StepAsync(Resident, reported.Id, "rating", new { rating = "Dissatisfied", comment = "门口还有" });
        await StepAsync(staff, reported.Id, "resolve", new { text = "门口已清理" });
        await StepAsync(staff, reported.Id, "reply", new { text = "门口也已清理" });
        var missed = await Eventually.GetAsync(
            async () =>
            {
                var after = await As(Resident).GetFromJsonAsync<List<NotificationResponse>>($"/api/workflow/notifications/mine/live?after={first.Id}");
                return after is { Count: > 0 } ? after : null;
            },
            "the second reply delivered"
        );

        Assert.Single(missed);
        Assert.Contains("门口也已清理", missed[0].Text, StringComparison.Ordinal);
        // Someone else's inbox has none of it.
        var other = await As(TestCaller.In(Roles.Resident) with { Name = "居民乙" })
            .GetFromJsonAsync<List<NotificationResponse>>($"/api/workflow/notifications/mine/live?after={first.Id}");
        Assert.Empty(other!);
    }

    private static async Task<(string Id, NotificationResponse Notification)> NextNotificationAsync(StreamReader reader, CancellationToken ct)
    {
        string? id = null,
            kind = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                kind = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && kind == "notification")
            {
                return (id!, JsonSerializer.Deserialize<NotificationResponse>(line[6..], JsonSerializerOptions.Web)!);
            }
        }

        throw new InvalidOperationException("the stream ended before a notification");
    }
}
