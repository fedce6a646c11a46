using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Tests;

/// <summary>
/// A case's <c>allowedActions</c> are what its page offers: for every state of the general loop and every kind of
/// caller, each step the state allows is listed exactly when the caller's request for it is not refused for who
/// they are. Generated from the state machine: a new step without an endpoint here fails the test.
/// </summary>
[Collection(WorkflowServiceCollection.Name)]
public class AllowedActionsTests(WorkflowServiceFactory service) : CaseTest(service)
{
    private const int Column = 11;

    /// <summary>Each step's request with a body the step accepts (extensions and deferrals are asked for as approvals).</summary>
    private static readonly Dictionary<CaseAction, (string Path, object Body)> Requests = new()
    {
        [CaseAction.Register] = ("register", new { }),
        [CaseAction.Void] = ("void", new { reason = "不属于受理范围" }),
        [CaseAction.Dispatch] = ("dispatch", new { level = "Grid" }),
        [CaseAction.Return] = ("return", new { reason = "非本网格事项" }),
        [CaseAction.Accept] = ("accept", new { }),
        [CaseAction.Escalate] = ("escalate", new { reason = "群众反映强烈" }),
        [CaseAction.Extend] = (
            "approvals",
            new
            {
                kind = "Extension",
                workingDays = 2,
                reason = "需协调环卫车辆",
            }
        ),
        [CaseAction.Defer] = ("approvals", new { kind = "Deferral", reason = "等待天气好转" }),
        [CaseAction.Resume] = ("resume", new { }),
        [CaseAction.Resolve] = ("resolve", new { text = "已清理" }),
        [CaseAction.Reply] = ("reply", new { text = "楼道杂物已清理" }),
        [CaseAction.Verify] = ("verification", new { passed = true }),
        [CaseAction.Close] = ("close", new { }),
    };

    // Reopening has no request of its own: a dissatisfied rating or a failed on-site check reopens a case.
    private static readonly CaseAction[] WithoutRequest = [CaseAction.Reopen];

    [Fact]
    public void Every_step_of_the_general_loop_is_covered()
    {
        var missing = CaseStateMachine.Transitions.Keys.Select(k => k.Action).Distinct().Except(WithoutRequest).Except(Requests.Keys).ToList();
        Assert.True(missing.Count == 0, $"steps with no request in this test: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task A_case_offers_a_caller_exactly_the_steps_the_caller_may_take()
    {
        var grid = await GridAsync(Column);
        var gridStaff = GridStaffOf(grid);
        var callers = new (string Who, TestCaller Caller)[]
        {
            ("subdistrict admin", TestCaller.In(Roles.SubdistrictAdmin) with { Name = "街道管理员" }),
            ("subdistrict cadre", TestCaller.In(Roles.SubdistrictCadre) with { Name = "街道干部" }),
            ("community staff", Operator),
            ("grid staff of the case's grid", gridStaff),
            ("department handler", HandlerOf("urban")),
            ("reporter", Resident),
        };
        var states = new[]
        {
            CaseState.Reported,
            CaseState.Registered,
            CaseState.Dispatched,
            CaseState.Accepted,
            CaseState.Deferred,
            CaseState.Resolved,
            CaseState.Verified,
        };
        var checkedSteps = 0;
        foreach (var state in states)
        {
            var steps = CaseStateMachine.Transitions.Keys.Where(k => k.From == state).Select(k => k.Action).Except(WithoutRequest).ToList();
            foreach (var (who, caller) in callers)
            {
                var shown = await As(caller).GetAsync($"/api/workflow/cases/{(await InStateAsync(state, grid, gridStaff)).Id}");
                if (shown.StatusCode == HttpStatusCode.NotFound)
                {
                    continue;
                }

                var offered = (await OkAsync(shown)).AllowedActions;
                Assert.All(offered, a =>
                    Assert.Contains(Enum.Parse<CaseAction>(a), CaseStateMachine.Transitions.Keys.Where(k => k.From == state).Select(k => k.Action))
                );
                foreach (var step in steps)
                {
                    // A fresh case in the state for every request: a step taken changes it.
                    var fresh = await InStateAsync(state, grid, gridStaff);
                    var (path, body) = Requests[step];
                    var response = await As(caller).PostAsJsonAsync($"/api/workflow/cases/{fresh.Id}/{path}", body);
                    var detail = $"{who}, {step} on a {state} case: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    if (offered.Contains(step.ToString()))
                    {
                        Assert.True(response.IsSuccessStatusCode, $"offered but refused — {detail}");
                    }
                    else
                    {
                        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"not offered but not refused for who — {detail}");
                    }

                    checkedSteps++;
                }
            }
        }

        Assert.True(checkedSteps > 40, $"{checkedSteps} steps checked");
    }

    [Fact]
    public async Task A_dispatched_case_offers_its_grid_staff_the_handling_and_not_the_filing_or_supervision()
    {
        var grid = await GridAsync(Column);
        var gridStaff = GridStaffOf(grid);
        var dispatched = await InStateAsync(CaseState.Dispatched, grid, gridStaff);
        async Task<IReadOnlyList<string>> OfferedToAsync(TestCaller caller) =>
            (await OkAsync(await As(caller).GetAsync($"/api/workflow/cases/{dispatched.Id}"))).AllowedActions;

        Assert.Equal(["Return", "Accept"], await OfferedToAsync(gridStaff));
        Assert.Equal(["Return", "Accept", "Escalate"], await OfferedToAsync(TestCaller.In(Roles.SubdistrictAdmin)));
        Assert.Empty(await OfferedToAsync(Resident));
    }

    /// <summary>A resident's report in the grid, brought to <paramref name="state"/> by the people whose step each is.</summary>
    private async Task<CaseResponse> InStateAsync(CaseState state, Guid grid, TestCaller gridStaff)
    {
        var c = await ReportAsync(Resident, Report("garbage", Inside(Column), channel: null));
        if (state == CaseState.Reported)
        {
            return c;
        }

        c = await StepAsync(Operator, c.Id, "register");
        if (state == CaseState.Registered)
        {
            return c;
        }

        c = await StepAsync(Operator, c.Id, "dispatch", new { level = "Grid" });
        Assert.Equal(grid, c.GridId);
        if (state == CaseState.Dispatched)
        {
            return c;
        }

        c = await StepAsync(gridStaff, c.Id, "accept");
        if (state == CaseState.Deferred)
        {
            var asked = await As(gridStaff).PostAsJsonAsync($"/api/workflow/cases/{c.Id}/approvals", Requests[CaseAction.Defer].Body);
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
            var approval = (await asked.Content.ReadFromJsonAsync<ApprovalResponse>())!;
            var decided = await As(Operator).PostAsJsonAsync($"/api/workflow/approvals/{approval.Id}/decision", new { approve = true });
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
            return await OkAsync(await As(Operator).GetAsync($"/api/workflow/cases/{c.Id}"));
        }

        if (state == CaseState.Accepted)
        {
            return c;
        }

        c = await StepAsync(gridStaff, c.Id, "resolve", new { text = "已清理" });
        if (state == CaseState.Resolved)
        {
            return c;
        }

        await StepAsync(gridStaff, c.Id, "reply", new { text = "楼道杂物已清理" });
        return await StepAsync(gridStaff, c.Id, "verification", new { passed = true });
    }
}
