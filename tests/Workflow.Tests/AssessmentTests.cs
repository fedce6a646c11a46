using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Testing;
using Platform.Workflow.Assessment;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Tests;

/// <summary>The assessment through the API: figures from the stored cases, rankings, rewards and penalties.</summary>
public class AssessmentTests(WorkflowServiceFactory service) : CaseTest(service)
{
    private static string Period(DateTimeOffset from, DateTimeOffset to) =>
        $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

    [Fact]
    public async Task The_grids_of_a_period_are_ranked_from_their_cases_and_points()
    {
        var good = await GridAsync(0);
        var slow = await GridAsync(1);
        async Task CloseAsync(Guid grid, CaseRating rating)
        {
            var staff = GridStaffOf(grid);
            var c = await DispatchedToGridAsync(grid);
            await StepAsync(staff, c.Id, "accept");
            await StepAsync(staff, c.Id, "resolve", new { text = "已处理" });
            await StepAsync(staff, c.Id, "reply", new { text = "已处理" });
            await StepAsync(Operator, c.Id, "rating", new { rating = rating.ToString(), resolved = rating != CaseRating.Dissatisfied });
            await StepAsync(staff, c.Id, "verification", new { passed = true });
            await StepAsync(Operator, c.Id, "close");
        }

        await CloseAsync(good, CaseRating.Satisfied);
        await CloseAsync(slow, CaseRating.BasicallySatisfied);
        await DispatchedToGridAsync(slow);
        (
            await Client.PostAsJsonAsync(
                "/api/workflow/assessment/items",
                new
                {
                    level = "Grid",
                    subjectId = slow.ToString(),
                    points = -2,
                    reason = "台账不全",
                    evidence = "督查通报 2026-11",
                }
            )
        ).EnsureSuccessStatusCode();
        var now = DateTimeOffset.UtcNow;

        var figures = await Client.GetFromJsonAsync<AssessmentResponse>($"/api/workflow/assessment?level=Grid&{Period(now.AddDays(-1), now.AddDays(30))}");

        Assert.Equal([good.ToString(), slow.ToString()], figures!.Rows.Select(r => r.SubjectId));
        Assert.Equal([1, 2], figures.Rows.Select(r => r.Rank));
        var first = figures.Rows[0];
        Assert.Equal(
            (1, 1, 1, 1.0, 1.0, 1.0, 1.0),
            (first.Dispatched, first.Due, first.Closed, first.ClosureRate, first.OnTimeClosureRate, first.SatisfactionRate, first.ResolutionRate)
        );
        var second = figures.Rows[1];
        Assert.Equal(
            (2, 2, 1, 0.5, 0.8, 2m),
            (second.Dispatched, second.Due, second.Closed, second.ClosureRate, second.SatisfactionRate!.Value, second.Penalties)
        );
        var outside = await Client.GetFromJsonAsync<AssessmentResponse>($"/api/workflow/assessment?level=Grid&{Period(now.AddDays(60), now.AddDays(90))}");
        Assert.Empty(outside!.Rows);
    }

    [Fact]
    public async Task A_manual_item_needs_a_reason_and_a_known_subject_and_is_published()
    {
        var grid = await GridAsync(0);

        await (
            await Client.PostAsJsonAsync(
                "/api/workflow/assessment/items",
                new
                {
                    level = "Grid",
                    subjectId = grid.ToString(),
                    points = 3,
                }
            )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "reason-required");
        await (
            await Client.PostAsJsonAsync(
                "/api/workflow/assessment/items",
                new
                {
                    level = "Grid",
                    subjectId = grid.ToString(),
                    points = 0,
                    reason = "x",
                }
            )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-points");
        await (
            await Client.PostAsJsonAsync(
                "/api/workflow/assessment/items",
                new
                {
                    level = "Grid",
                    subjectId = Guid.NewGuid().ToString(),
                    points = 3,
                    reason = "x",
                }
            )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown-subject");
        await (
            await As(Operator)
                .PostAsJsonAsync(
                    "/api/workflow/assessment/items",
                    new
                    {
                        level = "Grid",
                        subjectId = grid.ToString(),
                        points = 3,
                        reason = "x",
                    }
                )
        ).AssertProblemAsync(HttpStatusCode.Forbidden, "role-required");
        var created = await (
            await Client.PostAsJsonAsync(
                "/api/workflow/assessment/items",
                new
                {
                    level = "Grid",
                    subjectId = grid.ToString(),
                    points = 3,
                    reason = "表彰：防汛先进",
                }
            )
        ).Content.ReadFromJsonAsync<AssessmentItemResponse>();

        Assert.Equal(("Manual", 3m), (created!.Source, created.Points));
        Assert.Equal(
            1,
            await Service.ScalarAsync<long>(
                $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%AssessmentRecorded%' AND payload->>'itemId' = '{created.Id}'"
            )
        );
        var listed = await Client.GetFromJsonAsync<Page<AssessmentItemResponse>>($"/api/workflow/assessment/items?level=Grid&subjectId={grid}");
        Assert.Equal([created.Id], listed!.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Community_staff_see_their_own_community_and_a_bad_period_is_a_400()
    {
        var now = DateTimeOffset.UtcNow;

        await (await As(Operator).GetAsync($"/api/workflow/assessment?level=Grid&{Period(now.AddDays(-1), now)}")).AssertProblemAsync(
            HttpStatusCode.Forbidden,
            "out-of-scope"
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await As(Operator).GetAsync($"/api/workflow/assessment?level=Grid&communityId={CommunityId}&{Period(now.AddDays(-1), now)}")).StatusCode
        );
        await (await Client.GetAsync($"/api/workflow/assessment?level=Grid&{Period(now, now.AddDays(-1))}")).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "invalid-period"
        );
        await (await Client.GetAsync($"/api/workflow/assessment?level=Street&{Period(now.AddDays(-1), now)}")).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "invalid-level"
        );
    }
}
