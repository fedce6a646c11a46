using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Contracts.Volunteer;
using Platform.Testing;
using Platform.Volunteer.Wishes;

namespace Platform.Volunteer.Tests;

public class WishesTests(VolunteerServiceFactory service) : VolunteerApiTest(service)
{
    [Fact]
    public async Task A_member_claims_and_fulfils_a_residents_wish_and_the_resident_confirms_it()
    {
        await using var events = await PublishedEvents.ListenAsync<WishFulfilled>(Service.Servers.RabbitMq);
        var resident = Service.ClientAs(TestCaller.In(Roles.Resident));
        var person = Guid.NewGuid();
        var member = Service.ClientAs(new TestCaller([Roles.PartyMember]) { PersonId = person });
        var otherMember = Service.ClientAs(TestCaller.In(Roles.PartyMember));

        var wish = (
            await (
                await resident.PostAsJsonAsync("/api/volunteer/wishes", new WishRequest(Community, "想要一台收音机", "独居老人，想听戏曲"))
            ).Content.ReadFromJsonAsync<WishResponse>()
        )!;
        var seen = await member.GetFromJsonAsync<Page<WishResponse>>("/api/volunteer/wishes");
        await member.PostAsJsonAsync($"/api/volunteer/wishes/{wish.Id}/claim", new ClaimWishRequest(null));
        var taken = await otherMember.PostAsJsonAsync($"/api/volunteer/wishes/{wish.Id}/claim", new ClaimWishRequest(null));
        var notTheirs = await otherMember.PostAsJsonAsync($"/api/volunteer/wishes/{wish.Id}/fulfil", new FulfilRequest(null));
        var early = await resident.PostAsync($"/api/volunteer/wishes/{wish.Id}/confirm", null);
        await member.PostAsJsonAsync($"/api/volunteer/wishes/{wish.Id}/fulfil", new FulfilRequest("已送到家中"));
        var byOther = await member.PostAsync($"/api/volunteer/wishes/{wish.Id}/confirm", null);
        var confirmed = await resident.PostAsync($"/api/volunteer/wishes/{wish.Id}/confirm", null);

        Assert.True(Assert.Single(seen!.Items).Mine is false);
        await taken.AssertProblemAsync(HttpStatusCode.Conflict, "wish-taken");
        await notTheirs.AssertProblemAsync(HttpStatusCode.Forbidden, "out-of-scope");
        await early.AssertProblemAsync(HttpStatusCode.Conflict, "wish-not-fulfilled");
        await byOther.AssertProblemAsync(HttpStatusCode.Forbidden, "out-of-scope");
        Assert.Equal("Confirmed", (await confirmed.Content.ReadFromJsonAsync<WishResponse>())!.Status);
        var message = (await events.NextAsync(m => m.GetProperty("wishId").GetGuid() == wish.Id)).GetProperty("message");
        Assert.Equal(person, message.GetProperty("personId").GetGuid());
        Assert.DoesNotContain(
            "ownerSubject",
            await (await member.GetAsync("/api/volunteer/wishes?mine=true")).Content.ReadAsStringAsync(),
            StringComparison.OrdinalIgnoreCase
        );
    }

    [Fact]
    public async Task Of_members_claiming_one_wish_at_once_exactly_one_gets_it()
    {
        var resident = Service.ClientAs(TestCaller.In(Roles.Resident));
        var wish = (
            await (await resident.PostAsJsonAsync("/api/volunteer/wishes", new WishRequest(Community, "轮椅", null))).Content.ReadFromJsonAsync<WishResponse>()
        )!;
        var members = Enumerable.Range(0, 6).Select(_ => Service.ClientAs(new TestCaller([Roles.PartyMember]) { PersonId = Guid.NewGuid() })).ToList();

        var responses = await Task.WhenAll(members.Select(m => m.PostAsJsonAsync($"/api/volunteer/wishes/{wish.Id}/claim", new ClaimWishRequest(null))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }
}
