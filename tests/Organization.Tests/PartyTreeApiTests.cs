using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Organization;
using Platform.Organization.Communities;
using Platform.Organization.PartyOrganizations;
using Platform.Testing;

namespace Platform.Organization.Tests;

public class PartyTreeApiTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private async Task<Guid> CommunityAsync(string code = "001") =>
        (
            await (
                await Client.PostAsJsonAsync("/api/organization/communities", new CreateCommunityRequest(code, $"社区{code}"))
            ).Content.ReadFromJsonAsync<CommunityResponse>()
        )!.Id;

    private async Task<HttpResponseMessage> FoundAsync(string name, string kind, Guid? parentId = null, Guid? communityId = null, string? mass = null) =>
        await Client.PostAsJsonAsync("/api/organization/organizations", new FoundOrganizationRequest(name, kind, mass, parentId, communityId));

    private async Task<Guid> FoundOkAsync(string name, string kind, Guid? parentId = null, Guid? communityId = null)
    {
        var response = await FoundAsync(name, kind, parentId, communityId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrganizationResponse>())!.Id;
    }

    [Fact]
    public async Task The_tree_reads_whole_and_from_any_node()
    {
        var community = await CommunityAsync();
        var root = await FoundOkAsync("河西街道工委", "SubdistrictCommittee");
        var general = await FoundOkAsync("长江路社区党总支", "CommunityGeneralBranch", root, community);
        var compound = await FoundOkAsync("阳光小区党支部", "CompoundBranch", general);
        await FoundOkAsync("1号楼党小组", "BuildingGroup", compound);
        await FoundOkAsync("2号楼党小组", "BuildingGroup", compound);

        var whole = await Client.GetFromJsonAsync<TreeNode>("/api/organization/organizations/tree");
        var fromCompound = await Client.GetFromJsonAsync<TreeNode>($"/api/organization/organizations/tree?rootId={compound}");

        Assert.Equal("河西街道工委", whole!.Name);
        Assert.Equal("阳光小区党支部", Assert.Single(Assert.Single(whole.Children).Children).Name);
        Assert.Equal(["1号楼党小组", "2号楼党小组"], fromCompound!.Children.Select(c => c.Name));
    }

    [Fact]
    public async Task A_building_group_under_the_committee_is_a_400_naming_the_rule()
    {
        var root = await FoundOkAsync("工委", "SubdistrictCommittee");

        var response = await FoundAsync("楼栋党小组", "BuildingGroup", root, await CommunityAsync());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "kind-not-allowed-under-parent");
        Assert.Contains("allowed parents: CompoundBranch, CommunityBranch", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_committee_is_a_409()
    {
        await FoundOkAsync("工委", "SubdistrictCommittee");

        await (await FoundAsync("另一个工委", "SubdistrictCommittee")).AssertProblemAsync(HttpStatusCode.Conflict, "second-subdistrict-committee");
    }

    [Theory]
    [InlineData("Committee", "invalid-kind")]
    [InlineData("", "invalid-kind")]
    public async Task An_unknown_kind_is_a_400_listing_the_kinds(string kind, string code)
    {
        var problem = await (await FoundAsync("x", kind)).AssertProblemAsync(HttpStatusCode.BadRequest, code);

        Assert.Contains("BuildingGroup", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_parent_and_unknown_community_are_400s()
    {
        var root = await FoundOkAsync("工委", "SubdistrictCommittee");

        await (await FoundAsync("x", "CommunityBranch", Guid.NewGuid(), await CommunityAsync())).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "unknown-organization"
        );
        await (await FoundAsync("x", "CommunityBranch", root, Guid.NewGuid())).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown-community");
    }

    [Fact]
    public async Task A_move_that_would_make_a_cycle_is_refused_and_a_valid_move_keeps_history()
    {
        var community = await CommunityAsync();
        var root = await FoundOkAsync("工委", "SubdistrictCommittee");
        var first = await FoundOkAsync("第一党总支", "CommunityGeneralBranch", root, community);
        var second = await FoundOkAsync("第二党总支", "CommunityGeneralBranch", root, community);
        var branch = await FoundOkAsync("党支部", "CommunityBranch", first, community);

        var cycle = await Client.PostAsJsonAsync($"/api/organization/organizations/{first}/move", new MoveOrganizationRequest(branch));
        await cycle.AssertProblemAsync(HttpStatusCode.BadRequest, "cycle");

        var moved = await Client.PostAsJsonAsync($"/api/organization/organizations/{branch}/move", new MoveOrganizationRequest(second));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var detail = await Client.GetFromJsonAsync<JsonElement>($"/api/organization/organizations/{branch}");
        var history = detail.GetProperty("parentHistory").EnumerateArray().ToList();
        Assert.Equal([first, second], history.Select(h => h.GetProperty("parentId").GetGuid()));
        Assert.NotEqual(JsonValueKind.Null, history[0].GetProperty("to").ValueKind);
    }

    [Fact]
    public async Task Dissolving_needs_the_organization_empty_first()
    {
        var community = await CommunityAsync();
        var root = await FoundOkAsync("工委", "SubdistrictCommittee");
        var branch = await FoundOkAsync("党支部", "CommunityBranch", root, community);
        var group = await FoundOkAsync("党小组", "BuildingGroup", branch);

        var refused = await Client.PostAsync($"/api/organization/organizations/{branch}/dissolve", null);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict, "organization-not-empty");
        Assert.Contains("1 organizations", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/organization/organizations/{group}/dissolve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/organization/organizations/{branch}/dissolve", null)).StatusCode);
        var active = await Client.GetFromJsonAsync<JsonElement>("/api/organization/organizations?status=Active");
        Assert.Equal(1, active.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Founding_publishes_PartyOrganizationChanged()
    {
        await using var events = await PublishedEvents.ListenAsync<PartyOrganizationChanged>(Service.Servers.RabbitMq);

        var root = await FoundOkAsync("工委", "SubdistrictCommittee");

        var envelope = await events.NextAsync(m => m.GetProperty("organizationId").GetGuid() == root);
        Assert.Equal("SubdistrictCommittee", envelope.GetProperty("message").GetProperty("kind").GetString());
    }
}
