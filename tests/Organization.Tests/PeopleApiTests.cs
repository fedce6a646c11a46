using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Contracts.Organization;
using Platform.Organization.Communities;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Testing;

namespace Platform.Organization.Tests;

public class PeopleApiTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private static readonly string IdCard = PersonalDataRulesTests.IdCard("63280219850312001");

    private async Task<Guid> BranchAsync()
    {
        var community = (
            await (
                await Client.PostAsJsonAsync("/api/organization/communities", new CreateCommunityRequest("001", "长江路社区"))
            ).Content.ReadFromJsonAsync<CommunityResponse>()
        )!.Id;
        var root = (
            await (
                await Client.PostAsJsonAsync("/api/organization/organizations", new FoundOrganizationRequest("工委", "SubdistrictCommittee", null, null, null))
            ).Content.ReadFromJsonAsync<OrganizationResponse>()
        )!.Id;
        return (
            await (
                await Client.PostAsJsonAsync(
                    "/api/organization/organizations",
                    new FoundOrganizationRequest("党支部", "CommunityBranch", null, root, community)
                )
            ).Content.ReadFromJsonAsync<OrganizationResponse>()
        )!.Id;
    }

    private async Task<PersonResponse> RegisterAsync(Guid branch, string idCard)
    {
        var response = await Client.PostAsJsonAsync(
            "/api/organization/people",
            new RegisterPersonRequest(
                "李娜",
                "13812345678",
                idCard,
                "德令哈市河西街道长江路12号3单元",
                new MembershipInput(branch, "InService", new DateOnly(2010, 7, 1)),
                false,
                null
            )
        );
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PersonResponse>())!;
    }

    [Fact]
    public async Task Personal_data_is_masked_in_reads_and_lists_and_not_stored_in_plain_text()
    {
        var person = await RegisterAsync(await BranchAsync(), IdCard);

        Assert.Equal("138****5678", person.Phone);
        Assert.Equal("632802********" + IdCard[^4..], person.IdCardNumber);
        Assert.Equal("德令哈市河西****", person.HomeAddress);
        var list = await Client.GetFromJsonAsync<Page<PersonResponse>>("/api/organization/people?memberType=InService");
        Assert.Equal("138****5678", Assert.Single(list!.Items).Phone);

        var stored = await Service.ScalarAsync<string>(
            "SELECT concat_ws('|', phone_protected, id_card_protected, home_address_protected, id_card_hash) FROM people"
        );
        Assert.DoesNotContain("13812345678", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(IdCard, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("长江路12号", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reveal_needs_a_reason_shows_the_whole_values_and_is_audited()
    {
        var person = await RegisterAsync(await BranchAsync(), IdCard);

        var refused = await Client.PostAsJsonAsync($"/api/organization/people/{person.Id}/personal-data/reveal", new RevealRequest(" "));
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "reveal-reason-required");
        Assert.Equal(0, await Service.ScalarAsync<long>("SELECT count(*) FROM personal_data_reveals"));

        var revealed = await (
            await Client.PostAsJsonAsync($"/api/organization/people/{person.Id}/personal-data/reveal", new RevealRequest("回访核实诉求"))
        ).Content.ReadFromJsonAsync<RevealedPersonalData>();
        Assert.Equal("13812345678", revealed!.Phone);
        Assert.Equal(IdCard, revealed.IdCardNumber);
        Assert.Equal("德令哈市河西街道长江路12号3单元", revealed.HomeAddress);

        var audit = await Client.GetFromJsonAsync<Page<RevealRecordResponse>>($"/api/organization/personal-data/reveals?personId={person.Id}");
        var record = Assert.Single(audit!.Items);
        Assert.Equal("回访核实诉求", record.Reason);
        Assert.Equal(revealed.RevealId, record.Id);
    }

    [Fact]
    public async Task A_duplicate_id_card_number_is_a_409()
    {
        var branch = await BranchAsync();
        await RegisterAsync(branch, IdCard);

        var second = await Client.PostAsJsonAsync(
            "/api/organization/people",
            new RegisterPersonRequest("王强", null, IdCard.ToLowerInvariant(), null, null, false, null)
        );

        await second.AssertProblemAsync(HttpStatusCode.Conflict, "duplicate-id-card");
    }

    [Theory]
    [InlineData("12345", null, "invalid-phone")]
    [InlineData(null, "632802198503120010", "invalid-id-card")]
    public async Task Malformed_contact_data_is_a_400(string? phone, string? idCard, string code)
    {
        var response = await Client.PostAsJsonAsync("/api/organization/people", new RegisterPersonRequest("王强", phone, idCard, null, null, false, null));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Membership_of_an_unknown_organization_is_a_400()
    {
        var response = await Client.PostAsJsonAsync(
            "/api/organization/people",
            new RegisterPersonRequest("王强", null, null, null, new MembershipInput(Guid.NewGuid(), "Resident", null), false, null)
        );

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown-organization");
    }

    [Fact]
    public async Task Members_keep_their_organization_from_being_dissolved_until_moved()
    {
        var branch = await BranchAsync();
        var person = await RegisterAsync(branch, IdCard);

        await (await Client.PostAsync($"/api/organization/organizations/{branch}/dissolve", null)).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "organization-not-empty"
        );

        var left = await Client.PutAsJsonAsync($"/api/organization/people/{person.Id}/membership", new ChangeMembershipRequest(null));
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/organization/organizations/{branch}/dissolve", null)).StatusCode);
    }

    [Fact]
    public async Task PersonChanged_carries_no_personal_data()
    {
        await using var events = await PublishedEvents.ListenAsync<PersonChanged>(Service.Servers.RabbitMq);

        var person = await RegisterAsync(await BranchAsync(), IdCard);

        var envelope = await events.NextAsync(m => m.GetProperty("personId").GetGuid() == person.Id);
        var raw = envelope.GetRawText();
        Assert.Equal("InService", envelope.GetProperty("message").GetProperty("memberType").GetString());
        Assert.DoesNotContain("5678", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(IdCard[^6..], raw, StringComparison.Ordinal);
        Assert.DoesNotContain("长江路12号", raw, StringComparison.Ordinal);
    }
}
