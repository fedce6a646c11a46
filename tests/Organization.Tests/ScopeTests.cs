using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Api;
using Platform.Contracts.Grid;
using Platform.Organization.Accounts;
using Platform.Organization.Communities;
using Platform.Organization.Deliberations;
using Platform.Organization.MemberUnits;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Organization.Posts;
using Platform.Organization.Registrations;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>
/// In scope and out of scope, with real records: what each role sees and may act on inside the endpoints it
/// is admitted to. Scopes come from the token; the last tests sign in for real and check that the token's
/// scopes are derived from posts, staff records, area assignments and units.
/// </summary>
public class ScopeTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private const string Password = "Scope-Tests-2026";

    private sealed record World(
        Guid A,
        Guid B,
        Guid BranchA,
        Guid BranchB,
        Guid UnitOrganization,
        PersonResponse MemberA,
        PersonResponse MemberB,
        PersonResponse StaffA
    );

    private async Task<T> CreatedAsync<T>(string url, object body)
    {
        var response = await Client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private async Task<World> WorldAsync()
    {
        var a = (await CreatedAsync<CommunityResponse>("/api/organization/communities", new CreateCommunityRequest("001", "长江路社区"))).Id;
        var b = (await CreatedAsync<CommunityResponse>("/api/organization/communities", new CreateCommunityRequest("002", "祁连路社区"))).Id;
        Task<OrganizationResponse> Found(string name, string kind, Guid? parent, Guid? community = null) =>
            CreatedAsync<OrganizationResponse>("/api/organization/organizations", new FoundOrganizationRequest(name, kind, null, parent, community));
        var root = (await Found("工委", "SubdistrictCommittee", null)).Id;
        var branchA = (await Found("长江路社区党支部", "CommunityBranch", root, a)).Id;
        var branchB = (await Found("祁连路社区党支部", "CommunityBranch", root, b)).Id;
        var unit = (await Found("供电公司党委", "MemberUnitOrganization", root)).Id;
        Task<PersonResponse> Person(string name, Guid? organization, Guid? staffOf) =>
            CreatedAsync<PersonResponse>(
                "/api/organization/people",
                new RegisterPersonRequest(
                    name,
                    "13812345678",
                    null,
                    "德令哈市河西街道长江路12号",
                    organization is { } o ? new MembershipInput(o, "Resident", null) : null,
                    false,
                    staffOf
                )
            );
        return new World(a, b, branchA, branchB, unit, await Person("甲", branchA, null), await Person("乙", branchB, null), await Person("社工丙", null, a));
    }

    private HttpClient StaffOf(World world) =>
        Service.ClientAs(
            new TestCaller([Roles.CommunityStaff])
            {
                Name = "staff.a",
                PersonId = world.StaffA.Id,
                Communities = [world.A],
            }
        );

    [Fact]
    public async Task Community_staff_see_only_the_people_of_their_community()
    {
        var world = await WorldAsync();
        var staff = StaffOf(world);

        var page = await staff.GetFromJsonAsync<Page<PersonResponse>>("/api/organization/people");
        Assert.Equal(["甲", "社工丙"], page!.Items.Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/organization/people/{world.MemberA.Id}")).StatusCode);
        await ProblemDetailsAssertions.AssertProblemAsync(
            await staff.GetAsync($"/api/organization/people/{world.MemberB.Id}"),
            HttpStatusCode.NotFound,
            "person-not-found"
        );
    }

    [Fact]
    public async Task Community_staff_reveal_only_their_community_and_the_audit_names_them()
    {
        var world = await WorldAsync();
        var staff = StaffOf(world);

        var revealed = await staff.PostAsJsonAsync(
            $"/api/organization/people/{world.MemberA.Id}/personal-data/reveal",
            new RevealRequest("上门走访核实联系方式")
        );
        var outside = await staff.PostAsJsonAsync($"/api/organization/people/{world.MemberB.Id}/personal-data/reveal", new RevealRequest("好奇"));

        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal("13812345678", (await revealed.Content.ReadFromJsonAsync<RevealedPersonalData>())!.Phone);
        await ProblemDetailsAssertions.AssertProblemAsync(outside, HttpStatusCode.NotFound, "person-not-found");
        var reveals = await Client.GetFromJsonAsync<Page<RevealRecordResponse>>("/api/organization/personal-data/reveals");
        var record = Assert.Single(reveals!.Items);
        Assert.Equal((world.MemberA.Id, "staff.a", "上门走访核实联系方式"), (record.PersonId, record.RevealedBy, record.Reason));
    }

    [Fact]
    public async Task Grid_staff_and_residents_cannot_reveal_personal_data()
    {
        var world = await WorldAsync();
        foreach (var role in new[] { Roles.GridStaff, Roles.Resident, Roles.PartyMember, Roles.SubdistrictCadre })
        {
            var caller = Service.ClientAs(new TestCaller([role]) { Communities = [world.A], PersonId = world.MemberA.Id });
            var response = await caller.PostAsJsonAsync($"/api/organization/people/{world.MemberA.Id}/personal-data/reveal", new RevealRequest("x"));
            await ProblemDetailsAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden, "role-required");
        }

        Assert.Equal(0L, await Service.ScalarAsync<long>("SELECT count(*) FROM personal_data_reveals"));
    }

    [Fact]
    public async Task Community_staff_act_on_their_own_community_and_are_refused_elsewhere()
    {
        var world = await WorldAsync();
        var staff = StaffOf(world);

        var own = await staff.PutAsJsonAsync(
            $"/api/organization/communities/{world.A}",
            new UpdateCommunityRequest("长江路社区", "长江路社区居民委员会", null)
        );
        var other = await staff.PutAsJsonAsync($"/api/organization/communities/{world.B}", new UpdateCommunityRequest("改名", null, null));
        var deliberation = await staff.PostAsJsonAsync(
            "/api/organization/deliberations",
            new HoldDeliberationRequest(world.B, "停车难", DateTimeOffset.UtcNow.AddDays(-1), [new PartyInput("Residents", "居民代表")], "记录", [])
        );
        var registerElsewhere = await staff.PostAsJsonAsync(
            "/api/organization/people",
            new RegisterPersonRequest("丁", null, null, null, new MembershipInput(world.BranchB, "Resident", null), false, null)
        );

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await ProblemDetailsAssertions.AssertProblemAsync(other, HttpStatusCode.Forbidden, "out-of-scope");
        await ProblemDetailsAssertions.AssertProblemAsync(deliberation, HttpStatusCode.Forbidden, "out-of-scope");
        await ProblemDetailsAssertions.AssertProblemAsync(registerElsewhere, HttpStatusCode.Forbidden, "out-of-scope");
        Assert.Equal("祁连路社区", (await Client.GetFromJsonAsync<CommunityResponse>($"/api/organization/communities/{world.B}"))!.Name);
        Assert.Equal(0L, await Service.ScalarAsync<long>("SELECT count(*) FROM people WHERE name = '丁'"));
    }

    [Fact]
    public async Task A_party_member_sees_their_own_record_and_registers_only_themself()
    {
        var world = await WorldAsync();
        var member = Service.ClientAs(new TestCaller([Roles.PartyMember]) { PersonId = world.MemberA.Id });

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/organization/people/{world.MemberA.Id}")).StatusCode);
        await ProblemDetailsAssertions.AssertProblemAsync(
            await member.GetAsync($"/api/organization/people/{world.MemberB.Id}"),
            HttpStatusCode.NotFound,
            "person-not-found"
        );
        await ProblemDetailsAssertions.AssertProblemAsync(await member.GetAsync("/api/organization/people"), HttpStatusCode.Forbidden, "role-required");
        var forOther = await member.PostAsJsonAsync(
            "/api/organization/registrations",
            new SubmitRegistrationRequest(world.MemberB.Id, world.A, world.BranchA, null, ["助老"])
        );
        await ProblemDetailsAssertions.AssertProblemAsync(forOther, HttpStatusCode.Forbidden, "out-of-scope");
    }

    [Fact]
    public async Task Scopes_in_the_token_come_from_staff_records_area_assignments_and_units()
    {
        var world = await WorldAsync();
        var cadre = await CreatedAsync<PersonResponse>("/api/organization/people", new RegisterPersonRequest("李干部", null, null, null, null, true, null));
        await CreatedAsync<AreaAssignmentResponse>(
            "/api/organization/area-assignments",
            new AssignAreaRequest(cadre.Id, world.B, [Guid.Parse("0195a001-0000-7000-8000-000000000002")], null, null)
        );
        var liaison = await CreatedAsync<PersonResponse>(
            "/api/organization/people",
            new RegisterPersonRequest("林联络", null, null, null, new MembershipInput(world.UnitOrganization, "InService", null), false, null)
        );
        var unit = await CreatedAsync<MemberUnitResponse>(
            "/api/organization/member-units",
            new JoinAllianceRequest("供电公司", "StateEnterprise", world.UnitOrganization, "林联络", "13900000000", [], ["便民服务"], new DateOnly(2024, 3, 1))
        );
        await CreatedAsync<AccountResponse>(
            "/api/organization/accounts",
            new CreateAccountRequest("cadre.li", Password, [Roles.SubdistrictCadre], cadre.Id, null)
        );
        await CreatedAsync<AccountResponse>(
            "/api/organization/accounts",
            new CreateAccountRequest("staff.bing", Password, [Roles.CommunityStaff], world.StaffA.Id, null)
        );
        await CreatedAsync<AccountResponse>(
            "/api/organization/accounts",
            new CreateAccountRequest("unit.lin", Password, [Roles.UnitLiaison], liaison.Id, null)
        );
        await CreatedAsync<AccountResponse>(
            "/api/organization/accounts",
            new CreateAccountRequest("handler.city", Password, [Roles.DepartmentHandler], null, "urban-management")
        );

        var cadreMe = await MeAsync("cadre.li");
        var staffMe = await MeAsync("staff.bing");
        var unitMe = await MeAsync("unit.lin");
        var handlerMe = await MeAsync("handler.city");

        Assert.Equal([world.B], cadreMe.Communities);
        Assert.Equal([Guid.Parse("0195a001-0000-7000-8000-000000000002")], cadreMe.Grids);
        Assert.Equal([world.A], staffMe.Communities);
        Assert.Equal(world.StaffA.Id, staffMe.PersonId);
        Assert.Equal([unit.Id], unitMe.Units);
        Assert.Equal(["urban-management"], handlerMe.Departments);
        var cadreClient = Service.CreateClient();
        cadreClient.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync("cadre.li"));
        var people = await cadreClient.GetFromJsonAsync<Page<PersonResponse>>("/api/organization/people");
        Assert.Equal(["乙", "李干部"], people!.Items.Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Grid_staff_get_the_grids_of_their_posts_from_the_Grid_services_events()
    {
        var world = await WorldAsync();
        await CreatedAsync<AccountResponse>(
            "/api/organization/accounts",
            new CreateAccountRequest("grid.bing", Password, [Roles.GridStaff], world.StaffA.Id, null)
        );
        var (led, assisted, ended) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var bus = Service.Services.GetRequiredService<IBus>();
        GridStaffChanged Post(Guid grid, string post, bool active, Guid? assignment = null) =>
            new()
            {
                AssignmentId = assignment ?? Guid.NewGuid(),
                GridId = grid,
                CommunityId = world.A,
                PersonId = world.StaffA.Id,
                Post = post,
                Active = active,
                From = new DateOnly(2026, 1, 1),
                OccurredAt = DateTimeOffset.UtcNow,
            };
        var endedPost = Post(ended, "Leader", true);

        await bus.Publish(Post(led, "Leader", true));
        await bus.Publish(Post(assisted, "Assistant", true));
        await bus.Publish(endedPost);
        await bus.Publish(endedPost with { EventId = Guid.NewGuid(), Active = false, OccurredAt = DateTimeOffset.UtcNow.AddSeconds(1) });
        await Eventually.TrueAsync(
            async () =>
                await Service.ScalarAsync<long>("SELECT count(*) FROM grid_postings WHERE NOT active") == 1
                && await Service.ScalarAsync<long>("SELECT count(*) FROM grid_postings") == 3,
            "the grid posts known"
        );

        Assert.Equal(new[] { led, assisted }.Order(), (await MeAsync("grid.bing")).Grids.Order());
    }

    [Fact]
    public async Task Role_changes_are_audited_and_reach_the_token_at_the_next_refresh()
    {
        var account = await CreatedAsync<AccountResponse>(
            "/api/organization/accounts",
            new CreateAccountRequest("zhou", Password, [Roles.Resident], null, null)
        );
        var signIn = await SignInAsync("zhou");
        Assert.Equal([Roles.Resident], (await MeWithAsync(signIn.GetProperty("access_token").GetString()!)).Roles);

        var granted = await Client.PutAsJsonAsync(
            $"/api/organization/accounts/{account.Id}/roles",
            new GrantRolesRequest([Roles.DepartmentHandler], "environment")
        );
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var refreshed = await Client.PostAsync(
            "/connect/token",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "refresh_token",
                    ["client_id"] = AuthModule.AppClientId,
                    ["refresh_token"] = signIn.GetProperty("refresh_token").GetString()!,
                }
            )
        );
        var me = await MeWithAsync((await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);

        Assert.Equal([Roles.DepartmentHandler], me.Roles);
        Assert.Equal(["environment"], me.Departments);
        var audit = await Client.GetFromJsonAsync<Page<SecurityEventResponse>>("/api/organization/security-events?kind=RolesChanged");
        var entry = Assert.Single(audit!.Items);
        Assert.Equal(("test.admin", "zhou", "resident → department-handler (environment)"), (entry.Actor, entry.Subject, entry.Detail));
    }

    [Fact]
    public async Task Granting_roles_is_checked()
    {
        var account = await CreatedAsync<AccountResponse>(
            "/api/organization/accounts",
            new CreateAccountRequest("wu.yi", Password, [Roles.Resident], null, null)
        );

        await ProblemDetailsAssertions.AssertProblemAsync(
            await Client.PutAsJsonAsync($"/api/organization/accounts/{account.Id}/roles", new GrantRolesRequest(["mayor"], null)),
            HttpStatusCode.BadRequest,
            "unknown-role"
        );
        await ProblemDetailsAssertions.AssertProblemAsync(
            await Client.PutAsJsonAsync($"/api/organization/accounts/{account.Id}/roles", new GrantRolesRequest([Roles.DepartmentHandler], null)),
            HttpStatusCode.BadRequest,
            "department-mismatch"
        );
        await ProblemDetailsAssertions.AssertProblemAsync(
            await Client.PutAsJsonAsync($"/api/organization/accounts/{account.Id}/roles", new GrantRolesRequest([Roles.CommunityStaff], null)),
            HttpStatusCode.BadRequest,
            "person-required"
        );
        await ProblemDetailsAssertions.AssertProblemAsync(
            await Client.PostAsJsonAsync("/api/organization/accounts", new CreateAccountRequest("wu.yi", Password, [Roles.Resident], null, null)),
            HttpStatusCode.Conflict,
            "user-name-taken"
        );
        await ProblemDetailsAssertions.AssertProblemAsync(
            await Client.PostAsJsonAsync("/api/organization/accounts/sign-up", new SignUpRequest("qian", "short1")),
            HttpStatusCode.BadRequest,
            "weak-password"
        );
    }

    [Fact]
    public async Task A_sign_up_sent_again_from_a_phone_that_lost_the_answer_gets_the_same_account()
    {
        var anonymous = Service.CreateClient();
        var key = Guid.NewGuid().ToString();

        var first = await anonymous.PostWithKeyAsync("/api/organization/accounts/sign-up", new SignUpRequest("zheng.yi", Password), key);
        var again = await anonymous.PostWithKeyAsync("/api/organization/accounts/sign-up", new SignUpRequest("zheng.yi", Password), key);
        var otherPassword = await anonymous.PostWithKeyAsync("/api/organization/accounts/sign-up", new SignUpRequest("zheng.yi", Password + "!"), key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, true), (first.StatusCode, again.StatusCode, again.IsReplayed()));
        Assert.Equal((await first.Content.ReadFromJsonAsync<AccountResponse>())!.Id, (await again.Content.ReadFromJsonAsync<AccountResponse>())!.Id);
        await ProblemDetailsAssertions.AssertProblemAsync(otherPassword, (HttpStatusCode)422, "idempotency-key-reused");
        // Without the key, the name is taken (this was an undeclared 409, answered as a 500, before).
        await ProblemDetailsAssertions.AssertProblemAsync(
            await anonymous.PostAsJsonAsync("/api/organization/accounts/sign-up", new SignUpRequest("zheng.yi", Password)),
            HttpStatusCode.Conflict,
            "user-name-taken"
        );
    }

    private async Task<JsonElement> SignInAsync(string user)
    {
        var response = await Service
            .CreateClient()
            .PostAsync(
                "/connect/token",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["grant_type"] = "password",
                        ["client_id"] = AuthModule.AppClientId,
                        ["username"] = user,
                        ["password"] = Password,
                        ["scope"] = $"{AuthModule.ApiScope} offline_access roles",
                    }
                )
            );
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> TokenAsync(string user) => (await SignInAsync(user)).GetProperty("access_token").GetString()!;

    private async Task<MeResponse> MeAsync(string user) => await MeWithAsync(await TokenAsync(user));

    private async Task<MeResponse> MeWithAsync(string token)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return (await client.GetFromJsonAsync<MeResponse>("/api/organization/accounts/me"))!;
    }
}
