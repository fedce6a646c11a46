using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Grid;
using Platform.Testing;

namespace Platform.Grid.Tests;

/// <summary>
/// The tests' listener on the broker (<see cref="PublishedEvents"/>) finds events whatever order they arrive in: the outbox
/// relay publishes a round's rows together, so a post taken up and ended moments apart may reach the queue ended first
/// (CI once lost the second event of the staffing test that way, the listener having dropped it while waiting for the first).
/// </summary>
public class PublishedEventsTests(GridServiceFactory service) : GridServiceTest(service)
{
    private static GridStaffChanged Post(Guid assignment, bool active) =>
        new()
        {
            AssignmentId = assignment,
            GridId = Guid.NewGuid(),
            CommunityId = Guid.NewGuid(),
            PersonId = Guid.NewGuid(),
            Post = "Leader",
            Active = active,
            From = SubdistrictClock.Today,
            To = active ? null : SubdistrictClock.Today,
            OccurredAt = DateTimeOffset.UtcNow,
        };

    private static Guid EventId(System.Text.Json.JsonElement envelope) => envelope.GetProperty("message").GetProperty("eventId").GetGuid();

    [Fact]
    public async Task An_event_passed_over_while_waiting_for_another_is_found_by_the_next_wait()
    {
        await using var events = await PublishedEvents.ListenAsync<GridStaffChanged>(Service.Servers.RabbitMq);
        var bus = Service.Services.GetRequiredService<IBus>();
        var assignment = Guid.NewGuid();
        var ended = Post(assignment, active: false);
        var taken = Post(assignment, active: true);
        await bus.Publish(ended);
        await bus.Publish(taken);

        var first = await events.NextAsync(m => m.GetProperty("assignmentId").GetGuid() == assignment && m.GetProperty("active").GetBoolean());
        var second = await events.NextAsync(
            m => m.GetProperty("assignmentId").GetGuid() == assignment && !m.GetProperty("active").GetBoolean(),
            TimeSpan.FromSeconds(5)
        );

        Assert.Equal((taken.EventId, ended.EventId), (EventId(first), EventId(second)));
        Assert.DoesNotContain(await events.DrainAsync(), e => e.GetProperty("message").GetProperty("assignmentId").GetGuid() == assignment);
    }
}
