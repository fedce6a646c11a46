using System.Net.Http.Json;
using Platform.Organization.Activities;
using Platform.Organization.Communities;
using Platform.Organization.Deliberations;
using Platform.Organization.MemberUnits;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Organization.Registrations;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Organization.Tests;

/// <summary>Every write on an organization record, as cadres, community staff and liaisons of somewhere else.</summary>
[Collection(OrganizationServiceCollection.Name)]
public class ScopeSweepTests(OrganizationServiceFactory service, ITestOutputHelper output) : ScopeSweepTest<Program>(service, output)
{
    private async Task<T> CreatedAsync<T>(string url, object body)
    {
        var response = await Admin.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    protected override async Task<ScopeWorld> BuildWorldAsync()
    {
        var community = (await CreatedAsync<CommunityResponse>("/api/organization/communities", new CreateCommunityRequest("001", "长江路社区"))).Id;
        Task<OrganizationResponse> Found(string name, string kind, Guid? parent, Guid? c = null) =>
            CreatedAsync<OrganizationResponse>("/api/organization/organizations", new FoundOrganizationRequest(name, kind, null, parent, c));
        var root = (await Found("工委", "SubdistrictCommittee", null)).Id;
        var general = (await Found("长江路社区党总支", "CommunityGeneralBranch", root, community)).Id;
        var compound = (await Found("阳光小区党支部", "CompoundBranch", general)).Id;
        var unitOrganization = (await Found("市供电公司党委", "MemberUnitOrganization", root)).Id;
        var resident = await CreatedAsync<PersonResponse>(
            "/api/organization/people",
            new RegisterPersonRequest("周阿姨", "13912345678", null, "长江路1号", new MembershipInput(general, "Resident", null), false, null)
        );
        var engineer = await CreatedAsync<PersonResponse>(
            "/api/organization/people",
            new RegisterPersonRequest("陈工程师", null, null, null, new MembershipInput(unitOrganization, "InService", null), false, null)
        );
        var registration = await CreatedAsync<RegistrationResponse>(
            "/api/organization/registrations",
            new SubmitRegistrationRequest(engineer.Id, community, compound, null, ["助老"])
        );
        var unit = await CreatedAsync<MemberUnitResponse>(
            "/api/organization/member-units",
            new JoinAllianceRequest("市供电公司", "StateEnterprise", unitOrganization, "孙主任", null, null, ["便民服务"], null)
        );
        var meeting = await CreatedAsync<MeetingResponse>(
            "/api/organization/alliance/meetings",
            new RecordMeetingRequest(
                new DateOnly(2026, 3, 5),
                "一季度联席会议",
                [unit.Id],
                [new AgreedTaskInput("为老旧小区检修线路", unit.Id, new DateOnly(2026, 4, 30))]
            )
        );
        var activity = await CreatedAsync<ActivityResponse>(
            "/api/organization/activities",
            new HoldActivityRequest(compound, "ThemedPartyDay", "主题党日：清理楼道", DateTimeOffset.UtcNow.AddDays(-3), "阳光小区")
        );
        var deliberation = await CreatedAsync<DeliberationResponse>(
            "/api/organization/deliberations",
            new HoldDeliberationRequest(
                community,
                "小区停车难",
                DateTimeOffset.UtcNow.AddDays(-1),
                [
                    new PartyInput("Community", "长江路社区居委会"),
                    new PartyInput("HomeownersCommittee", "阳光小区业委会"),
                    new PartyInput("PropertyCompany", "安居物业"),
                ],
                "三方协商停车位划线与收费。",
                [new ResolutionInput("物业两周内完成划线", "安居物业", new DateOnly(2026, 12, 15))]
            )
        );

        var world = new ScopeWorld();
        world.Records["communities"] = community.ToString();
        world.Records["organizations"] = compound.ToString();
        world.Records["people"] = resident.Id.ToString();
        world.Records["registrations"] = registration.Id.ToString();
        world.Records["meetings"] = meeting.Id.ToString();
        world.Records["tasks"] = meeting.Tasks.Single().Id.ToString();
        world.Records["activities"] = activity.Id.ToString();
        world.Records["deliberations"] = deliberation.Id.ToString();
        world.Records["resolutions"] = deliberation.Resolutions.Single().Id.ToString();
        return world;
    }
}
