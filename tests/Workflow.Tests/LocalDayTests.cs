namespace Platform.Workflow.Tests;

/// <summary>Years are the subdistrict's (UTC+8): at 00:30 local time on 1 January 2027 a case is numbered in 2027.</summary>
[Collection(WorkflowAtLocalNewYearCollection.Name)]
public class LocalDayTests(WorkflowAtLocalNewYearFactory service) : CaseTest(service)
{
    [Fact]
    public async Task A_case_reported_just_after_local_midnight_on_new_years_day_is_numbered_in_the_new_year()
    {
        var grid = await GridAsync(0);

        var reported = await ReportAsync(GridStaffOf(grid), Report("garbage", gridId: grid));

        Assert.StartsWith("2027-", reported.Number);
    }
}
