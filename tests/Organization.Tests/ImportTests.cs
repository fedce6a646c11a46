using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.PersonalData;
using Platform.Organization.Communities;
using Platform.Organization.Data;
using Platform.Organization.PartyOrganizations;
using Platform.Testing;

namespace Platform.Organization.Tests;

public class ImportTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private async Task SetUpTreeAsync()
    {
        var community = (
            await (
                await Client.PostAsJsonAsync("/api/organization/communities", new CreateCommunityRequest("001", "长江路社区"))
            ).Content.ReadFromJsonAsync<CommunityResponse>()
        )!.Id;
        var root = (
            await (
                await Client.PostAsJsonAsync(
                    "/api/organization/organizations",
                    new FoundOrganizationRequest("河西街道工委", "SubdistrictCommittee", null, null, null)
                )
            ).Content.ReadFromJsonAsync<OrganizationResponse>()
        )!.Id;
        await Client.PostAsJsonAsync(
            "/api/organization/organizations",
            new FoundOrganizationRequest("长江路社区党支部", "CommunityBranch", null, root, community)
        );
    }

    private static string IdCard(int n) => PersonalDataRulesTests.IdCard($"632802198501{n % 28 + 1:00}{n % 1000:000}");

    private Task<HttpResponseMessage> PostCsvAsync(string kind, string csv, bool dryRun) =>
        Client.PostAsync($"/api/organization/imports/{kind}?dryRun={dryRun.ToString().ToLowerInvariant()}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private const string BadMembers = """
        name,phone,idCardNumber,homeAddress,organization,memberType,joinedOn
        张三,13812345678,,德令哈市河西街道长江路1号,长江路社区党支部,Resident,2001-07-01
        ,12345,,,"不存在的支部",Resident,
        李四,,110105194912310021,,长江路社区党支部,Sometimes,2099-01-01
        """;

    [Fact]
    public async Task A_dry_run_lists_every_rows_problems_and_writes_nothing()
    {
        await SetUpTreeAsync();

        var check = await (await PostCsvAsync("members", BadMembers, dryRun: true)).Content.ReadFromJsonAsync<ImportCheckResponse>();

        Assert.False(check!.Valid);
        Assert.Equal(3, check.Rows);
        Assert.Contains(check.Problems, p => p is { Row: 3, Code: "invalid-person-name" });
        Assert.Contains(check.Problems, p => p is { Row: 3, Code: "invalid-phone" });
        Assert.Contains(check.Problems, p => p is { Row: 3, Code: "unknown-organization" });
        Assert.Contains(check.Problems, p => p is { Row: 4, Code: "invalid-id-card" });
        Assert.Contains(check.Problems, p => p is { Row: 4, Code: "invalid-member-type" });
        Assert.Contains(check.Problems, p => p is { Row: 4, Code: "invalid-date" });
        Assert.DoesNotContain(check.Problems, p => p.Row == 2);
        Assert.Equal(0, await Service.ScalarAsync<long>("SELECT count(*) FROM people"));
    }

    [Fact]
    public async Task A_file_with_problems_is_refused_whole()
    {
        await SetUpTreeAsync();

        var response = await PostCsvAsync("members", BadMembers, dryRun: false);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-import-file");
        Assert.True(problem.GetProperty("problems").GetArrayLength() >= 4);
        Assert.Equal(0, await Service.ScalarAsync<long>("SELECT count(*) FROM people"));
        Assert.Equal(0, await Service.ScalarAsync<long>("SELECT count(*) FROM import_jobs"));
    }

    [Fact]
    public async Task A_clean_file_is_applied_whole_with_progress_to_the_end()
    {
        await SetUpTreeAsync();
        var csv = new StringBuilder("name,phone,idCardNumber,homeAddress,organization,memberType,joinedOn\n");
        for (var i = 0; i < 250; i++)
        {
            csv.Append(CultureInfoInvariant($"党员{i},1381234{i:0000},{IdCard(i)},\"德令哈市河西街道长江路{i}号\",长江路社区党支部,Resident,2010-07-01\n"));
        }

        var response = await PostCsvAsync("members", csv.ToString(), dryRun: false);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<ImportJobResponse>();

        var finished = await Eventually.GetAsync(
            async () =>
            {
                var current = await Client.GetFromJsonAsync<ImportJobResponse>(response.Headers.Location!);
                return current!.Status is "Completed" or "Failed" ? current : null;
            },
            "the import to finish",
            TimeSpan.FromSeconds(60)
        );
        Assert.Equal(("Completed", 250, 250, 100), (finished.Status, finished.ProcessedRows, finished.CreatedCount, finished.Percent));
        Assert.Equal(250, await Service.ScalarAsync<long>("SELECT count(*) FROM people"));
        Assert.Equal(job!.Id, finished.Id);
        Assert.Equal("", await Service.ScalarAsync<string>("SELECT payload FROM import_jobs"));
    }

    [Fact]
    public async Task A_queued_file_that_no_longer_fits_the_data_is_failed_without_writing_anything()
    {
        await SetUpTreeAsync();
        var taken = IdCard(7);
        var csv = $"name,idCardNumber,organization,memberType\n甲,{IdCard(1)},长江路社区党支部,Resident\n乙,{taken},长江路社区党支部,Resident\n";
        // Someone registers the second person between the check and the worker's turn.
        await Client.PostAsJsonAsync(
            "/api/organization/people",
            new Platform.Organization.People.RegisterPersonRequest("乙", null, taken, null, null, false, null)
        );
        await using (var scope = Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
            var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
            db.ImportJobs.Add(ImportJob.Queue("members", protector.Protect(csv, _ => "").Cipher, 2, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var failed = await Eventually.GetAsync(
            async () =>
            {
                var jobs = await Client.GetFromJsonAsync<JsonElement>("/api/organization/imports");
                var first = jobs.GetProperty("items")[0];
                return first.GetProperty("status").GetString() == "Failed" ? first.Clone().GetRawText() : null;
            },
            "the worker to fail the job"
        );

        Assert.Contains("duplicate-id-card", failed, StringComparison.Ordinal);
        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM people"));
    }

    [Theory]
    [InlineData("pets", "invalid-kind")]
    public async Task An_unknown_roster_kind_is_a_400(string kind, string code)
    {
        await (await PostCsvAsync(kind, "name\n", dryRun: true)).AssertProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_header_without_required_columns_is_reported_on_row_1()
    {
        var check = await (await PostCsvAsync("units", "name,contactName\n某单位,王\n", dryRun: true)).Content.ReadFromJsonAsync<ImportCheckResponse>();

        Assert.Equal(["kind", "serviceFields"], check!.Problems.Where(p => p.Row == 1).Select(p => p.Column));
    }

    [Fact]
    public async Task Staff_and_unit_rosters_are_checked_against_communities_and_the_alliance()
    {
        await SetUpTreeAsync();

        var staff = await (
            await PostCsvAsync(
                "staff",
                $"name,phone,idCardNumber,community,isCadre\n王丽,13812340001,{IdCard(3)},001,否\n李文华,,,001,是\n孙强,,,009,maybe\n",
                dryRun: true
            )
        ).Content.ReadFromJsonAsync<ImportCheckResponse>();
        Assert.Equal([(4, "unknown-community"), (4, "invalid-flag")], staff!.Problems.Select(p => (p.Row, p.Code)));

        var units =
            "name,kind,contactName,contactPhone,serviceFields,partyOrganization,joinedOn\n"
            + "市供电公司,StateEnterprise,孙主任,13912345678,便民服务;安全用电,,2024-03-01\n"
            + "市供电公司,StateEnterprise,孙主任,,便民服务,,\n";
        var check = await (await PostCsvAsync("units", units, dryRun: true)).Content.ReadFromJsonAsync<ImportCheckResponse>();
        Assert.Equal([(3, "duplicate-unit")], check!.Problems.Select(p => (p.Row, p.Code)));

        var response = await PostCsvAsync("units", units.Split('\n')[0] + "\n" + units.Split('\n')[1] + "\n", dryRun: false);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.TrueAsync(async () => await Service.ScalarAsync<long>("SELECT count(*) FROM member_units") == 1, "the unit imported");
        Assert.Equal("139****5678", await Service.ScalarAsync<string>("SELECT contact_phone_masked FROM member_units"));
    }

    [Fact]
    public void Csv_handles_quotes_commas_and_line_breaks_in_fields()
    {
        var rows = Csv.Parse("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n\n1,2");

        Assert.Equal(
            [
                ["a", "b"],
                ["x, y", "say \"hi\"\nthere"],
                ["1", "2"],
            ],
            rows
        );
    }

    private static string CultureInfoInvariant(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
