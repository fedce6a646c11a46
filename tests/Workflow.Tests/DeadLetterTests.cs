using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Grid;
using Platform.Testing;

namespace Platform.Workflow.Tests;

/// <summary>
/// A message its consumer cannot take (a visit's case when the fallback category is switched off): it lands in the
/// error queue with its reason after its retries, the messages behind it are taken meanwhile, and an operator sends
/// it back once the cause is fixed, once, audited.
/// </summary>
public class DeadLetterTests(WorkflowServiceFactory service) : CaseTest(service)
{
    private const string Queue = "workflow-visit-logged";

    private VisitLogged Visit(Guid grid, string category) =>
        new()
        {
            VisitId = Guid.NewGuid(),
            GridId = grid,
            CommunityId = CommunityId,
            VisitorPersonId = Guid.NewGuid(),
            VisitedAt = DateTimeOffset.UtcNow,
            Findings = "楼道堆放杂物",
            RaisesCase = true,
            CaseCategory = category,
            OccurredAt = DateTimeOffset.UtcNow,
        };

    private Task<long> CasesFromAsync(VisitLogged visit) =>
        Service.ScalarAsync<long>("SELECT count(*) FROM cases WHERE source_ref = $1", $"visit:{visit.VisitId}");

    [Fact]
    public async Task A_poison_message_waits_in_the_error_queue_with_its_reason_and_is_replayed_once_after_the_fix()
    {
        var grid = await GridAsync(0);
        var poison = Visit(grid, "no-such-category");
        var healthy = Visit(grid, "garbage");
        await Service.ExecuteAsync("UPDATE case_categories SET active = false WHERE code = 'other'");
        try
        {
            await Bus.Publish(poison);
            await Bus.Publish(healthy);

            // The one behind it is not held up by its retries.
            await Eventually.TrueAsync(async () => await CasesFromAsync(healthy) == 1, "the healthy visit taken in");

            var listed = await Eventually.GetAsync(
                async () =>
                    (await Client.GetFromJsonAsync<DeadLetterList>("/api/workflow/admin/dead-letters"))!.Messages.FirstOrDefault(m =>
                        m.MessageId == poison.EventId.ToString()
                    ),
                "the poison message in the error queue",
                TimeSpan.FromSeconds(90)
            );
            Assert.Equal(Queue, listed.Queue);
            Assert.Equal("Platform.Contracts.Grid:VisitLogged", listed.MessageType);
            Assert.Contains("InvalidOperationException", listed.ExceptionType, StringComparison.Ordinal);
            Assert.Contains("could not be taken in as a case", listed.Reason, StringComparison.Ordinal);
            Assert.Equal(0, await CasesFromAsync(poison));
            // Looking does not take it off its queue.
            Assert.Contains((await Client.GetFromJsonAsync<DeadLetterList>("/api/workflow/admin/dead-letters"))!.Messages, m =>
                m.MessageId == listed.MessageId
            );
            Assert.Equal(
                HttpStatusCode.Forbidden,
                (await As(Resident).PostAsync($"/api/workflow/admin/dead-letters/{listed.MessageId}/replay", null)).StatusCode
            );
        }
        finally
        {
            await Service.ExecuteAsync("UPDATE case_categories SET active = true WHERE code = 'other'");
        }

        // Fixed: the operator sends it back; it becomes its case once, and the replay is on record.
        var replayed = await Client.PostAsync($"/api/workflow/admin/dead-letters/{poison.EventId}/replay", null);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        var replay = (await replayed.Content.ReadFromJsonAsync<DeadLetterReplayResponse>())!;
        Assert.Equal((Queue, TestCaller.Admin.Name), (replay.Queue, replay.ReplayedBy));
        await Eventually.TrueAsync(async () => await CasesFromAsync(poison) == 1, "the replayed visit taken in");
        await (await Client.PostAsync($"/api/workflow/admin/dead-letters/{poison.EventId}/replay", null)).AssertProblemAsync(
            HttpStatusCode.NotFound,
            "dead-letter-not-found"
        );
        Assert.DoesNotContain((await Client.GetFromJsonAsync<DeadLetterList>("/api/workflow/admin/dead-letters"))!.Messages, m =>
            m.MessageId == poison.EventId.ToString()
        );
        var audit = await Client.GetFromJsonAsync<Page<DeadLetterReplayResponse>>("/api/workflow/admin/dead-letters/replays");
        Assert.Contains(audit!.Items, r => r.MessageId == poison.EventId.ToString() && r.Reason!.Contains("could not be taken in", StringComparison.Ordinal));
        Assert.Equal(1, await CasesFromAsync(poison));
    }
}
