using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Testing;
using Platform.Workflow.Assessment;
using Platform.Workflow.Cases;
using Platform.Workflow.Mediation;

namespace Platform.Workflow.Tests;

/// <summary>Dispute mediation and tripartite coordination through the API, each on its own steps.</summary>
public class CaseTypesTests(WorkflowServiceFactory service) : CaseTest(service)
{
    private async Task<CaseResponse> AcceptedAsync(string category, string? type = null)
    {
        await GridAsync(0);
        var reported = await ReportAsync(Resident, Report(category, Inside(0), channel: null));
        var registered = await StepAsync(Operator, reported.Id, "register", type is null ? null : new { type });
        await StepAsync(Operator, reported.Id, "dispatch", new { level = "Community" });
        await StepAsync(Operator, reported.Id, "accept");
        return registered;
    }

    [Fact]
    public async Task A_neighbour_dispute_is_mediated_agreed_followed_up_and_closed_and_counts_in_the_assessment()
    {
        var registered = await AcceptedAsync("neighbour-dispute");
        var id = registered.Id;
        Assert.Equal(CaseType.Mediation, registered.Type);

        await (await As(Operator).PostAsJsonAsync($"/api/workflow/cases/{id}/resolve", new { text = "x" })).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "invalid-case-transition"
        );
        await StepAsync(Operator, id, "mediation/start");
        await (
            await As(Operator).PostAsJsonAsync($"/api/workflow/cases/{id}/mediation/sessions", new { attendees = new[] { "王某" }, summary = "首次调解" })
        ).AssertProblemAsync(HttpStatusCode.Conflict, "parties-required");
        await (await As(Operator).PostAsJsonAsync($"/api/workflow/cases/{id}/mediation/agreement", new { terms = "x" })).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "meeting-required"
        );
        await StepAsync(
            Operator,
            id,
            "mediation/parties",
            new
            {
                role = "Applicant",
                name = "王建国",
                phone = "13900001111",
            }
        );
        await StepAsync(Operator, id, "mediation/parties", new { role = "Respondent", name = "赵小红" });
        await StepAsync(Operator, id, "mediation/sessions", new { attendees = new[] { "王建国", "赵小红", "人民调解员" }, summary = "双方同意由楼上修复防水" });
        var agreed = await StepAsync(Operator, id, "mediation/agreement", new { terms = "楼上住户两周内修复卫生间防水，承担楼下墙面修补费用" });
        Assert.Equal(CaseState.Resolved, agreed.State);
        await StepAsync(Operator, id, "reply", new { text = "已达成调解协议" });
        await (await As(Operator).PostAsJsonAsync($"/api/workflow/cases/{id}/verification", new { passed = true })).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "invalid-case-transition"
        );
        var reopened = await StepAsync(Operator, id, "mediation/follow-up", new { kept = false, note = "未按期修复" });
        Assert.Equal((CaseState.Accepted, 1), (reopened.State, reopened.Reopens));
        await StepAsync(Operator, id, "mediation/start");
        await StepAsync(Operator, id, "mediation/sessions", new { attendees = new[] { "王建国", "赵小红" }, summary = "再次调解" });
        await StepAsync(Operator, id, "mediation/agreement", new { terms = "三日内修复" });
        await StepAsync(Operator, id, "reply", new { text = "已再次调解" });
        await StepAsync(Operator, id, "mediation/follow-up", new { kept = true, note = "已修复" });
        var closed = await StepAsync(Operator, id, "close");

        Assert.Equal(CaseState.Closed, closed.State);
        var records = await Client.GetFromJsonAsync<CaseRecordsResponse>($"/api/workflow/cases/{id}/records");
        Assert.Equal(["王**", "赵**"], records!.Parties.Select(p => p.Name));
        Assert.Equal("139****1111", records.Parties[0].Phone);
        Assert.Equal(2, records.Meetings.Count);
        Assert.Equal("三日内修复", records.Agreement);
        var now = DateTimeOffset.UtcNow;
        var figures = await Client.GetFromJsonAsync<AssessmentResponse>(
            $"/api/workflow/assessment?level=Community&from={Uri.EscapeDataString(now.AddDays(-1).ToString("O"))}"
                + $"&to={Uri.EscapeDataString(now.AddDays(60).ToString("O"))}"
        );
        var community = Assert.Single(figures!.Rows);
        Assert.Equal((1, 1, 1), (community.Due, community.Closed, community.Reworked));
    }

    [Fact]
    public async Task A_dispute_mediation_cannot_settle_is_referred_onward()
    {
        var id = (await AcceptedAsync("other", "Mediation")).Id;
        await StepAsync(Operator, id, "mediation/start");

        await (await As(Operator).PostAsJsonAsync($"/api/workflow/cases/{id}/mediation/referral", new { to = "德令哈市人民法院" })).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "reason-required"
        );
        var referred = await StepAsync(Operator, id, "mediation/referral", new { to = "德令哈市人民法院", reason = "涉及财产损害赔偿，双方不同意调解" });

        Assert.Equal(CaseState.Resolved, referred.State);
        Assert.Contains("德令哈市人民法院", referred.Result, StringComparison.Ordinal);
        Assert.Equal("德令哈市人民法院", (await Client.GetFromJsonAsync<CaseRecordsResponse>($"/api/workflow/cases/{id}/records"))!.ReferredTo);
        // A dispute names private parties: Open311's public reads never show it.
        Assert.Equal(HttpStatusCode.NotFound, (await Service.CreateClient().GetAsync($"/open311/v2/requests/{referred.Number}.json")).StatusCode);
    }

    [Fact]
    public async Task A_property_case_is_coordinated_by_the_three_parties_who_agree_who_does_what()
    {
        var registered = await AcceptedAsync("property-management");
        var id = registered.Id;
        Assert.Equal(CaseType.Tripartite, registered.Type);

        await StepAsync(Operator, id, "coordination/start");
        await (
            await As(Operator)
                .PostAsJsonAsync(
                    $"/api/workflow/cases/{id}/coordination/meetings",
                    new
                    {
                        community = "社区书记",
                        propertyCompany = "物业经理",
                        summary = "x",
                    }
                )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "three-parties-required");
        await StepAsync(
            Operator,
            id,
            "coordination/meetings",
            new
            {
                community = "社区书记",
                homeownersCommittee = "业委会主任",
                propertyCompany = "物业经理",
                summary = "商定停车位划分方案",
            }
        );
        await (await As(Operator).PostAsJsonAsync($"/api/workflow/cases/{id}/coordination/agreement", new { terms = "划线" })).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "tasks-required"
        );
        await (await As(Operator).PostAsJsonAsync($"/api/workflow/cases/{id}/mediation/agreement", new { terms = "划线" })).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "wrong-case-type"
        );
        var agreed = await StepAsync(
            Operator,
            id,
            "coordination/agreement",
            new
            {
                terms = "按方案重新划分车位",
                tasks = new object[]
                {
                    new
                    {
                        party = "PropertyCompany",
                        task = "重新施划车位线",
                        dueDate = "2026-12-15",
                    },
                    new { party = "HomeownersCommittee", task = "公示划分方案并征求意见" },
                    new { party = "Community", task = "监督落实并回访" },
                },
            }
        );

        Assert.Equal(CaseState.Resolved, agreed.State);
        var records = await Client.GetFromJsonAsync<CaseRecordsResponse>($"/api/workflow/cases/{id}/records");
        Assert.Equal(
            [CoordinationParty.Community, CoordinationParty.HomeownersCommittee, CoordinationParty.PropertyCompany],
            records!.Tasks.Select(t => t.Party)
        );
        Assert.Equal(new DateOnly(2026, 12, 15), records.Tasks[2].DueDate);
        Assert.Equal(["社区书记", "业委会主任", "物业经理"], Assert.Single(records.Meetings).Attendees);
        Assert.Contains(await TimelineAsync(id), s => s.Action == "HoldMeeting" && s.From == CaseState.Coordinating);
    }

    [Fact]
    public async Task The_tasks_a_tripartite_agreement_sets_are_followed_to_done_overdue_ones_show_and_the_closing_counts_them()
    {
        var id = (await AcceptedAsync("property-management")).Id;
        await StepAsync(Operator, id, "coordination/start");
        await StepAsync(
            Operator,
            id,
            "coordination/meetings",
            new
            {
                community = "社区书记",
                homeownersCommittee = "业委会主任",
                propertyCompany = "物业经理",
                summary = "商定方案",
            }
        );
        await StepAsync(
            Operator,
            id,
            "coordination/agreement",
            new
            {
                terms = "按方案重新划分车位",
                tasks = new object[]
                {
                    new
                    {
                        party = "PropertyCompany",
                        task = "重新施划车位线",
                        dueDate = "2026-01-15",
                    },
                    new { party = "HomeownersCommittee", task = "公示划分方案" },
                },
            }
        );
        var agreed = (await Client.GetFromJsonAsync<CaseRecordsResponse>($"/api/workflow/cases/{id}/records"))!.Tasks;
        var lines = agreed.Single(t => t.Party == CoordinationParty.PropertyCompany);
        var notice = agreed.Single(t => t.Party == CoordinationParty.HomeownersCommittee);

        await (await As(Operator).PostAsJsonAsync($"/api/workflow/cases/{id}/coordination/tasks/{notice.Id}/done", new { outcome = " " })).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "outcome-required"
        );
        await StepAsync(Operator, id, $"coordination/tasks/{notice.Id}/done", new { outcome = "方案已在小区公告栏公示七天" });
        await (
            await As(Operator).PostAsJsonAsync($"/api/workflow/cases/{id}/coordination/tasks/{notice.Id}/done", new { outcome = "again" })
        ).AssertProblemAsync(HttpStatusCode.Conflict, "task-done");
        await (
            await As(Operator).PostAsJsonAsync($"/api/workflow/cases/{id}/coordination/tasks/{Guid.NewGuid()}/done", new { outcome = "x" })
        ).AssertProblemAsync(HttpStatusCode.NotFound, "task-not-found");
        var followed = (await Client.GetFromJsonAsync<CaseRecordsResponse>($"/api/workflow/cases/{id}/records"))!.Tasks;
        var overdue = (await As(Operator).GetFromJsonAsync<Page<CoordinationTaskListItem>>("/api/workflow/coordination-tasks?status=Overdue"))!.Items;
        var elsewhere = Service.ClientAs(TestCaller.In(Roles.CommunityStaff) with { Communities = [Guid.NewGuid()] });
        Assert.Equal(lines.Id, Assert.Single(overdue).Task.Id);
        Assert.Empty((await elsewhere.GetFromJsonAsync<Page<CoordinationTaskListItem>>("/api/workflow/coordination-tasks"))!.Items);
        await StepAsync(Operator, id, "reply", new { text = "已协调三方，方案已公示" });
        await StepAsync(Operator, id, "verification", new { passed = true });
        await StepAsync(Operator, id, "close");

        Assert.Equal(
            (CaseTaskStatus.Overdue, CaseTaskStatus.Done),
            (followed.Single(t => t.Id == lines.Id).Status, followed.Single(t => t.Id == notice.Id).Status)
        );
        Assert.Equal("方案已在小区公告栏公示七天", followed.Single(t => t.Id == notice.Id).Outcome);
        Assert.Equal("1 of 2 agreed tasks done", (await TimelineAsync(id)).Last().Note);
    }

    [Fact]
    public async Task A_mediation_agreement_says_what_each_party_on_record_undertakes()
    {
        var id = (await AcceptedAsync("neighbour-dispute")).Id;
        await StepAsync(Operator, id, "mediation/start");
        await StepAsync(Operator, id, "mediation/parties", new { role = "Applicant", name = "王建国" });
        await StepAsync(Operator, id, "mediation/parties", new { role = "Respondent", name = "赵小红" });
        await StepAsync(Operator, id, "mediation/sessions", new { attendees = new[] { "王建国", "赵小红" }, summary = "调解" });

        await (
            await As(Operator)
                .PostAsJsonAsync(
                    $"/api/workflow/cases/{id}/mediation/agreement",
                    new { terms = "双方和解", undertakings = new[] { new { party = "Other", undertakes = "见证" } } }
                )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "party-not-on-record");
        await (
            await As(Operator)
                .PostAsJsonAsync(
                    $"/api/workflow/cases/{id}/mediation/agreement",
                    new { terms = "双方和解", undertakings = new[] { new { party = "Respondent", undertakes = " " } } }
                )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "undertaking-required");
        var agreed = await StepAsync(
            Operator,
            id,
            "mediation/agreement",
            new
            {
                terms = "双方和解",
                undertakings = new[]
                {
                    new { party = "Respondent", undertakes = "两周内修复卫生间防水" },
                    new { party = "Applicant", undertakes = "配合入户施工" },
                },
            }
        );

        Assert.Equal(CaseState.Resolved, agreed.State);
        Assert.Equal(
            "双方和解\nRespondent: 两周内修复卫生间防水\nApplicant: 配合入户施工",
            (await Client.GetFromJsonAsync<CaseRecordsResponse>($"/api/workflow/cases/{id}/records"))!.Agreement
        );
    }
}
