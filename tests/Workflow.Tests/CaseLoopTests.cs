using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Api;
using Platform.Contracts.Workflow;
using Platform.Testing;
using Platform.Workflow.Approvals;
using Platform.Workflow.Cases;
using Platform.Workflow.Deadlines;
using Platform.Workflow.Notifications;
using Platform.Workflow.Reports;

namespace Platform.Workflow.Tests;

public class CaseLoopTests(WorkflowServiceFactory service) : CaseTest(service)
{
    [Fact]
    public async Task A_case_goes_round_the_loop_by_the_rules_with_rework_and_every_step_on_record()
    {
        var grid = await GridAsync(0);
        await LayerAsync(grid, "urban-management", "cgj-hexi");
        (
            await Client.PostAsJsonAsync(
                "/api/workflow/routing-rules",
                new
                {
                    category = "road-damage",
                    level = "Department",
                    layer = "urban-management",
                }
            )
        ).EnsureSuccessStatusCode();
        var handler = HandlerOf("cgj-hexi");
        await using var closedEvents = await PublishedEvents.ListenAsync<CaseClosed>(Service.Servers.RabbitMq);

        var reported = await ReportAsync(Resident, Report("road-damage", Inside(0), channel: null));
        Assert.Equal(HttpStatusCode.NotFound, (await As(handler).GetAsync($"/api/workflow/cases/{reported.Id}")).StatusCode);
        await StepAsync(Operator, reported.Id, "register");
        var dispatched = await StepAsync(Operator, reported.Id, "dispatch");

        Assert.Equal(HandlerLevel.Department, dispatched.HandlerLevel);
        Assert.Equal("cgj-hexi", dispatched.Department);
        var categoryDays = 5; // road-damage, at normal priority
        Assert.Equal(
            Service.Services.GetRequiredService<DeadlinePolicy>().DueAt(CasePriority.Normal, categoryDays, dispatched.DispatchedAt!.Value),
            dispatched.DueAt
        );
        await (await As(GridStaffOf(grid)).PostAsJsonAsync($"/api/workflow/cases/{reported.Id}/accept", new { })).AssertProblemAsync(
            HttpStatusCode.Forbidden,
            "not-case-handler"
        );
        await (await As(HandlerOf("police")).PostAsJsonAsync($"/api/workflow/cases/{reported.Id}/accept", new { })).AssertProblemAsync(HttpStatusCode.NotFound);

        await StepAsync(handler, reported.Id, "accept");
        await StepAsync(handler, reported.Id, "progress", new { text = "已派人到场" });
        await StepAsync(handler, reported.Id, "resolve", new { text = "已更换破损地砖" });
        await StepAsync(handler, reported.Id, "reply", new { text = "已更换破损地砖，感谢反映" });
        var inbox = await Eventually.GetAsync(
            async () =>
            {
                var page = await As(Resident).GetFromJsonAsync<Page<NotificationResponse>>("/api/workflow/notifications/mine");
                return page!.Items.FirstOrDefault(n => n.Status == NotificationStatus.Sent);
            },
            "the reply delivered to the resident's inbox"
        );
        Assert.Contains("已更换破损地砖", inbox.Text, StringComparison.Ordinal);
        Assert.Equal(reported.Id, inbox.CaseId);

        var reopened = await StepAsync(Resident, reported.Id, "rating", new { rating = "Dissatisfied", comment = "还是不平" });
        Assert.Equal(CaseState.Accepted, reopened.State);
        Assert.Equal(1, reopened.Reopens);

        await StepAsync(handler, reported.Id, "resolve", new { text = "重新铺设并压实" });
        await StepAsync(handler, reported.Id, "reply", new { text = "已重新铺设" });
        await StepAsync(Resident, reported.Id, "rating", new { rating = "Satisfied" });
        await StepAsync(GridStaffOf(grid), reported.Id, "verification", new { passed = true, note = "现场平整" });
        var closed = await StepAsync(Operator, reported.Id, "close");

        Assert.Equal(CaseState.Closed, closed.State);
        Assert.Equal(CaseRating.Satisfied, closed.Rating);
        Assert.True(closed.OnTime);
        Assert.Equal(
            ["Report", "Register", "Dispatch", "Accept", "Progress", "Resolve", "Reply", "Rated", "Reopen", "Resolve", "Reply", "Rated", "Verify", "Close"],
            (await TimelineAsync(reported.Id)).Select(s => s.Action)
        );
        var timeline = await TimelineAsync(reported.Id);
        Assert.Equal(CaseState.Resolved, timeline[8].From);
        Assert.Equal("社区工作者", timeline[1].Actor);
        var published = (await closedEvents.NextAsync(e => e.GetProperty("caseId").GetGuid() == reported.Id)).GetProperty("message");
        Assert.Equal("cgj-hexi", published.GetProperty("department").GetString());
        Assert.Equal(1, published.GetProperty("reopens").GetInt32());
        Assert.Equal("Satisfied", published.GetProperty("rating").GetString());
    }

