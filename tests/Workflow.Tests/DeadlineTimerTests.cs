using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Platform.Contracts.Grid;
using Platform.Testing;
using Platform.Workflow.Assessment;
using Platform.Workflow.Deadlines;

namespace Platform.Workflow.Tests;

/// <summary>The supervision timer against real Postgres: several instances at once, and a restart, act on each case once.</summary>
public class DeadlineTimerTests(WorkflowServiceFactory service) : CaseTest(service)
{
    private DeadlineWatcher Instance(TimeProvider clock) =>
        new(
            Service.Services.GetRequiredService<IServiceScopeFactory>(),
            Service.Services.GetRequiredService<DeadlinePolicy>(),
            Service.Services.GetRequiredService<IOptions<DeadlineOptions>>(),
            Service.Services.GetRequiredService<IOptions<AssessmentOptions>>(),
            clock,
            NullLogger<DeadlineWatcher>.Instance
        );

    private static async Task RunUntilIdleAsync(DeadlineWatcher watcher)
    {
        while (await watcher.RunOnceAsync(CancellationToken.None) > 0) { }
    }

    private Task<long> CountAsync(string sql) => Service.ScalarAsync<long>(sql)!;

    [Fact]
    public async Task Three_instances_mark_each_overdue_case_once_and_a_restarted_one_escalates_each_once_more()
    {
        var grid = await GridAsync(0);
        var staff = GridStaffOf(grid);
        var cases = new List<Guid>();
        for (var i = 0; i < 24; i++)
        {
            cases.Add((await DispatchedToGridAsync(grid, i % 2 == 0 ? "garbage" : "noise")).Id);
        }

        var resolved = cases[1];
        await StepAsync(staff, resolved, "accept");
        await StepAsync(staff, resolved, "resolve", new { text = "已清运" });

        // Long after every deadline: three instances race over the same due rows.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(40));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => RunUntilIdleAsync(Instance(clock)))));

        var open = cases.Count - 1;
        Assert.Equal(open, await CountAsync("SELECT count(*) FROM case_steps WHERE action = 'Overdue'"));
        Assert.Equal(open, await CountAsync("SELECT count(DISTINCT case_id) FROM case_steps WHERE action = 'Overdue'"));
        Assert.Equal(open, await CountAsync("SELECT count(*) FROM case_steps WHERE action = 'Escalate'"));
        Assert.Equal(open, await CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%CaseOverdue%'"));
        Assert.Equal(open, await CountAsync("SELECT count(*) FROM cases WHERE supervising_level = 'Community'"));
        Assert.Equal(
            open,
            await CountAsync($"SELECT count(*) FROM assessment_items WHERE level = 'Grid' AND subject_id = '{grid}' AND points = -1 AND source = 'Rule'")
        );
        Assert.Equal(open, await CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%AssessmentRecorded%'"));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM case_steps WHERE case_id = '{resolved}' AND action IN ('Overdue', 'Escalate')"));

        // A day later, with new instances (as after a restart): one more level each, then nothing is left to do.
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunUntilIdleAsync(Instance(clock)))));
        clock.Advance(TimeSpan.FromDays(5));
        await RunUntilIdleAsync(Instance(clock));

        Assert.Equal(open, await CountAsync("SELECT count(*) FROM cases WHERE supervising_level = 'Subdistrict'"));
        Assert.Equal(2 * open, await CountAsync("SELECT count(*) FROM case_steps WHERE action = 'Escalate'"));
        Assert.Equal(2 * open, await CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%CaseEscalated%'"));
        Assert.Equal(open, await CountAsync("SELECT count(*) FROM case_steps WHERE action = 'Overdue'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM cases WHERE next_check_at IS NOT NULL"));
    }

    [Fact]
    public async Task The_handler_is_warned_once_before_the_deadline_in_their_inbox()
    {
        var grid = await GridAsync(0);
        var leader = Guid.NewGuid();
        await Bus.Publish(
            new GridStaffChanged
            {
                AssignmentId = Guid.NewGuid(),
                GridId = grid,
                CommunityId = CommunityId,
                PersonId = leader,
                Post = "Leader",
                Active = true,
                From = SubdistrictClock.Today,
                OccurredAt = DateTimeOffset.UtcNow,
            }
        );
        await Eventually.TrueAsync(
            async () => await CountAsync($"SELECT count(*) FROM known_grid_posts WHERE person_id = '{leader}'") == 1,
            "the leader known"
        );
        var dispatched = await DispatchedToGridAsync(grid);
        var clock = new FakeTimeProvider(dispatched.DueAt!.Value.AddHours(-1));

        await RunUntilIdleAsync(Instance(clock));
        await RunUntilIdleAsync(Instance(clock));

        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM case_steps WHERE case_id = '{dispatched.Id}' AND action = 'Warned'"));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM case_steps WHERE case_id = '{dispatched.Id}' AND action = 'Overdue'"));
        Assert.Equal(
            1,
            await CountAsync($"SELECT count(*) FROM notifications WHERE case_id = '{dispatched.Id}' AND kind = 'Warning' AND recipient = 'person:{leader}'")
        );
    }
}
