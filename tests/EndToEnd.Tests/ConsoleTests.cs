using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The web console in a real browser (Debian's chromium, <c>PLATFORM_CHROMIUM</c> to use another), against the whole
/// suite through the gateway: signing in on the sign-in page, a resident's report found on the board, registered and
/// dispatched from its page, a refusal shown in the API's words, the grids and the case on the map, and no serious
/// accessibility violation on those screens. Screenshots land in artifacts/screenshots (and docs/images with
/// <c>PLATFORM_UPDATE_SCREENSHOTS=1</c>).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ConsoleTests(SuiteFixture suite) : IAsyncLifetime
{
    // Inside demo grid 632802001001001.
    private const double Latitude = 37.3862,
        Longitude = 97.3445;

    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await Browsers.LaunchAsync(playwright, "--use-angle=swiftshader", "--enable-unsafe-swiftshader");
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    private async Task<IPage> SignedInPageAsync(string userName)
    {
        var context = await browser.NewContextAsync(
            new()
            {
                BaseURL = suite.Anonymous.BaseAddress!.ToString().TrimEnd('/'),
                Locale = "zh-CN",
                // Sixteen hours behind the subdistrict: the console must show and send its days and times (UTC+8)
                // whatever the browser's own zone.
                TimezoneId = "America/Los_Angeles",
                ViewportSize = new() { Width = 1440, Height = 900 },
            }
        );
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Browsers.SignInOnThePageAsync(page, userName, SuiteFixture.DemoPassword);
        await page.WaitForURLAsync("**/cases");
        return page;
    }

    private static Task ScreenshotAsync(IPage page, string name) => Browsers.ScreenshotAsync(page, $"console-{name}");

    private static async Task NoSeriousAccessibilityViolationsAsync(IPage page, string screen)
    {
        // A component the console forgot to register stays an unknown <el-…> element, shown as bare text.
        var unresolved = await page.EvaluateAsync<string[]>(
            "() => [...new Set([...document.querySelectorAll('*')].map(e => e.localName).filter(n => n.startsWith('el-')))]"
        );
        Assert.True(unresolved.Length == 0, $"{screen}: components not registered in web/src/elements.ts: {string.Join(", ", unresolved)}");

        await Browsers.NoSeriousAccessibilityViolationsAsync(page, screen);
    }

    [Fact]
    public async Task Staff_sign_in_find_a_residents_report_on_the_board_and_the_map_and_dispatch_it_from_its_page()
    {
        var resident = await suite.SignInAsync("resident.zhou");
        var description = $"楼道堆放杂物 {Guid.NewGuid():N}"[..16];
        var response = await resident.PostAsJsonAsync(
            "/api/workflow/cases",
            new
            {
                category = "garbage",
                description,
                latitude = Latitude,
                longitude = Longitude,
            }
        );
        var reported = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, reported.ToString());
        var number = reported.GetProperty("number").GetString()!;
        var id = reported.GetProperty("id").GetString()!;

        var page = await SignedInPageAsync("admin");
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("admin");

        // On the board, among the cases waiting to be registered.
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new("^待登记") }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var table = page.GetByTestId("case-table");
        var row = table.GetByRole(AriaRole.Link, new() { Name = number });
        await Expect(row).ToBeVisibleAsync();
        // Only cases waiting to be registered are listed now.
        await Expect(table.Locator("tbody tr").Filter(new() { HasNotText = "待登记" })).ToHaveCountAsync(0);
        // Narrowed to another community, the report is not listed; to its own, it is.
        var communities = (await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/organization/communities?pageSize=200"))
            .GetProperty("items")
            .EnumerateArray()
            .ToList();
        var own = communities.Single(c => c.GetProperty("id").GetString() == reported.GetProperty("communityId").GetString());
        var other = communities.First(c => c.GetProperty("id").GetString() != own.GetProperty("id").GetString());
        async Task FilterAsync(JsonElement community)
        {
            await page.GetByTestId("community-filter").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = $"{community.GetProperty("code").GetString()} {community.GetProperty("name").GetString()}" })
                .ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await FilterAsync(other);
        await Expect(row).ToHaveCountAsync(0);
        await FilterAsync(own);
        await Expect(row).ToBeVisibleAsync();
        await NoSeriousAccessibilityViolationsAsync(page, "the case board");
        await ScreenshotAsync(page, "board");

        // Narrowed to days picked on the calendar, the subdistrict's days (UTC+8) with the last one included, whatever
        // the browser's zone: the day before the report hides it, the day of it (today, there) alone shows it.
        var localToday = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        async Task DaysAsync(DateTimeOffset first, DateTimeOffset last)
        {
            await page.GetByPlaceholder("开始日期").FillAsync(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByPlaceholder("结束日期").FillAsync(last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByPlaceholder("结束日期").PressAsync("Enter");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // Each check types into an empty calendar, on a fresh board (typing over a chosen range is Element Plus's to
        // handle, not what this checks).
        async Task FreshBoardAsync()
        {
            await page.ReloadAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(row).ToBeVisibleAsync();
        }

        await DaysAsync(localToday, localToday);
        await Expect(row).ToBeVisibleAsync();
        await FreshBoardAsync();
        await DaysAsync(localToday.AddDays(-1), localToday.AddDays(-1));
        await Expect(row).ToHaveCountAsync(0);
        await FreshBoardAsync();

        await row.ClickAsync();
        await page.WaitForURLAsync($"**/cases/{id}");
        await Expect(page.GetByText(description)).ToBeVisibleAsync();

        // A refusal in the API's own words: voiding needs a reason.
        var refusal = await (
            await suite.Gateway.PostAsJsonAsync($"/api/workflow/cases/{id}/void", new { reason = "" })
        ).Content.ReadFromJsonAsync<JsonElement>();
        await page.Locator("[data-action=Void]").ClickAsync();
        await Expect(page.GetByTestId("problem")).ToContainTextAsync(refusal.GetProperty("title").GetString()!);

        await page.Locator("[data-action=Register]").ClickAsync();
        await Expect(page.Locator("h2 .el-tag").First).ToHaveTextAsync("待派遣");
        // Before dispatching, the page says where the routing rules send it, in the API's words.
        var preview = await suite.Gateway.GetFromJsonAsync<JsonElement>(
            $"/api/workflow/routing-rules/preview?category=garbage&gridId={reported.GetProperty("gridId").GetString()}"
        );
        await Expect(page.GetByTestId("route-preview")).ToContainTextAsync(preview.GetProperty("explanation").GetString()!);
        await page.Locator("[data-action=Dispatch]").ClickAsync();
        await Expect(page.Locator("h2 .el-tag").First).ToHaveTextAsync("已派遣");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Dispatch");

        var api = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workflow/cases/{id}");
        Assert.Equal("Dispatched", api.GetProperty("state").GetString());

        // Each person is offered the steps that are theirs: the community's staff accept or return it; only the
        // subdistrict supervises (督办) by hand.
        await Expect(page.Locator("[data-action=Escalate]")).ToBeVisibleAsync();
        var staffPage = await SignedInPageAsync("staff.wang");
        await staffPage.GotoAsync($"/cases/{id}");
        await Expect(staffPage.Locator("[data-action=Accept]")).ToBeVisibleAsync();
        await Expect(staffPage.Locator("[data-action=Return]")).ToBeVisibleAsync();
        await Expect(staffPage.Locator("[data-action=Escalate]")).ToHaveCountAsync(0);
        await staffPage.Context.CloseAsync();

        // A photo of the scene, taken in the browser (a canvas as a JPEG), added to the case and shown as a thumbnail.
        await Expect(page.GetByTestId("case-location").Locator("canvas")).ToBeVisibleAsync();
        var dataUrl = await page.EvaluateAsync<string>(
            "() => { const c = document.createElement('canvas'); c.width = 64; c.height = 48; const g = "
                + "c.getContext('2d'); g.fillStyle = '#c03'; g.fillRect(0, 0, 64, 48); return c.toDataURL('image/jpeg', 0.9); }"
        );
        await page.GetByTestId("photo-file")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "scene.jpg",
                    MimeType = "image/jpeg",
                    Buffer = Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',') + 1)..]),
                }
            );
        await Expect(page.GetByTestId("photos").Locator("img")).ToHaveCountAsync(1);
        var photos = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workflow/cases/{id}/photos");
        Assert.Equal(
            ("Dispatched", 64, 48),
            (photos[0].GetProperty("stage").GetString(), photos[0].GetProperty("width").GetInt32(), photos[0].GetProperty("height").GetInt32())
        );
        // Something that is not a photo is refused in the API's words.
        await page.GetByTestId("photo-file")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "notes.jpg",
                    MimeType = "image/jpeg",
                    Buffer = "not a photo"u8.ToArray(),
                }
            );
        await Expect(page.GetByTestId("photo-problem")).ToContainTextAsync("JPEG, PNG");

        // Accepted, more time asked for and granted from the page: the extension is counted on the case.
        await page.Locator("[data-action=Accept]").ClickAsync();
        await Expect(page.Locator("h2 .el-tag").First).ToHaveTextAsync("办理中");
        await page.GetByTestId("approval-reason").FillAsync("需协调环卫车辆");
        await page.GetByTestId("ask-approval").ClickAsync();
        await page.GetByTestId("approvals").Locator("[data-decision=approve]").ClickAsync();
        await Expect(page.GetByTestId("approvals")).ToContainTextAsync("已同意");
        Assert.Equal(1, (await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workflow/cases/{id}")).GetProperty("extensions").GetInt32());
        await NoSeriousAccessibilityViolationsAsync(page, "a case's page");
        await ScreenshotAsync(page, "case");

        // The map: the active grids (the demo's 35, and any another test drew) and the open cases, this one among them.
        var grids = (await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/grid/grids/map")).GetProperty("features").GetArrayLength();
        Assert.True(grids >= 35);
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "地图" }).ClickAsync();
        await page.WaitForURLAsync("**/map");
        await Expect(page.GetByTestId("layer-grids")).ToContainTextAsync($"({grids})");
        await Expect(page.GetByTestId("layer-cases")).Not.ToContainTextAsync("(0)");
        await Expect(page.Locator("[data-testid=map] canvas")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1000);
        await NoSeriousAccessibilityViolationsAsync(page, "the map");
        await ScreenshotAsync(page, "map");

        // Handled: the community's staff work it to the end, the resident is satisfied; the page shows it closed.
        var staff = await suite.SignInAsync("staff.wang");
        foreach (var (step, body) in new (string, object)[] { ("resolve", new { text = "已清运" }), ("reply", new { text = "垃圾已清运" }) })
        {
            var done = await staff.PostAsJsonAsync($"/api/workflow/cases/{id}/{step}", body);
            Assert.True(done.IsSuccessStatusCode, $"{step}: {await done.Content.ReadAsStringAsync()}");
        }

        Assert.True((await resident.PostAsJsonAsync($"/api/workflow/cases/{id}/rating", new { rating = "Satisfied" })).IsSuccessStatusCode);
        Assert.True((await staff.PostAsJsonAsync($"/api/workflow/cases/{id}/verification", new { passed = true })).IsSuccessStatusCode);
        Assert.True((await staff.PostAsJsonAsync($"/api/workflow/cases/{id}/close", new { })).IsSuccessStatusCode);
        await page.GotoAsync($"/cases/{id}");
        await Expect(page.Locator("h2 .el-tag").First).ToHaveTextAsync("已结案");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Close");

        // The assessment of this month's grids counts the dispatch, as the API does.
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var from = new DateTimeOffset(month.Year, month.Month, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var assessment = await suite.Gateway.GetFromJsonAsync<JsonElement>(
            $"/api/workflow/assessment?level=Grid&from={Uri.EscapeDataString(from.ToString("yyyy-MM-ddTHH:mm:sszzz"))}"
                + $"&to={Uri.EscapeDataString(from.AddMonths(1).ToString("yyyy-MM-ddTHH:mm:sszzz"))}"
        );
        var gridRow = assessment
            .GetProperty("rows")
            .EnumerateArray()
            .Single(r => r.GetProperty("subjectId").GetString() == api.GetProperty("gridId").GetString());
        Assert.True(gridRow.GetProperty("dispatched").GetInt32() >= 1);
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "考核" }).ClickAsync();
        await page.WaitForURLAsync("**/assessment");
        var shown = page.GetByTestId("assessment-table").Locator("tbody tr").Filter(new() { HasText = gridRow.GetProperty("subjectName").GetString() });
        await Expect(shown.Locator("td").Nth(2))
            .ToHaveTextAsync(gridRow.GetProperty("dispatched").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("[role=img] canvas").First).ToBeVisibleAsync();
        // The trend of the grid's rates over six months, once its row is chosen.
        await shown.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{gridRow.GetProperty("subjectName").GetString()} 近六期趋势" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("trend").Locator("canvas")).ToBeVisibleAsync();
        await NoSeriousAccessibilityViolationsAsync(page, "the assessment");
        await ScreenshotAsync(page, "assessment");

        // The Service index of the case's community explains its score: the closed case is a reason, linked to its page.
        var community = reported.GetProperty("communityId").GetString()!;
        await Eventually.TrueAsync(
            async () =>
            {
                var score = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/organization/indices/service/scores/{community}");
                return score
                    .GetProperty("score")
                    .GetProperty("components")
                    .EnumerateArray()
                    .SelectMany(c => c.GetProperty("lines").EnumerateArray())
                    .Any(l => l.GetProperty("note").GetString() == $"case {number}" && l.GetProperty("kind").GetString() == "CaseRatedSatisfied");
            },
            "the closed case in the community's Service index",
            TimeSpan.FromSeconds(60)
        );
        await page.ReloadAsync();
        await page.GetByTestId("index-table").Locator($"[data-subject='{community}']").ClickAsync();
        var reason = page.GetByTestId("score-explanation").GetByRole(AriaRole.Link, new() { Name = $"case {number}" }).First;
        await Expect(reason).ToBeVisibleAsync();
        await NoSeriousAccessibilityViolationsAsync(page, "an index score's explanation");
        await ScreenshotAsync(page, "explanation");
        await reason.ClickAsync();
        await page.WaitForURLAsync($"**/cases/{id}");

        // Still signed in after a reload; signed out, the next visit asks for the password again.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("admin");
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/connect/sign-in?**");
        await page.GotoAsync("/cases");
        await page.WaitForURLAsync("**/connect/sign-in?**");
    }

    [Fact]
    public async Task Party_and_volunteer_work_is_done_from_the_console_and_a_refused_change_shows_the_rule()
    {
        var page = await SignedInPageAsync("admin");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "组织" }).ClickAsync();
        var tree = page.GetByTestId("party-tree");

        // A building group founded below a compound branch appears in the tree; the branch, which has members, cannot be dissolved.
        var branch = tree.GetByText("长江路社区阳光小区党支部", new() { Exact = true });
        await branch.ClickAsync();

        // An activity recorded at a time typed on the calendar is held at that time in the subdistrict (UTC+8), whatever
        // the browser's zone, and listed with it.
        var actions = page.GetByTestId("organization-actions");
        var activity = $"主题党日 {Random.Shared.Next(1000, 9999)}";
        var heldOn = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-1);
        await actions.GetByLabel("活动名称").FillAsync(activity);
        var heldAt = actions.Locator("input[aria-label='时间']");
        await heldAt.FillAsync($"{heldOn:yyyy-MM-dd} 09:30:00");
        await heldAt.PressAsync("Enter");
        await actions.GetByRole(AriaRole.Button, new() { Name = "记录活动" }).ClickAsync();
        await Expect(actions.Locator("tbody tr").Filter(new() { HasText = activity })).ToContainTextAsync("09:30:00");
        var held = (
            await suite.Gateway.GetFromJsonAsync<JsonElement>(
                $"/api/organization/activities?organizationId={await BranchIdAsync("长江路社区阳光小区党支部")}&pageSize=100"
            )
        )
            .GetProperty("items")
            .EnumerateArray()
            .Single(a => a.GetProperty("title").GetString() == activity);
        Assert.Equal(
            new DateTimeOffset(heldOn.Year, heldOn.Month, heldOn.Day, 9, 30, 0, TimeSpan.FromHours(8)),
            held.GetProperty("heldAt").GetDateTimeOffset()
        );
        var name = $"阳光小区{Random.Shared.Next(100, 999)}号楼党小组";
        await page.GetByTestId("child-name").FillAsync(name);
        await page.GetByTestId("organization-actions").Locator(".el-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "楼栋党小组", Exact = true }).ClickAsync();
        await page.GetByTestId("found-child").ClickAsync();
        await Expect(tree.GetByText(name, new() { Exact = true })).ToBeVisibleAsync();
        var founded = (await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/organization/organizations/{await BranchIdAsync(name)}")).GetProperty(
            "organization"
        );
        Assert.Equal("BuildingGroup", founded.GetProperty("kind").GetString());

        await page.GetByTestId("dissolve").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).ClickAsync();
        var refusal = await (
            await suite.Gateway.PostAsync($"/api/organization/organizations/{(await BranchIdAsync("长江路社区阳光小区党支部"))}/dissolve", null)
        ).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(refusal.TryGetProperty("code", out var code) && code.GetString() == "organization-not-empty", refusal.ToString());
        await Expect(page.GetByTestId("organization-problem")).ToContainTextAsync(refusal.GetProperty("title").GetString()!);

        // The new group, empty, is dissolved.
        await tree.GetByText(name, new() { Exact = true }).ClickAsync();
        await page.GetByTestId("dissolve").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).ClickAsync();
        await Eventually.TrueAsync(
            async () =>
                (await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/organization/organizations/{founded.GetProperty("id").GetString()}"))
                    .GetProperty("organization")
                    .GetProperty("status")
                    .GetString() == "Dissolved",
            "the new group dissolved",
            TimeSpan.FromSeconds(15)
        );
        await Expect(tree.GetByText(name, new() { Exact = true })).ToHaveCountAsync(0);
        await NoSeriousAccessibilityViolationsAsync(page, "the party tree with its actions");

        // A registration waiting for the community is confirmed.
        await page.GetByRole(AriaRole.Tab, new() { Name = "报到" }).ClickAsync();
        var pending = (await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/organization/registrations?status=Pending"))
            .GetProperty("items")
            .EnumerateArray()
            .ToList();
        if (pending.Count > 0)
        {
            var first = page.GetByTestId("registrations").Locator("tbody tr").Filter(new() { HasText = pending[0].GetProperty("unitName").GetString() }).First;
            await first.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
            await Expect(page.GetByTestId("registrations").GetByRole(AriaRole.Alert)).ToContainTextAsync("已确认");
            var id = pending[0].GetProperty("id").GetString();
            var confirmed = (await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/organization/registrations?status=Confirmed&pageSize=100"))
                .GetProperty("items")
                .EnumerateArray();
            Assert.Contains(confirmed, r => r.GetProperty("id").GetString() == id);
        }

        await NoSeriousAccessibilityViolationsAsync(page, "registrations");
        await page.GetByRole(AriaRole.Tab, new() { Name = "社区阵地与议事" }).ClickAsync();
        await Expect(page.GetByTestId("service-centre").Locator("tbody tr")).ToHaveCountAsync(5);
        await NoSeriousAccessibilityViolationsAsync(page, "a community's centre and deliberations");

        // A project drafted and published from the volunteer screens is open for units to claim.
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "志愿服务" }).ClickAsync();
        var title = $"助老送餐 {Random.Shared.Next(1000, 9999)}";
        var projects = page.GetByTestId("projects");
        await projects.GetByLabel("项目名称").FillAsync(title);
        await projects.GetByLabel("领域").FillAsync("助老");
        await projects.GetByLabel("项目目标").FillAsync("每周为独居老人送餐两次");
        await projects.Locator(".el-date-editor input").First.ClickAsync();
        var local = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        await projects.Locator(".el-date-editor input").First.FillAsync(local.AddDays(7).ToString("yyyy-MM-dd"));
        await projects.Locator(".el-date-editor input").Nth(1).FillAsync(local.AddDays(60).ToString("yyyy-MM-dd"));
        await projects.Locator(".el-date-editor input").Nth(1).PressAsync("Enter");
        await projects.GetByRole(AriaRole.Button, new() { Name = "新建项目" }).ClickAsync();
        var row = projects.Locator("tbody tr").Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("草稿");
        // The days typed are the project's days.
        await Expect(row).ToContainTextAsync($"{local.AddDays(7):yyyy-MM-dd} – {local.AddDays(60):yyyy-MM-dd}");
        await row.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Expect(row).ToContainTextAsync("已发布");
        var published = (await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/volunteer/projects?status=Published&pageSize=100"))
            .GetProperty("items")
            .EnumerateArray();
        Assert.Contains(published, p => p.GetProperty("title").GetString() == title);
        await NoSeriousAccessibilityViolationsAsync(page, "volunteer projects");
        await ScreenshotAsync(page, "volunteers");
    }

    private async Task<string> BranchIdAsync(string name) =>
        (await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/organization/organizations?search={Uri.EscapeDataString(name)}&pageSize=100"))
            .GetProperty("items")
            .EnumerateArray()
            .Single(o => o.GetProperty("name").GetString() == name)
            .GetProperty("id")
            .GetString()!;

    [Fact]
    public async Task The_admin_reviews_and_publishes_a_past_period_and_drafts_previews_and_publishes_a_rubric_from_the_console()
    {
        var page = await SignedInPageAsync("admin");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "考核" }).ClickAsync();
        await page.WaitForURLAsync("**/assessment");

        // Last year, a finished period: the whole subdistrict's Service index explained, and its review below.
        var year = (DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByRole(AriaRole.Radio, new() { Name = "年", Exact = true })
            .Or(page.Locator("label.el-radio-button", new() { HasText = "年" }))
            .First.ClickAsync();
        var picker = page.GetByRole(AriaRole.Combobox, new() { Name = "考核周期" }).Or(page.Locator("input[aria-label='考核周期']")).First;
        await picker.FillAsync(year);
        await picker.PressAsync("Enter");
        var review = page.GetByTestId("index-review");
        await Expect(review.GetByRole(AriaRole.Heading, new() { Name = $"{year} 公示" })).ToBeVisibleAsync();
        await page.GetByTestId("explain-subdistrict").ClickAsync();

        // Taken for review, then published (公示): the page says so in the numbers the API keeps.
        await review.GetByTestId("take-review").ClickAsync();
        await Expect(review.GetByTestId("publication-status")).ToContainTextAsync("审核中");
        async Task<JsonElement> PublicationAsync() =>
            (await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/organization/indices/Service/publications"))
                .EnumerateArray()
                .Single(p => p.GetProperty("period").GetString() == year);
        var taken = await PublicationAsync();
        Assert.Equal("UnderReview", taken.GetProperty("status").GetString());
        await Expect(review.GetByTestId("publication-status")).ToContainTextAsync($"{taken.GetProperty("subjects").GetInt32()} 个对象");
        await review.GetByTestId("publish-period").ClickAsync();
        await Expect(review.GetByTestId("publication-status")).ToContainTextAsync("已公示");
        Assert.Equal("Published", (await PublicationAsync()).GetProperty("status").GetString());
        await Expect(review.GetByTestId("take-review")).ToBeDisabledAsync();

        // A new rubric: drafted from the one in force, an item's points changed and saved, previewed for the
        // subdistrict against that year, and published from a later date.
        await review.GetByTestId("start-draft").ClickAsync();
        var items = review.GetByTestId("draft-items");
        await Expect(items.Locator("tbody tr").First).ToBeVisibleAsync();
        var points = items.Locator("tbody tr").First.Locator("input");
        var before = double.Parse(await points.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await points.FillAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await points.PressAsync("Tab");
        await review.GetByTestId("save-draft").ClickAsync();
        await Expect(page.GetByText("草稿已保存。")).ToBeVisibleAsync();
        var draft = (await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/organization/indices/rubrics/Service"))
            .EnumerateArray()
            .Single(v => v.GetProperty("status").GetString() == "Draft");
        Assert.Equal(before + 1, draft.GetProperty("rubric").GetProperty("components")[0].GetProperty("items")[0].GetProperty("pointsPer").GetDouble());

        await review.GetByTestId("preview-draft").ClickAsync();
        var preview = await suite.Gateway.GetFromJsonAsync<JsonElement>(
            $"/api/organization/indices/rubrics/Service/draft/preview?subjectId=subdistrict&period={year}"
        );
        await Expect(review.GetByTestId("preview-totals"))
            .ToContainTextAsync(
                $"现行 {preview.GetProperty("inForce").GetProperty("total").GetDouble().ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}，草稿 "
                    + $"{preview.GetProperty("draft").GetProperty("total").GetDouble().ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}"
            );
        await NoSeriousAccessibilityViolationsAsync(page, "an index's review and rubric draft");

        var from = $"{DateTimeOffset.UtcNow.Year + 4}-01-01";
        var effective = review.Locator("input[aria-label='生效日期']");
        await effective.FillAsync(from);
        await effective.PressAsync("Enter");
        await review.GetByTestId("publish-draft").ClickAsync();
        await Expect(page.GetByText("新版本已发布。")).ToBeVisibleAsync();
        var published = (await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/organization/indices/rubrics/Service"))
            .EnumerateArray()
            .Single(v => v.GetProperty("version").GetInt32() == draft.GetProperty("version").GetInt32());
        Assert.Equal(("Published", from), (published.GetProperty("status").GetString(), published.GetProperty("effectiveFrom").GetString()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Grid_staff_are_offered_only_what_their_role_may_do()
    {
        var admin = await SignedInPageAsync("admin");
        var page = await SignedInPageAsync("grid.sun");
        foreach (var (signedIn, shown) in new[] { (admin, true), (page, false) })
        {
            // The approvals queue and the imports are not theirs; the board, the map and the party tree are.
            var menu = signedIn.GetByRole(AriaRole.Menubar);
            await Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = "工单" })).ToBeVisibleAsync();
            await Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = "导入" })).ToHaveCountAsync(shown ? 1 : 0);

            // On the map, drawing a grid is the admin's.
            await menu.GetByRole(AriaRole.Menuitem, new() { Name = "地图" }).ClickAsync();
            await Expect(signedIn.GetByTestId("layer-grids")).Not.ToContainTextAsync("(0)");
            await Expect(signedIn.GetByTestId("draw-grid")).ToHaveCountAsync(shown ? 1 : 0);

            // In the party tree, founding and dissolving organizations are the admin's.
            await menu.GetByRole(AriaRole.Menuitem, new() { Name = "组织" }).ClickAsync();
            await signedIn.GetByTestId("party-tree").GetByText("长江路社区阳光小区党支部", new() { Exact = true }).ClickAsync();
            await Expect(signedIn.GetByTestId("organization-actions")).ToBeVisibleAsync();
            await Expect(signedIn.GetByTestId("found-child")).ToHaveCountAsync(shown ? 1 : 0);
            await Expect(signedIn.GetByTestId("dissolve")).ToHaveCountAsync(shown ? 1 : 0);
        }

        await NoSeriousAccessibilityViolationsAsync(page, "the party tree as grid staff see it");
        await admin.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_consoles_scripts_are_sent_compressed_to_a_browser_that_accepts_it_and_plain_to_one_that_does_not()
    {
        var page = await suite.Anonymous.GetStringAsync("/");
        var script = System.Text.RegularExpressions.Regex.Match(page, "/assets/console-[^\"]+\\.js").Value;
        Assert.NotEmpty(script);

        using var plain = await suite.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, script));
        using var compressedRequest = new HttpRequestMessage(HttpMethod.Get, script);
        compressedRequest.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        using var compressed = await suite.Anonymous.SendAsync(compressedRequest);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);
        Assert.StartsWith("text/javascript", compressed.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("immutable", compressed.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var (plainBytes, brotliBytes) = ((await plain.Content.ReadAsByteArrayAsync()).Length, (await compressed.Content.ReadAsByteArrayAsync()).Length);
        Assert.True(brotliBytes * 2 < plainBytes, $"{brotliBytes} bytes compressed, {plainBytes} plain");
        using var decoded = new System.IO.Compression.BrotliStream(
            new MemoryStream(await compressed.Content.ReadAsByteArrayAsync()),
            System.IO.Compression.CompressionMode.Decompress
        );
        using var text = new MemoryStream();
        await decoded.CopyToAsync(text);
        Assert.Equal(plainBytes, text.Length);
    }

    [Fact]
    public async Task An_imports_dry_run_shows_every_rows_problem_and_writes_nothing()
    {
        static object Feature(string code, string type, double west) =>
            new
            {
                type = "Feature",
                geometry = new
                {
                    type = "Polygon",
                    coordinates = new[]
                    {
                        new[]
                        {
                            new[] { west, 37.30 },
                            new[] { west + 0.01, 37.30 },
                            new[] { west + 0.01, 37.29 },
                            new[] { west, 37.29 },
                            new[] { west, 37.30 },
                        },
                    },
                },
                properties = new
                {
                    code,
                    name = "导入网格",
                    type,
                    community = "001",
                    households = 10,
                    population = 20,
                    complexity = 10,
                },
            };
        var file = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                type = "FeatureCollection",
                features = new[]
                {
                    Feature("632802001001001", "Urban", 98.10),
                    Feature("632802001001090", "Downtown", 98.20),
                    Feature("632802001001091", "Urban", 98.30),
                },
            }
        );
        var before = (await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/grid/grids/map")).GetProperty("features").GetArrayLength();

        var page = await SignedInPageAsync("admin");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "导入" }).ClickAsync();
        await page.GetByTestId("import-file")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "grids.geojson",
                    MimeType = "application/geo+json",
                    Buffer = file,
                }
            );
        await page.GetByTestId("dry-run").ClickAsync();

        var problems = page.GetByTestId("import-problems").Locator("tbody tr");
        await Expect(problems).ToHaveCountAsync(2);
        await Expect(problems.Nth(0)).ToContainTextAsync("duplicate-grid-code");
        await Expect(problems.Nth(1)).ToContainTextAsync("invalid-grid-type");
        await Expect(page.GetByTestId("check-summary")).ToContainTextAsync("共 3 行");
        await Expect(page.GetByTestId("apply")).ToBeDisabledAsync();
        await NoSeriousAccessibilityViolationsAsync(page, "the imports");
        await ScreenshotAsync(page, "imports");
        Assert.Equal(before, (await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/grid/grids/map")).GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task A_grid_drawn_on_the_map_is_refused_where_it_overlaps_and_saved_and_found_by_lookup_where_it_does_not()
    {
        var page = await SignedInPageAsync("admin");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "地图" }).ClickAsync();
        await Expect(page.GetByTestId("layer-grids")).Not.ToContainTextAsync("(0)");
        var box = (await page.GetByTestId("map").BoundingBoxAsync())!;

        async Task DrawAsync(double left, double top, double size)
        {
            await page.GetByTestId("draw-grid").ClickAsync();
            foreach (var (x, y) in new[] { (left, top), (left + size, top), (left + size, top + size), (left, top + size) })
            {
                await page.Mouse.ClickAsync((float)(box.X + box.Width * x), (float)(box.Y + box.Height * y));
                await page.WaitForTimeoutAsync(300);
            }

            await page.GetByTestId("finish-grid").ClickAsync();
            await page.GetByTestId("grid-community").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { NameRegex = new("^001 ") }).ClickAsync();
        }

        // Over the demo's grids of community 001 (the map fits them in its middle band): refused, in the service's words.
        await DrawAsync(0.05, 0.42, 0.08);
        await page.GetByTestId("grid-code").FillAsync("632802001001099");
        await page.GetByTestId("grid-name").FillAsync("重叠网格");
        await page.GetByTestId("save-grid").ClickAsync();
        await Expect(page.GetByTestId("grid-refusal")).ToBeVisibleAsync();
        var refusalText = await page.GetByTestId("grid-refusal").InnerTextAsync();
        Assert.Contains("overlap", refusalText, StringComparison.OrdinalIgnoreCase);
        await page.Keyboard.PressAsync("Escape");
        await page.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

        // Below them, where the map is empty: saved, drawn, and found by the point lookup.
        await DrawAsync(0.70, 0.84, 0.08);
        await page.GetByTestId("grid-code").FillAsync("632802001001098");
        await page.GetByTestId("grid-name").FillAsync("新绘网格");
        await page.GetByTestId("save-grid").ClickAsync();
        await Expect(page.GetByTestId("grid-saved")).ToContainTextAsync("632802001001098");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
        await ScreenshotAsync(page, "map-drawn");

        var listed = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/grid/grids?search=632802001001098");
        var created = listed.GetProperty("items").EnumerateArray().Single();
        var detail = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/grid/grids/{created.GetProperty("id").GetString()}");
        var ring = detail
            .GetProperty("boundary")
            .GetProperty("coordinates")[0]
            .EnumerateArray()
            .Select(p => (Lng: p[0].GetDouble(), Lat: p[1].GetDouble()))
            .ToList();
        var (lng, lat) = (ring.Take(4).Average(p => p.Lng), ring.Take(4).Average(p => p.Lat));
        // What was drawn is what was clicked: a box as wide as it is tall on the screen, not a sliver.
        var (width, height) = (ring.Max(p => p.Lng) - ring.Min(p => p.Lng), ring.Max(p => p.Lat) - ring.Min(p => p.Lat));
        Assert.True(width > 0 && height > 0 && width / height is > 0.5 and < 4, $"{width} x {height}");
        var found = await suite.Gateway.GetFromJsonAsync<JsonElement>(
            FormattableString.Invariant($"/api/grid/lookup/point?latitude={lat:F6}&longitude={lng:F6}")
        );
        Assert.Equal("632802001001098", found.GetProperty("grid").GetProperty("code").GetString());

        // Chosen on the map, the grid shows its figures; its boundary redrawn over its neighbours is refused in the
        // service's words, and redrawn beside it is saved.
        async Task ClickAsync(double x, double y) => await page.Mouse.ClickAsync((float)(box.X + box.Width * x), (float)(box.Y + box.Height * y));
        await page.Keyboard.PressAsync("Escape");
        await ClickAsync(0.74, 0.88);
        await Expect(page.GetByTestId("grid-panel")).ToContainTextAsync("632802001001098");
        async Task RedrawAsync(double left, double top, double size)
        {
            await page.GetByTestId("edit-boundary").ClickAsync();
            foreach (var (x, y) in new[] { (left, top), (left + size, top), (left + size, top + size), (left, top + size) })
            {
                await ClickAsync(x, y);
                await page.WaitForTimeoutAsync(300);
            }

            await page.GetByTestId("finish-grid").ClickAsync();
        }

        await RedrawAsync(0.05, 0.42, 0.08);
        await Expect(page.GetByTestId("boundary-refusal")).ToContainTextAsync("overlap", new() { IgnoreCase = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await RedrawAsync(0.84, 0.84, 0.08);
        await Expect(page.GetByTestId("grid-saved")).ToContainTextAsync("632802001001098");
        var moved = (await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/grid/grids/{created.GetProperty("id").GetString()}"))
            .GetProperty("boundary")
            .GetProperty("coordinates")[0]
            .EnumerateArray()
            .Min(p => p[0].GetDouble());
        Assert.True(moved > ring.Max(p => p.Lng), $"the boundary moved east: {moved} after {ring.Max(p => p.Lng)}");

        // A GeoJSON file dropped on the map: its dry run lists the bad feature's problems row by row, and nothing is written.
        var file = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                type = "FeatureCollection",
                features = new[]
                {
                    new
                    {
                        type = "Feature",
                        geometry = new
                        {
                            type = "Polygon",
                            coordinates = new[]
                            {
                                new[] { new[] { 98.5, 37.30 }, new[] { 98.51, 37.30 }, new[] { 98.51, 37.29 }, new[] { 98.5, 37.29 }, new[] { 98.5, 37.30 } },
                            },
                        },
                        properties = new
                        {
                            code = "632802001001097",
                            name = "导入网格",
                            type = "Downtown",
                            community = "001",
                            households = 10,
                            population = 20,
                            complexity = 10,
                        },
                    },
                },
            }
        );
        await page.GetByTestId("map-import-file")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "grids.geojson",
                    MimeType = "application/geo+json",
                    Buffer = file,
                }
            );
        await Expect(page.GetByTestId("map-import-problems").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(page.GetByTestId("map-import-problems")).ToContainTextAsync("type");
        await Expect(page.GetByTestId("map-import-apply")).ToBeDisabledAsync();
        await NoSeriousAccessibilityViolationsAsync(page, "the map with a grid chosen and an import checked");
    }

    [Fact]
    public async Task The_party_tree_lists_each_organizations_people_masked_and_reveals_one_with_a_reason()
    {
        var root = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/organization/organizations/tree");
        static IEnumerable<JsonElement> Walk(JsonElement node) => node.GetProperty("children").EnumerateArray().SelectMany(Walk).Prepend(node);
        var branch = Walk(root).First(n => n.GetProperty("members").GetInt32() > 0 && n.GetProperty("children").GetArrayLength() == 0);
        var listed = await suite.Gateway.GetFromJsonAsync<JsonElement>(
            $"/api/organization/people?organizationId={branch.GetProperty("id").GetString()}&pageSize=20"
        );
        var expected = listed.GetProperty("items").GetArrayLength();

        var page = await SignedInPageAsync("admin");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "组织" }).ClickAsync();
        var tree = page.GetByTestId("party-tree");
        await Expect(tree).ToContainTextAsync(root.GetProperty("name").GetString()!);
        // The whole tree is open: a subdistrict's few dozen organizations at a glance.
        var name = branch.GetProperty("name").GetString()!;
        await tree.GetByText(name, new() { Exact = true }).ClickAsync();
        var rows = page.GetByTestId("people").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(expected);
        await Expect(rows.First.Locator("td").Nth(1)).ToContainTextAsync("*");
        await NoSeriousAccessibilityViolationsAsync(page, "the organization screen");
        await ScreenshotAsync(page, "organization");

        await rows.First.GetByRole(AriaRole.Button, new() { Name = "查看完整信息" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox).Last.FillAsync("核实党员联系方式");
        await page.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).ClickAsync();
        var revealed = page.GetByTestId("revealed");
        await Expect(revealed).ToBeVisibleAsync();
        var phone = await revealed.Locator(".el-descriptions__content").First.InnerTextAsync();
        Assert.Matches("^1[0-9]{10}$", phone.Trim());
    }
}