    [Fact]
    public async Task A_step_the_state_does_not_allow_is_a_409_naming_the_state_and_nothing_changes()
    {
        await GridAsync(0);
        var reported = await ReportAsync(Resident, Report("garbage", Inside(0), channel: null));

        var problem = await (await As(Operator).PostAsJsonAsync($"/api/workflow/cases/{reported.Id}/close", new { })).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "invalid-case-transition"
        );

        Assert.Contains("Reported", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Report"], (await TimelineAsync(reported.Id)).Select(s => s.Action));
    }

    [Fact]
    public async Task Only_the_right_people_take_each_step()
    {
        var grid = await GridAsync(0);
        var reported = await ReportAsync(Resident, Report("garbage", Inside(0), channel: null));
        var otherCommunityStaff = TestCaller.In(Roles.CommunityStaff) with { Communities = [Guid.NewGuid()] };

        await (await As(Resident).PostAsJsonAsync($"/api/workflow/cases/{reported.Id}/register", new { })).AssertProblemAsync(
            HttpStatusCode.Forbidden,
            "role-required"
        );
        await (await As(otherCommunityStaff).PostAsJsonAsync($"/api/workflow/cases/{reported.Id}/register", new { })).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        await (await As(GridStaffOf(grid)).PostAsJsonAsync($"/api/workflow/cases/{reported.Id}/escalate", new { reason = "x" })).AssertProblemAsync(
            HttpStatusCode.Forbidden,
            "role-required"
        );
        await StepAsync(Operator, reported.Id, "register");
        await StepAsync(Operator, reported.Id, "dispatch", new { level = "Grid" });
        await (await As(GridStaffOf(Guid.NewGuid())).PostAsJsonAsync($"/api/workflow/cases/{reported.Id}/accept", new { })).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        var staff = GridStaffOf(grid);
        var accepted = await StepAsync(staff, reported.Id, "accept");
        Assert.Equal(CaseState.Accepted, accepted.State);
        var mine = await As(staff).GetFromJsonAsync<Page<CaseSummary>>($"/api/workflow/cases?handledBy={staff.PersonId}");
        Assert.Equal([reported.Id], mine!.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_returned_case_goes_back_to_dispatch_and_returns_and_voids_are_counted_in_the_report()
    {
        await GridAsync(0);
        var reported = await ReportAsync(Resident, Report("consultation", Inside(0), channel: null));
        var voided = await ReportAsync(Resident, Report("noise", Inside(0), channel: null));
        await StepAsync(Operator, reported.Id, "register");
        await StepAsync(Operator, reported.Id, "dispatch", new { level = "Department", department = "police" });
        var police = HandlerOf("police");

        await (await As(police).PostAsJsonAsync($"/api/workflow/cases/{reported.Id}/return", new { reason = " " })).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "reason-required"
        );
        var returned = await StepAsync(police, reported.Id, "return", new { reason = "咨询类不属于派出所" });
        await StepAsync(Operator, voided.Id, "void", new { reason = "非本辖区问题" });

        Assert.Equal(CaseState.Registered, returned.State);
        Assert.Null(returned.HandlerLevel);
        Assert.Equal(1, returned.Returns);
        Assert.Equal(HttpStatusCode.NotFound, (await As(police).GetAsync($"/api/workflow/cases/{reported.Id}")).StatusCode);
        var again = await StepAsync(Operator, reported.Id, "dispatch");
        Assert.Equal(HandlerLevel.Grid, again.HandlerLevel);
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        var report = await Client.GetFromJsonAsync<CaseReport>($"/api/workflow/cases/report?from={from}&to={to}");
        Assert.Equal((2, 1, 1, 1, 1), (report!.Reported, report.Voided, report.Dispatched, report.Returned, report.Returns));
        Assert.Equal(0.5, report.VoidShare);
        Assert.Equal(1.0, report.ReturnShare);
        await (await Client.GetAsync($"/api/workflow/cases/report?from={to}&to={from}")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-period");
    }

    [Fact]
    public async Task An_extension_is_approved_by_the_level_above_before_the_deadline_and_not_after_it()
    {
        var grid = await GridAsync(0);
        var dispatched = await DispatchedToGridAsync(grid);
        var staff = GridStaffOf(grid);
        await StepAsync(staff, dispatched.Id, "accept");

        var asked = await (
            await As(staff)
                .PostAsJsonAsync(
                    $"/api/workflow/cases/{dispatched.Id}/approvals",
                    new
                    {
                        kind = "Extension",
                        workingDays = 2,
                        reason = "需协调物业",
                    }
                )
        ).Content.ReadFromJsonAsync<ApprovalResponse>();
        await (
            await As(staff).PostAsJsonAsync($"/api/workflow/cases/{dispatched.Id}/approvals", new { kind = "Deferral", reason = "again" })
        ).AssertProblemAsync(HttpStatusCode.Conflict, "approval-pending");
        await (await As(staff).PostAsJsonAsync($"/api/workflow/approvals/{asked!.Id}/decision", new { approve = true })).AssertProblemAsync(
            HttpStatusCode.Forbidden,
            "role-required"
        );
        var queue = await As(Operator).GetFromJsonAsync<Page<ApprovalResponse>>("/api/workflow/approvals?status=Pending");
        Assert.Equal([asked.Id], queue!.Items.Select(a => a.Id));
        var decided = await (
            await As(Operator).PostAsJsonAsync($"/api/workflow/approvals/{asked.Id}/decision", new { approve = true, note = "同意" })
        ).Content.ReadFromJsonAsync<ApprovalResponse>();

        Assert.Equal(ApprovalStatus.Approved, decided!.Status);
        var extended = await Client.GetFromJsonAsync<CaseResponse>($"/api/workflow/cases/{dispatched.Id}");
        Assert.Equal(Service.Services.GetRequiredService<DeadlinePolicy>().Extend(dispatched.DueAt!.Value, 2), extended!.DueAt);
        Assert.Equal(1, extended.Extensions);
        await (await As(Operator).PostAsJsonAsync($"/api/workflow/approvals/{asked.Id}/decision", new { approve = false })).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "approval-decided"
        );

        var deferral = await (
            await As(staff).PostAsJsonAsync($"/api/workflow/cases/{dispatched.Id}/approvals", new { kind = "Deferral", reason = "等待雨季结束" })
        ).Content.ReadFromJsonAsync<ApprovalResponse>();
        await Service.ExecuteAsync($"UPDATE cases SET due_at = now() - interval '1 minute' WHERE id = '{dispatched.Id}'");
        await (await As(Operator).PostAsJsonAsync($"/api/workflow/approvals/{deferral!.Id}/decision", new { approve = true })).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "deadline-passed"
        );
        var after = await Client.GetFromJsonAsync<CaseResponse>($"/api/workflow/cases/{dispatched.Id}");
        Assert.Equal(CaseState.Accepted, after!.State);
        Assert.Equal(0, after.Deferrals);
    }

