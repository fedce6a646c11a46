using System.Net;
using System.Net.Http.Json;
using Platform.Organization.Communities;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Organization.Posts;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>Days are the subdistrict's (UTC+8): at 00:30 local time on 1 December, "today" is 1 December, not 30 November.</summary>
[Collection(OrganizationAtLocalMidnightCollection.Name)]
public class LocalDayTests(OrganizationAtLocalMidnightFactory service) : ServiceTest<Program>(service)
{
    private async Task<T> CreatedAsync<T>(string url, object body)
    {
        var response = await Client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    [Fact]
    public async Task A_member_who_joined_today_is_not_in_the_future_and_a_post_from_today_starts_on_the_local_day()
    {
        var community = await CreatedAsync<CommunityResponse>("/api/organization/communities", new CreateCommunityRequest("007", "黄河路社区"));
        var root = await CreatedAsync<OrganizationResponse>(
            "/api/organization/organizations",
            new FoundOrganizationRequest("工委", "SubdistrictCommittee", null, null, null)
        );
        var branch = await CreatedAsync<OrganizationResponse>(
            "/api/organization/organizations",
            new FoundOrganizationRequest("黄河路党支部", "CommunityBranch", null, root.Id, community.Id)
        );

        var joinedToday = await Client.PostAsJsonAsync(
            "/api/organization/people",
            new RegisterPersonRequest("王强", null, null, null, new MembershipInput(branch.Id, "Resident", new DateOnly(2026, 12, 1)), false, null)
        );
        var joinedTomorrow = await Client.PostAsJsonAsync(
            "/api/organization/people",
            new RegisterPersonRequest("李明", null, null, null, new MembershipInput(branch.Id, "Resident", new DateOnly(2026, 12, 2)), false, null)
        );
        var member = (await joinedToday.Content.ReadFromJsonAsync<PersonResponse>())!;
        var post = await CreatedAsync<PostResponse>("/api/organization/posts", new AppointRequest(member.Id, branch.Id, "Secretary", null, null, null));

        Assert.Equal(HttpStatusCode.Created, joinedToday.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, joinedTomorrow.StatusCode);
        Assert.Equal(new DateOnly(2026, 12, 1), post.From);
    }
}
