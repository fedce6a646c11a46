using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.PersonalData;
using Platform.Grid.Data;
using Platform.Grid.Grids;
using Platform.Testing;

namespace Platform.Grid.Tests;

public class GridImportTests(GridServiceFactory service) : GridApiTest(service)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KnowCommunitiesAsync();
    }

    private static string Collection(params (string Code, string Type, string Community, double West)[] grids) =>
        JsonSerializer.Serialize(
            new
            {
                type = "FeatureCollection",
                features = grids.Select(g => new
                {
                    type = "Feature",
                    geometry = Square(g.West, 37.39),
                    properties = new
                    {
                        code = g.Code,
                        name = "网格" + g.Code[^3..],
                        type = g.Type,
                        community = g.Community,
                        households = 100,
                        population = 250,
                        complexity = 40,
                    },
                }),
            }
        );

    private Task<HttpResponseMessage> PostAsync(string kind, string body, bool dryRun, string mediaType = "application/geo+json") =>
        Client.PostAsync($"/api/grid/imports/{kind}?dryRun={dryRun.ToString().ToLowerInvariant()}", new StringContent(body, Encoding.UTF8, mediaType));

    private async Task<ImportJobResponse> FinishedAsync(HttpResponseMessage accepted) =>
        await Eventually.GetAsync(
            async () =>
            {
                var job = await Client.GetFromJsonAsync<ImportJobResponse>(accepted.Headers.Location!);
                return job!.Status is "Completed" or "Failed" ? job : null;
            },
            "the import to finish"
        );

    [Fact]
    public async Task A_dry_run_names_every_features_problem_and_writes_nothing()
    {
        var file = Collection(
            ("632802001001001", "Urban", "001", 97.30),
            ("632802001001002", "Urban", "001", 97.305),
            ("632802001001003", "Downtown", "001", 97.40),
            ("632802001009001", "Urban", "009", 97.50),
            ("632802001001001", "Urban", "001", 97.60)
        );

        var check = await (await PostAsync("grids", file, dryRun: true)).Content.ReadFromJsonAsync<ImportCheckResponse>();
        var refused = await PostAsync("grids", file, dryRun: false);

        Assert.False(check!.Valid);
        Assert.Equal(
            [(2, "grid-overlap"), (3, "invalid-grid-type"), (4, "unknown-community"), (5, "duplicate-grid-code")],
            check.Problems.Select(p => (p.Row, p.Code))
        );
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-import-file");
        Assert.Equal(0, await Service.ScalarAsync<long>("SELECT count(*) FROM grids"));
    }

    [Fact]
    public async Task A_clean_file_is_imported_whole_with_progress_and_its_grids_are_found()
    {
        var file = Collection([.. Enumerable.Range(1, 150).Select(i => ($"632802001001{i:000}", "Urban", "001", 97.0 + i * 0.01))]);

        var accepted = await PostAsync("grids", file, dryRun: false);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await FinishedAsync(accepted);
        Assert.Equal(("Completed", 150, 150, 100), (job.Status, job.ProcessedRows, job.CreatedCount, job.Percent));
        var found = await Client.GetFromJsonAsync<LookupResponse>("/api/grid/lookup/point?latitude=37.385&longitude=97.505");
        Assert.Equal("632802001001050", found!.Grid.Code);
        Assert.Equal(150, await Service.ScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task A_file_that_no_longer_fits_when_the_worker_takes_it_fails_whole()
    {
        var file = Collection(("632802001001001", "Urban", "001", 97.30), ("632802001001002", "Urban", "001", 97.32));
        var check = await (await PostAsync("grids", file, dryRun: true)).Content.ReadFromJsonAsync<ImportCheckResponse>();
        Assert.True(check!.Valid);
        // Between the check and the worker, someone creates one of the file's grids.
        await GridAsync("632802001001002", null);
        Guid jobId;
        await using (var scope = Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridDbContext>();
            var job = ImportJob.Queue(
                "grids",
                scope.ServiceProvider.GetRequiredService<PersonalDataProtector>().Protect(file, _ => "").Cipher,
                2,
                DateTimeOffset.UtcNow
            );
            db.Set<ImportJob>().Add(job);
            await db.SaveChangesAsync();
            jobId = job.Id;
        }

        var finished = await Eventually.GetAsync(
            async () =>
            {
                var job = await Client.GetFromJsonAsync<ImportJobResponse>($"/api/grid/imports/{jobId}");
                return job!.Status is "Completed" or "Failed" ? job : null;
            },
            "the import to finish"
        );

        Assert.Equal("Failed", finished.Status);
        Assert.Equal((2, "duplicate-grid-code"), (finished.Problems.Single().Row, finished.Problems.Single().Code));
        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM grids"));
    }

    [Fact]
    public async Task Buildings_come_from_CSV_and_land_in_the_grid_containing_them()
    {
        var grid = await GridAsync("632802001001001", Square(97.34, 37.39));
        const string header = "name,address,latitude,longitude,compound,gridCode\n";

        var bad = await (
            await PostAsync(
                "buildings",
                header
                    + "1号楼,长江路1号,37.385,97.345,,\n2号楼,长江路1号,37.386,97.346,,\n3号楼,远处,10,10,,\n4号楼,长江路4号,37.385,97.345,,632802001009009\n",
                true,
                "text/csv"
            )
        ).Content.ReadFromJsonAsync<ImportCheckResponse>();
        var job = await FinishedAsync(
            await PostAsync("buildings", header + "1号楼,长江路1号,37.385,97.345,,\n2号楼,长江路2号,37.386,97.346,,632802001001001\n", false, "text/csv")
        );

        Assert.Equal([(3, "duplicate-address"), (4, "no-grid-here"), (5, "unknown-grid")], bad!.Problems.Select(p => (p.Row, p.Code)));
        Assert.Equal(("Completed", 2), (job.Status, job.CreatedCount));
        var buildings = await Client.GetFromJsonAsync<Page<Buildings.BuildingResponse>>($"/api/grid/buildings?gridId={grid.Id}");
        Assert.Equal(2, buildings!.TotalCount);
    }

    [Fact]
    public async Task Not_a_feature_collection_and_an_unknown_kind_are_400s()
    {
        var check = await (await PostAsync("grids", "{\"type\":\"Feature\"}", dryRun: true)).Content.ReadFromJsonAsync<ImportCheckResponse>();

        Assert.Equal("not-a-feature-collection", Assert.Single(check!.Problems).Code);
        await (await PostAsync("parks", "x", dryRun: true)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-kind");
    }
}
