using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Volunteer;
using Platform.Contracts.Workflow;
using Platform.Organization.Indices;
using Platform.Organization.People;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>A member's Vanguard inputs from other services' events over the real broker, once each, and the live score explained.</summary>
public class IndexInputTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private async Task<Guid> MemberAsync(string name) =>
        (
            await (
                await Client.PostAsJsonAsync("/api/organization/people", new RegisterPersonRequest(name, null, null, null, null, false, null))
            ).Content.ReadFromJsonAsync<PersonResponse>()
        )!.Id;

    private IBus Bus => Service.Services.GetRequiredService<IBus>();

    private Task<long> InboxAsync(string consumer) => Service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE consumer = $1", consumer)!;

    [Fact]
    public async Task Hours_and_cases_become_inputs_once_a_correction_replaces_the_figure_and_the_score_says_why()
    {
        var member = await MemberAsync("谢志远");
        var record = Guid.NewGuid();
        var today = new DateOnly(2026, 10, 15);
        var hours = new ServiceHoursApproved
        {
            RecordId = record,
            VolunteerId = Guid.NewGuid(),
            PersonId = member,
            ActivityId = Guid.NewGuid(),
            Hours = 4,
            ServedOn = today,
            OccurredAt = DateTimeOffset.UtcNow,
        };
        var closed = new CaseClosed
        {
            CaseId = Guid.NewGuid(),
            Number = "2026-000042",
            Category = "garbage",
            Channel = "Resident",
            Priority = "Normal",
            ReportedAt = new DateTimeOffset(2026, 10, 13, 4, 0, 0, TimeSpan.Zero),
            ClosedAt = new DateTimeOffset(2026, 10, 15, 4, 0, 0, TimeSpan.Zero),
            HandledByPersonId = member,
            OnTime = true,
            Rating = "Satisfied",
            OccurredAt = DateTimeOffset.UtcNow,
        };

        var logged = Service.Log.Entries.Count;
        await Bus.Publish(hours);
        await Bus.Publish(hours);
        await Bus.Publish(hours with { EventId = Guid.NewGuid(), Hours = 6, OccurredAt = hours.OccurredAt.AddMinutes(5) });
        await Bus.Publish(closed);
        await Eventually.TrueAsync(
            async () => await InboxAsync(nameof(ServiceHoursInputConsumer)) == 2 && await InboxAsync(nameof(CaseClosedInputConsumer)) == 1,
            "the events consumed"
        );
        // The copy and the correction waited their turn: nothing collided on the ledger's key and had to be retried.
        Assert.DoesNotContain(Service.Log.Entries.Skip(logged), e => e.FromDatabaseOrBroker);

        // The member's inputs: the hours, closed on time, rated satisfied (closed and rated count for the community only).
        Assert.Equal(3, await Service.ScalarAsync<long>("SELECT count(*) FROM index_inputs WHERE person_id = $1", member));
        Assert.Equal(6m, await Service.ScalarAsync<decimal>("SELECT quantity FROM index_inputs WHERE source_key = $1", record.ToString()));
        var score = await Client.GetFromJsonAsync<IndexScoreResponse>($"/api/organization/indices/vanguard/scores/{member}?period=2026-10");
        // 60 + 6 h × 0.5 + on time 1 + satisfied 0.5
        Assert.Equal(64.5m, score!.Score.Total);
        Assert.Equal(3m, score.Score.Components.Single(c => c.Code == "service").Points);
        Assert.Equal(["CaseClosedOnTime", "CaseRatedSatisfied"], score.Score.Components.Single(c => c.Code == "cases").Lines.Select(l => l.Kind));
    }

    [Fact]
    public async Task A_member_sees_their_own_score_and_not_anothers()
    {
        var me = await MemberAsync("甲");
        var other = await MemberAsync("乙");
        var member = Service.ClientAs(new TestCaller([Roles.PartyMember]) { PersonId = me });

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/organization/indices/vanguard/scores/{me}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/organization/indices/vanguard/scores/{other}")).StatusCode);
    }
}
