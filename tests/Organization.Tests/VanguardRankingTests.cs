using System.Net;
using System.Net.Http.Json;
using Platform.Organization.Communities;
using Platform.Organization.Indices;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>Members ranked by their Vanguard scores for a period, from the input ledger.</summary>
public class VanguardRankingTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
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

    private async Task<Guid> MemberAsync(Guid branch, string name) =>
        (
            await (
                await Client.PostAsJsonAsync(
                    "/api/organization/people",
                    new RegisterPersonRequest(name, null, null, null, new MembershipInput(branch, "Resident", null), false, null)
                )
            ).Content.ReadFromJsonAsync<PersonResponse>()
        )!.Id;

    private Task InputAsync(Guid person, string kind) =>
        Service.ExecuteAsync(
            $"""
            INSERT INTO index_inputs (id, person_id, kind, source_key, quantity, at, event_id, event_occurred_at)
            VALUES ('{Guid.NewGuid()}', '{person}', '{kind}', '{Guid.NewGuid()}', 1, '2026-10-10T00:00:00Z', '{Guid.NewGuid()}', '2026-10-10T00:00:00Z')
            """
        );

    [Fact]
    public async Task Members_are_ranked_by_score_and_ties_share_a_rank()
    {
        var branch = await BranchAsync();
        var first = await MemberAsync(branch, "甲");
        var tiedA = await MemberAsync(branch, "乙");
        var tiedB = await MemberAsync(branch, "丙");
        await Client.PostAsJsonAsync("/api/organization/people", new RegisterPersonRequest("非党员", null, null, null, null, false, null));
        await InputAsync(first, "Commendation");
        await InputAsync(tiedA, "VisitLogged");
        await InputAsync(tiedB, "VisitLogged");
        await InputAsync(tiedB, "Penalty");
        await InputAsync(tiedA, "Penalty");

        const string url = "/api/organization/indices/vanguard/ranking?period=2026-10&organizationId=";
        await Eventually.TrueAsync(
            async () => await Service.ScalarAsync<long>("SELECT count(*) FROM index_inputs WHERE NOT scored") == 0,
            "the live scores refreshed"
        );
        var ranking = await Client.GetFromJsonAsync<IndexRanking>(url + branch);

        Assert.Equal(3, ranking!.Rows.TotalCount);
        Assert.False(ranking.Published);
        Assert.Equal((first, 1, 65m), (ranking.Rows.Items[0].SubjectId, ranking.Rows.Items[0].Rank, ranking.Rows.Items[0].Total));
        Assert.Equal([2, 2], ranking.Rows.Items.Skip(1).Select(r => r.Rank));
        Assert.Equal([55.5m, 55.5m], ranking.Rows.Items.Skip(1).Select(r => r.Total));
        Assert.Equal(new[] { tiedA, tiedB }.Order(), ranking.Rows.Items.Skip(1).Select(r => r.SubjectId).Order());

        // A member sees only themselves in a ranking; an unknown organization type is named.
        var member = Service.ClientAs(new TestCaller([Roles.PartyMember]) { PersonId = first });
        var own = await member.GetFromJsonAsync<IndexRanking>(url + branch);
        Assert.Equal([first], own!.Rows.Items.Select(r => r.SubjectId));
        await (await Client.GetAsync("/api/organization/indices/vanguard/ranking?organizationType=Club")).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "invalid-organization-type"
        );
    }
}