    [Fact]
    public async Task Routing_rules_are_data_admins_edit_and_the_preview_says_where_a_case_would_go()
    {
        var grid = await GridAsync(0);
        await LayerAsync(grid, "environment", "sthj");

        (
            await Client.PostAsJsonAsync(
                "/api/workflow/routing-rules",
                new
                {
                    category = "pollution",
                    level = "Department",
                    layer = "environment",
                }
            )
        ).EnsureSuccessStatusCode();
        await (await Client.PostAsJsonAsync("/api/workflow/routing-rules", new { category = "pollution", level = "Community" })).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "routing-rule-exists"
        );
        await (await Client.PostAsJsonAsync("/api/workflow/routing-rules", new { category = "nope", level = "Community" })).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "unknown-category"
        );
        await (await Client.PostAsJsonAsync("/api/workflow/routing-rules", new { category = "noise", level = "Up" })).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "invalid-level"
        );
        await (await As(Operator).PostAsJsonAsync("/api/workflow/routing-rules", new { category = "noise", level = "Grid" })).AssertProblemAsync(
            HttpStatusCode.Forbidden,
            "role-required"
        );

        var preview = await Client.GetFromJsonAsync<Platform.Workflow.Routing.RouteResponse>(
            $"/api/workflow/routing-rules/preview?category=pollution&gridId={grid}"
        );
        Assert.Equal(("sthj", HandlerLevel.Department), (preview!.Department, preview.Level));
        var elsewhere = await Client.GetFromJsonAsync<Platform.Workflow.Routing.RouteResponse>("/api/workflow/routing-rules/preview?category=pollution");
        Assert.Equal(HandlerLevel.Subdistrict, elsewhere!.Level);
    }

    [Fact]
    public async Task Handling_a_case_not_yet_dispatched_is_a_conflict_naming_its_state()
    {
        var grid = await GridAsync(0);
        var reported = await ReportAsync(GridStaffOf(grid), Report("garbage", gridId: grid));

        var accepted = await As(GridStaffOf(grid)).PostAsJsonAsync($"/api/workflow/cases/{reported.Id}/accept", new { });

        var problem = await accepted.AssertProblemAsync(HttpStatusCode.Conflict, "case-not-dispatched");
        Assert.Contains("Reported", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
