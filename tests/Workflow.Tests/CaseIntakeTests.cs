using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Platform.BuildingBlocks.Api;
using Platform.Contracts.Grid;
using Platform.Testing;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Tests;

public class CaseIntakeTests(WorkflowServiceFactory service) : CaseTest(service)
{
    [Fact]
    public async Task A_point_is_placed_in_the_grid_whose_boundary_holds_it_a_base_grid_before_a_specialized_one_over_it()
    {
        var baseGrid = await GridAsync(0);
        var market = await GridAsync(0, type: "Specialized", size: 0.5);

        var inBoth = await ReportAsync(Resident, Report("garbage", Inside(0, eastMetres: -100, northMetres: 50), channel: null));
        var outside = await ReportAsync(Resident, Report("garbage", Inside(7, 7), channel: null));

        Assert.Equal(baseGrid, inBoth.GridId);
        Assert.Equal(CommunityId, inBoth.CommunityId);
        Assert.NotEqual(market, inBoth.GridId);
        Assert.Equal(CaseChannel.Resident, inBoth.Channel);
        Assert.Equal(CaseState.Reported, inBoth.State);
        Assert.Null(outside.GridId);
        Assert.Contains(await TimelineAsync(outside.Id), s => s.Action == "Report" && s.Note == "outside every known grid");
    }

