using System.Net.Http.Json;
using Platform.Testing;
using Platform.Workflow.Cases;
using Xunit.Abstractions;

namespace Platform.Workflow.Tests;

/// <summary>Every step on a case, as staff, handlers and residents of somewhere else.</summary>
[Collection(WorkflowServiceCollection.Name)]
public class ScopeSweepTests(WorkflowServiceFactory service, ITestOutputHelper output) : ScopeSweepTest<Program>(service, output)
{
    protected override async Task<ScopeWorld> BuildWorldAsync()
    {
        var cases = new Cases(service);
        var grid = await cases.GridAsync(0);
        var dispatched = await cases.DispatchedToGridAsync(grid);
        var asked = await cases
            .As(Cases.GridStaffOf(grid))
            .PostAsJsonAsync(
                $"/api/workflow/cases/{dispatched.Id}/approvals",
                new
                {
                    kind = "Extension",
                    workingDays = 2,
                    reason = "需协调物业",
                }
            );
        var approval = (await asked.Content.ReadFromJsonAsync<ApprovalResponse>())!;

        var world = new ScopeWorld();
        world.Records["cases"] = dispatched.Id.ToString();
        world.Records["approvals"] = approval.Id.ToString();
        // A coordination task is looked up on its case, which is checked first: the case decides who may act.
        world.Records["tasks"] = Guid.NewGuid().ToString();
        return world;
    }

    /// <summary>The case tests' helpers, for a class whose base is the sweep.</summary>
    private sealed class Cases(WorkflowServiceFactory service) : CaseTest(service);
}
