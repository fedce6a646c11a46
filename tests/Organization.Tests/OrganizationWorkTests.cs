using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Contracts.Organization;
using Platform.Organization.Activities;
using Platform.Organization.Communities;
using Platform.Organization.Deliberations;
using Platform.Organization.MemberUnits;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Organization.Posts;
using Platform.Organization.Registrations;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>Posts, area assignments, in-service registration, the alliance, activities, the four haves, deliberation.</summary>
public class OrganizationWorkTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private sealed record Tree(Guid Community, Guid Root, Guid General, Guid Compound, Guid Unit);

    private async Task<T> CreatedAsync<T>(string url, object body)
    {
        var response = await Client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private async Task<Tree> TreeAsync()
    {
        var community = (await CreatedAsync<CommunityResponse>("/api/organization/communities", new CreateCommunityRequest("001", "长江路社区"))).Id;
        Task<OrganizationResponse> Found(string name, string kind, Guid? parent, Guid? c = null) =>
            CreatedAsync<OrganizationResponse>("/api/organization/organizations", new FoundOrganizationRequest(name, kind, null, parent, c));
        var root = (await Found("工委", "SubdistrictCommittee", null)).Id;
        var general = (await Found("长江路社区党总支", "CommunityGeneralBranch", root, community)).Id;
        var compound = (await Found("阳光小区党支部", "CompoundBranch", general)).Id;
        var unit = (await Found("市供电公司党委", "MemberUnitOrganization", root)).Id;
        return new Tree(community, root, general, compound, unit);
    }

    private Task<PersonResponse> PersonAsync(string name, Guid? organization = null, string type = "Resident", bool cadre = false) =>
        CreatedAsync<PersonResponse>(
            "/api/organization/people",
            new RegisterPersonRequest(name, null, null, null, organization is { } o ? new MembershipInput(o, type, null) : null, cadre, null)
        );

    [Fact]
    public async Task An_organization_has_one_secretary_and_committee_posts_carry_dual_responsibility()
    {
        var tree = await TreeAsync();
        var a = await PersonAsync("张书记", tree.General);
        var b = await PersonAsync("李委员", tree.General);

        var secretary = await CreatedAsync<PostResponse>(
            "/api/organization/posts",
            new AppointRequest(a.Id, tree.General, "Secretary", null, null, new DateOnly(2026, 1, 1))
        );
        Assert.True(secretary.IsFirstResponsible);

        await (
            await Client.PostAsJsonAsync("/api/organization/posts", new AppointRequest(b.Id, tree.General, "Secretary", null, null, null))
        ).AssertProblemAsync(HttpStatusCode.Conflict, "secretary-in-post");
        await (
            await Client.PostAsJsonAsync("/api/organization/posts", new AppointRequest(b.Id, tree.General, "CommitteeMember", "民政", null, null))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "dual-responsibility-required");

        var member = await CreatedAsync<PostResponse>(
            "/api/organization/posts",
            new AppointRequest(b.Id, tree.General, "CommitteeMember", "民政", "组织委员", null)
        );
        Assert.Equal(("民政", "组织委员"), (member.BusinessLine, member.PartyBuildingDuty));
        var current = await Client.GetFromJsonAsync<Page<PostResponse>>($"/api/organization/posts?organizationId={tree.General}&current=true");
        Assert.Equal(2, current!.TotalCount);
    }

    [Fact]
    public async Task Only_cadres_are_assigned_to_areas_and_an_assignment_is_published()
    {
        var tree = await TreeAsync();
        var staff = await PersonAsync("王社工");
        var cadre = await PersonAsync("赵干部", cadre: true);
        await using var events = await PublishedEvents.ListenAsync<AreaAssigned>(Service.Servers.RabbitMq);

        await (
            await Client.PostAsJsonAsync("/api/organization/area-assignments", new AssignAreaRequest(staff.Id, tree.Community, null, null, null))
        ).AssertProblemAsync(HttpStatusCode.Conflict, "not-a-cadre");
        var grid = Guid.NewGuid();
        var assignment = await CreatedAsync<AreaAssignmentResponse>(
            "/api/organization/area-assignments",
            new AssignAreaRequest(cadre.Id, tree.Community, [grid], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))
        );

        var envelope = await events.NextAsync(m => m.GetProperty("assignmentId").GetGuid() == assignment.Id);
        Assert.Equal(grid, envelope.GetProperty("message").GetProperty("gridIds")[0].GetGuid());
        var byGrid = await Client.GetFromJsonAsync<Page<AreaAssignmentResponse>>($"/api/organization/area-assignments?gridId={grid}&activeOn=2026-06-01");
        Assert.Equal(assignment.Id, Assert.Single(byGrid!.Items).Id);
    }

    [Fact]
    public async Task An_in_service_member_registers_the_community_confirms_and_the_report_counts_the_active()
    {
        var tree = await TreeAsync();
        var member = await PersonAsync("陈工程师", tree.Unit, "InService");
        var idle = await PersonAsync("刘会计", tree.Unit, "InService");
        var resident = await PersonAsync("周阿姨", tree.General);
        await using var events = await PublishedEvents.ListenAsync<MemberRegisteredInCommunity>(Service.Servers.RabbitMq);

        await (
            await Client.PostAsJsonAsync(
                "/api/organization/registrations",
                new SubmitRegistrationRequest(resident.Id, tree.Community, tree.Compound, null, ["助老"])
            )
        ).AssertProblemAsync(HttpStatusCode.Conflict, "not-in-service-member");
        await (
            await Client.PostAsJsonAsync("/api/organization/registrations", new SubmitRegistrationRequest(member.Id, tree.Community, tree.Unit, null, ["助老"]))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-placement");

        var first = await CreatedAsync<RegistrationResponse>(
            "/api/organization/registrations",
            new SubmitRegistrationRequest(member.Id, tree.Community, tree.Compound, null, ["每月参加一次志愿服务", "联系两户困难家庭"])
        );
        var second = await CreatedAsync<RegistrationResponse>(
            "/api/organization/registrations",
            new SubmitRegistrationRequest(idle.Id, tree.Community, tree.Compound, null, ["环境整治"])
        );
        await (
            await Client.PostAsJsonAsync(
                "/api/organization/registrations",
                new SubmitRegistrationRequest(member.Id, tree.Community, tree.Compound, null, ["x"])
            )
        ).AssertProblemAsync(HttpStatusCode.Conflict, "registration-open");

        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.PostAsJsonAsync($"/api/organization/registrations/{first.Id}/confirm", new DecisionRequest(null))).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await Client.PostAsJsonAsync($"/api/organization/registrations/{second.Id}/confirm", new DecisionRequest("欢迎"))).StatusCode
        );
        await (await Client.PostAsJsonAsync($"/api/organization/registrations/{first.Id}/decline", new DecisionRequest("迟了"))).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "registration-decided"
        );
        var envelope = await events.NextAsync(m => m.GetProperty("registrationId").GetGuid() == first.Id);
        Assert.Equal(tree.Unit, envelope.GetProperty("message").GetProperty("unitOrganizationId").GetGuid());

        var activity = await CreatedAsync<ActivityResponse>(
            "/api/organization/activities",
            new HoldActivityRequest(tree.Compound, "ThemedPartyDay", "主题党日：清理楼道", DateTimeOffset.UtcNow.AddDays(-3), "阳光小区")
        );
        var attendance = await Client.PutAsJsonAsync(
            $"/api/organization/activities/{activity.Id}/attendance",
            new RecordAttendanceRequest([new AttendanceEntry(member.Id, true, null), new AttendanceEntry(idle.Id, false, "出差")])
        );
        Assert.Equal(HttpStatusCode.OK, attendance.StatusCode);

        var byCommunity = await Client.GetFromJsonAsync<List<RegistrationReportRow>>("/api/organization/registrations/report?by=community");
        var byUnit = await Client.GetFromJsonAsync<List<RegistrationReportRow>>("/api/organization/registrations/report?by=unit");
        Assert.Equal(new RegistrationReportRow(tree.Community, "长江路社区", 2, 1), Assert.Single(byCommunity!));
        Assert.Equal(new RegistrationReportRow(tree.Unit, "市供电公司党委", 2, 1), Assert.Single(byUnit!));
        var theUnitSees = await Client.GetFromJsonAsync<Page<RegistrationResponse>>(
            $"/api/organization/registrations?unitOrganizationId={tree.Unit}&status=Confirmed"
        );
        Assert.Equal(2, theUnitSees!.TotalCount);
    }

    [Fact]
    public async Task A_unit_joins_the_alliance_with_its_resources_and_the_alliance_tracks_agreed_tasks()
    {
        var tree = await TreeAsync();
        await using var events = await PublishedEvents.ListenAsync<MemberUnitJoined>(Service.Servers.RabbitMq);

        var unit = await CreatedAsync<MemberUnitResponse>(
            "/api/organization/member-units",
            new JoinAllianceRequest(
                "市供电公司",
                "StateEnterprise",
                tree.Unit,
                "孙主任",
                "13912345678",
                [new SharedResourceInput("Venue", "多功能会议室，可容纳80人"), new SharedResourceInput("Skill", "电工维修")],
                ["便民服务", "安全用电"],
                null
            )
        );
        Assert.Equal("139****5678", unit.ContactPhone);
        await events.NextAsync(m => m.GetProperty("unitId").GetGuid() == unit.Id);
        await (
            await Client.PostAsJsonAsync(
                "/api/organization/member-units",
                new JoinAllianceRequest("市供电公司", "StateEnterprise", null, "x", null, null, ["a"], null)
            )
        ).AssertProblemAsync(HttpStatusCode.Conflict, "duplicate-unit");
        await (
            await Client.PostAsJsonAsync(
                "/api/organization/member-units",
                new JoinAllianceRequest("某单位", "StateEnterprise", tree.General, "x", null, null, ["a"], null)
            )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown-unit-organization");
        var byField = await Client.GetFromJsonAsync<Page<MemberUnitResponse>>("/api/organization/member-units?serviceField=安全用电");
        Assert.Equal(unit.Id, Assert.Single(byField!.Items).Id);

        var meeting = await CreatedAsync<MeetingResponse>(
            "/api/organization/alliance/meetings",
            new RecordMeetingRequest(
                new DateOnly(2026, 3, 5),
                "一季度联席会议",
                [unit.Id],
                [new AgreedTaskInput("为老旧小区检修线路", unit.Id, new DateOnly(2026, 4, 30))]
            )
        );
        var task = Assert.Single(meeting.Tasks);
        var open = await Client.GetFromJsonAsync<Page<MeetingResponse>>("/api/organization/alliance/meetings?openTasks=true");
        Assert.Equal(1, open!.TotalCount);

        var done = await Client.PostAsJsonAsync(
            $"/api/organization/alliance/meetings/{meeting.Id}/tasks/{task.Id}/done",
            new CompleteRequest("检修12栋楼线路")
        );
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(0, (await Client.GetFromJsonAsync<Page<MeetingResponse>>("/api/organization/alliance/meetings?openTasks=true"))!.TotalCount);
        await (
            await Client.PostAsJsonAsync($"/api/organization/alliance/meetings/{meeting.Id}/tasks/{task.Id}/done", new CompleteRequest("again"))
        ).AssertProblemAsync(HttpStatusCode.Conflict, "task-done");
    }

    [Fact]
    public async Task Attendance_names_only_known_people_and_an_activity_needs_its_time()
    {
        var tree = await TreeAsync();
        await (
            await Client.PostAsJsonAsync("/api/organization/activities", new HoldActivityRequest(tree.Compound, "Meeting", "支部委员会", default, null))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "held-at-required");
        var activity = await CreatedAsync<ActivityResponse>(
            "/api/organization/activities",
            new HoldActivityRequest(tree.Compound, "Meeting", "支部委员会", DateTimeOffset.UtcNow.AddHours(-2), null)
        );

        await (
            await Client.PutAsJsonAsync(
                $"/api/organization/activities/{activity.Id}/attendance",
                new RecordAttendanceRequest([new AttendanceEntry(Guid.NewGuid(), true, null)])
            )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown-person");
        // No id at all is refused as the body is read.
        await (
            await Client.PutAsJsonAsync(
                $"/api/organization/activities/{activity.Id}/attendance",
                new RecordAttendanceRequest([new AttendanceEntry(Guid.Empty, true, null)])
            )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "person-id-required");
    }

    [Fact]
    public async Task The_four_haves_checklist_needs_evidence_for_what_is_met()
    {
        var tree = await TreeAsync();

        await (
            await Client.PutAsJsonAsync($"/api/organization/communities/{tree.Community}/service-centre/Venue", new ServiceCentreItemRequest(true, null))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "evidence-required");
        await (
            await Client.PutAsJsonAsync($"/api/organization/communities/{tree.Community}/service-centre/Pool", new ServiceCentreItemRequest(true, "x"))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-item");
        var response = await Client.PutAsJsonAsync(
            $"/api/organization/communities/{tree.Community}/service-centre/venue",
            new ServiceCentreItemRequest(true, "社区党群服务中心 320㎡")
        );

        var centre = await response.Content.ReadFromJsonAsync<ServiceCentreResponse>();
        Assert.Equal((1, 5), (centre!.Met, centre.Of));
        Assert.Equal("社区党群服务中心 320㎡", centre.Items.Single(i => i.Item == "Venue").Evidence);
    }

    [Fact]
    public async Task A_deliberation_is_settled_when_every_resolution_is_followed_up()
    {
        var tree = await TreeAsync();
        var deliberation = await CreatedAsync<DeliberationResponse>(
            "/api/organization/deliberations",
            new HoldDeliberationRequest(
                tree.Community,
                "小区停车难",
                DateTimeOffset.UtcNow.AddDays(-1),
                [
                    new PartyInput("Community", "长江路社区居委会"),
                    new PartyInput("HomeownersCommittee", "阳光小区业委会"),
                    new PartyInput("PropertyCompany", "安居物业"),
                ],
                "三方协商停车位划线与收费。",
                [
                    new ResolutionInput("物业两周内完成划线", "安居物业", new DateOnly(2026, 12, 15)),
                    new ResolutionInput("业委会公示收费方案", "阳光小区业委会", null),
                ]
            )
        );
        Assert.False(deliberation.Settled);

        foreach (var resolution in deliberation.Resolutions)
        {
            var done = await Client.PostAsJsonAsync(
                $"/api/organization/deliberations/{deliberation.Id}/resolutions/{resolution.Id}/done",
                new CompleteRequest("已完成")
            );
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        var read = await Client.GetFromJsonAsync<DeliberationResponse>($"/api/organization/deliberations/{deliberation.Id}");
        Assert.True(read!.Settled);
        Assert.All(read.Resolutions, r => Assert.Equal(ResolutionStatus.Done, r.Status));
        await (
            await Client.PostAsJsonAsync(
                "/api/organization/deliberations",
                new HoldDeliberationRequest(tree.Community, "x", DateTimeOffset.UtcNow, [new PartyInput("Community", "居委会")], "r", null)
            )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "parties-required");
    }

    [Fact]
    public async Task Community_staff_confirming_a_registration_see_who_it_is_and_then_work_with_that_member()
    {
        var tree = await TreeAsync();
        var engineer = await PersonAsync("陈工程师", tree.Unit, "InService");
        var staff = Service.ClientAs(new TestCaller([Roles.CommunityStaff]) { Communities = [tree.Community] });
        var registration = await CreatedAsync<RegistrationResponse>(
            "/api/organization/registrations",
            new SubmitRegistrationRequest(engineer.Id, tree.Community, tree.Compound, null, ["助老"])
        );
        var beforeConfirming = await staff.GetAsync($"/api/organization/people/{engineer.Id}");

        var listed = Assert.Single((await staff.GetFromJsonAsync<Page<RegistrationResponse>>("/api/organization/registrations?status=Pending"))!.Items);
        Assert.Equal(
            HttpStatusCode.OK,
            (await staff.PostAsJsonAsync($"/api/organization/registrations/{registration.Id}/confirm", new DecisionRequest(null))).StatusCode
        );
        var afterConfirming = await staff.GetAsync($"/api/organization/people/{engineer.Id}");
        var people = await staff.GetFromJsonAsync<Page<PersonResponse>>("/api/organization/people?pageSize=50");

        Assert.Equal(("陈***", "市供电公司党委"), (listed.MemberName, listed.UnitName));
        Assert.Equal(HttpStatusCode.NotFound, beforeConfirming.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterConfirming.StatusCode);
        Assert.Contains(people!.Items, p => p.Id == engineer.Id);
    }
}