    [Fact]
    public async Task A_case_reported_at_a_building_is_placed_in_the_buildings_grid_and_at_its_position()
    {
        var grid = await GridAsync(2);
        var building = Guid.NewGuid();
        var (latitude, longitude) = Inside(2);
        await Bus.Publish(
            new BuildingRegistered
            {
                BuildingId = building,
                GridId = grid,
                CommunityId = CommunityId,
                Name = "3号楼",
                Latitude = latitude,
                Longitude = longitude,
                OccurredAt = DateTimeOffset.UtcNow,
            }
        );
        await Eventually.TrueAsync(
            async () => await Service.ScalarAsync<long>("SELECT count(*) FROM known_buildings WHERE id = $1", building) == 1,
            "the building known"
        );

        var reported = await ReportAsync(
            Resident,
            new
            {
                category = "garbage",
                description = "楼下垃圾",
                buildingId = building,
            }
        );

        Assert.Equal(grid, reported.GridId);
        Assert.Equal(building, reported.BuildingId);
        Assert.Equal(latitude, reported.Latitude!.Value, 9);
        await (
            await As(Resident)
                .PostAsJsonAsync(
                    "/api/workflow/cases",
                    new
                    {
                        category = "garbage",
                        description = "x",
                        buildingId = Guid.NewGuid(),
                    }
                )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown-building");
    }

    [Theory]
    [InlineData("{\"category\":\"no-such\",\"description\":\"x\",\"latitude\":37.38,\"longitude\":97.34}", "unknown-category")]
    [InlineData("{\"category\":\"garbage\",\"description\":\"\",\"latitude\":37.38,\"longitude\":97.34}", "invalid-description")]
    [InlineData("{\"category\":\"garbage\",\"description\":\"x\",\"latitude\":37.38}", "incomplete-location")]
    [InlineData("{\"category\":\"garbage\",\"description\":\"x\",\"latitude\":137.38,\"longitude\":97.34}", "invalid-location")]
    [InlineData("{\"category\":\"garbage\",\"description\":\"x\"}", "location-required")]
    [InlineData(
        "{\"category\":\"garbage\",\"description\":\"x\",\"latitude\":37.38,\"longitude\":97.34,\"photoUrls\":[\"ftp://a/b.jpg\"]}",
        "invalid-photo-url"
    )]
    [InlineData("{\"category\":\"garbage\",\"description\":\"x\",\"latitude\":37.38,\"longitude\":97.34,\"channel\":\"Hotline\"}", "channel-not-allowed")]
    [InlineData("{\"category\":\"garbage\",\"description\":\"x\",\"latitude\":37.38,\"longitude\":97.34,\"priority\":\"Soon\"}", "invalid-priority")]
    [InlineData("{\"category\":\"garbage\",\"description\":\"x\",\"gridId\":\"0195a001-0000-7000-8000-0000000000ff\"}", "unknown-grid")]
    public async Task A_report_the_service_cannot_take_is_a_400_naming_the_problem(string body, string code)
    {
        var response = await As(Resident).PostAsync("/api/workflow/cases", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.Equal(0, await Service.ScalarAsync<long>("SELECT count(*) FROM cases"));
    }

    [Fact]
    public async Task Staff_name_the_channel_and_visits_come_only_from_the_Grid_service()
    {
        var staff = GridStaffOf(Guid.NewGuid());

        await (await As(staff).PostAsJsonAsync("/api/workflow/cases", Report("garbage", Inside(0), channel: null))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "channel-required"
        );
        await (await As(staff).PostAsJsonAsync("/api/workflow/cases", Report("garbage", Inside(0), channel: "Visit"))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "channel-not-allowed"
        );
    }

    [Fact]
    public async Task A_hotline_callers_name_and_phone_are_masked_in_answers_and_not_stored_in_clear()
    {
        await GridAsync(0);
        var reported = await ReportAsync(
            Operator,
            new
            {
                category = "noise",
                description = "夜间施工",
                channel = "Hotline",
                latitude = Inside(0).Latitude,
                longitude = Inside(0).Longitude,
                address = "河西街道长江路88号3单元502",
                reporterName = "张三丰",
                reporterPhone = "13912345678",
            }
        );

        var reporter = Assert.Single(reported.Reporters);
        Assert.Equal("139****5678", reporter.Phone);
        Assert.Equal("张**", reporter.Name);
        Assert.False(reporter.SignedIn);
        Assert.DoesNotContain("88号", reported.Address, StringComparison.Ordinal);
        var stored = await Service.ScalarAsync<long>(
            "SELECT count(*) FROM case_reporters r JOIN cases c ON c.id = r.case_id WHERE concat_ws('|', r.name_protected, "
                + "r.name_masked, r.phone_protected, r.phone_masked, c.address_protected, c.address_masked) ~ "
                + "'13912345678|张三丰|88号'"
        );
        Assert.Equal(0, stored);
    }

    [Theory]
    [InlineData(45, 0, true)]
    [InlineData(0, -45, true)]
    [InlineData(-33, 33, true)]
    [InlineData(0, 55, false)]
    [InlineData(-40, -40, false)]
    public async Task The_duplicate_search_reaches_50_metres_in_every_direction_and_no_further(double east, double north, bool flagged)
    {
        await GridAsync(0);
        var original = await ReportAsync(Resident, Report("garbage", Inside(0), channel: null));

        var next = await ReportAsync(
            TestCaller.In(Roles.Resident) with
            {
                Name = "居民丙",
            },
            Report("garbage", Inside(0, eastMetres: east, northMetres: north), channel: null)
        );

        Assert.Equal(flagged ? original.Id : null, next.PossibleDuplicateOf);
    }

    [Fact]
    public async Task A_report_of_the_same_category_nearby_is_flagged_and_merging_it_gives_the_original_its_reporter()
    {
        await GridAsync(0);
        var original = await ReportAsync(Resident, Report("garbage", Inside(0), channel: null));
        var neighbour = TestCaller.In(Roles.Resident) with { Name = "居民乙" };

        var near = await ReportAsync(neighbour, Report("garbage", Inside(0, eastMetres: 30), channel: null));
        var far = await ReportAsync(neighbour, Report("garbage", Inside(0, eastMetres: 200), channel: null));
        var otherKind = await ReportAsync(neighbour, Report("noise", Inside(0, eastMetres: 10), channel: null));

        Assert.Equal(original.Id, near.PossibleDuplicateOf);
        Assert.Null(far.PossibleDuplicateOf);
        Assert.Null(otherKind.PossibleDuplicateOf);
        var candidates = await As(Operator).GetFromJsonAsync<List<CaseSummary>>($"/api/workflow/cases/{near.Id}/possible-duplicates");
        Assert.Equal([original.Id], candidates!.Select(c => c.Id));

        var merged = await StepAsync(Operator, near.Id, "merge", new { into = original.Id });

        Assert.Equal(CaseState.Voided, merged.State);
        Assert.Equal(original.Id, merged.MergedInto);
        var grown = await Client.GetFromJsonAsync<CaseResponse>($"/api/workflow/cases/{original.Id}");
        Assert.Equal(2, grown!.Reporters.Count);
        Assert.Equal(near.Id, grown.Reporters[1].FromCaseId);
        Assert.Contains(await TimelineAsync(original.Id), s => s.Action == "Merged" && s.Note!.Contains(near.Number, StringComparison.Ordinal));
        await (await As(Operator).PostAsJsonAsync($"/api/workflow/cases/{otherKind.Id}/merge", new { into = otherKind.Id })).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "merge-into-itself"
        );
    }

    [Fact]
    public async Task A_resident_sees_their_own_reports_and_nobody_elses()
    {
        await GridAsync(0);
        var mine = await ReportAsync(Resident, Report("garbage", Inside(0), channel: null));
        var other = TestCaller.In(Roles.Resident) with { Name = "居民丙" };
        var theirs = await ReportAsync(other, Report("noise", Inside(0), channel: null));

        var list = await As(Resident).GetFromJsonAsync<Page<CaseSummary>>("/api/workflow/cases");

        Assert.Equal([mine.Id], list!.Items.Select(c => c.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await As(Resident).GetAsync($"/api/workflow/cases/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await As(Resident).GetAsync($"/api/workflow/cases/{theirs.Id}/timeline")).StatusCode);
    }

    [Fact]
    public async Task A_visit_that_raises_a_case_becomes_one_case_from_channel_Visit_however_often_it_arrives()
    {
        var grid = await GridAsync(0);
        var visit = new VisitLogged
        {
            VisitId = Guid.NewGuid(),
            GridId = grid,
            CommunityId = CommunityId,
            VisitorPersonId = Guid.NewGuid(),
            VisitedAt = DateTimeOffset.UtcNow,
            Findings = "3号楼楼道灯损坏",
            RaisesCase = true,
            CaseCategory = "other",
            OccurredAt = DateTimeOffset.UtcNow,
        };

        var quiet = visit with { EventId = Guid.NewGuid(), VisitId = Guid.NewGuid(), RaisesCase = false };
        // Every delivery counted to its end, the copies too: one left running would land in the next test's database.
        var delivered = new ConsumedVisits([visit.VisitId, quiet.VisitId]);
        using var watching = Bus.ConnectConsumeMessageObserver(delivered);
        var logged = Service.Log.Entries.Count;

        await Bus.Publish(visit);
        await Bus.Publish(visit);
        await Bus.Publish(visit with { EventId = Guid.NewGuid() });
        await Bus.Publish(quiet);

        var cases = await Eventually.GetAsync(
            async () =>
            {
                var consumed = await Service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE consumer = 'VisitLoggedConsumer'");
                return consumed == 3 && delivered.Count == 4 ? await Client.GetFromJsonAsync<Page<CaseSummary>>("/api/workflow/cases?channel=Visit") : null;
            },
            "the visits consumed"
        );
        var taken = Assert.Single(cases.Items);
        Assert.Equal(grid, taken.GridId);
        Assert.Equal("other", taken.Category);
        // The copies waited their turn: none collided with the first on the case's source and had to be retried.
        Assert.DoesNotContain(Service.Log.Entries.Skip(logged), e => e.FromDatabaseOrBroker);
    }

    [Fact]
    public async Task Lists_filter_by_state_category_grid_and_period_and_refuse_a_bad_filter()
    {
        var a = await GridAsync(0);
        var b = await GridAsync(1);
        var first = await ReportAsync(Resident, Report("garbage", Inside(0), channel: null));
        await ReportAsync(Resident, Report("noise", Inside(1), channel: null));
        await StepAsync(Operator, first.Id, "register");

        async Task<List<Guid>> Ids(string query) =>
            [.. (await Client.GetFromJsonAsync<Page<CaseSummary>>($"/api/workflow/cases?{query}"))!.Items.Select(c => c.Id)];

        Assert.Equal([first.Id], await Ids("state=Registered"));
        Assert.Equal([first.Id], await Ids("category=garbage"));
        Assert.Equal([first.Id], await Ids($"gridId={a}"));
        Assert.Single(await Ids($"gridId={b}"));
        Assert.Empty(await Ids($"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}"));
        Assert.Single(await Ids("pageSize=1"));
        Assert.Empty(await Ids("overdue=true"));
        Assert.Empty(await Ids($"handledBy={Guid.NewGuid()}"));
        Assert.Equal(2, (await Ids("open=true")).Count);
        await StepAsync(Operator, first.Id, "void", new { reason = "重复上报" });
        Assert.Equal([first.Id], await Ids("open=false"));
        Assert.Single(await Ids("open=true"));
        // A list carries each case's point, for the map.
        var listed = (await Client.GetFromJsonAsync<Page<CaseSummary>>("/api/workflow/cases?open=true"))!.Items.Single();
        Assert.NotNull(listed.Latitude);
        Assert.NotNull(listed.Longitude);
        await (await Client.GetAsync("/api/workflow/cases?state=Lost")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-state");
    }

    [Fact]
    public async Task A_report_on_the_border_two_grids_share_is_placed_as_the_grid_lookup_places_it()
    {
        var first = await GridAsync(0);
        var second = await GridAsync(1);
        var codes = new Dictionary<Guid, string>();
        foreach (var id in new[] { first, second })
        {
            codes[id] = (await Client.GetFromJsonAsync<Platform.Workflow.Grids.KnownGridResponse>($"/api/workflow/grids/{id}"))!.Code;
        }

        // The shared edge of grid 0 and grid 1, halfway down.
        var border = (North - Height / 2, West + Width);
        var reported = await ReportAsync(Operator, Report("garbage", border));

        Assert.NotNull(reported.GridId);
        Assert.Equal(codes.Values.Min(), codes[reported.GridId.Value]);
    }

    /// <summary>Counts the deliveries of the given visits that were consumed to the end (after any retries).</summary>
    private sealed class ConsumedVisits(HashSet<Guid> visits) : IConsumeMessageObserver<VisitLogged>
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public Task PreConsume(ConsumeContext<VisitLogged> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<VisitLogged> context)
        {
            if (visits.Contains(context.Message.VisitId))
            {
                Interlocked.Increment(ref count);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<VisitLogged> context, Exception exception) => Task.CompletedTask;
    }
}
