using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The phone app (/m/) on emulated phones against the whole suite through the gateway: a resident signs up and
/// reports with a photo at a position, grid staff on another phone take it to a reply, the resident rates it;
/// a patrol report made offline arrives once when the network returns; the app opens offline from its worker.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class PhoneTests(SuiteFixture suite) : IAsyncLifetime
{
    private static readonly Guid DemoGrid = Guid.Parse("0195a001-0000-7000-8000-000000000001");
    private static readonly Guid DemoCommunity = Guid.Parse("0195a000-0000-7000-8000-000000000001");

    // Inside demo grid 632802001001001 (its rectangle starts at 97.340 E, 37.390 N).
    private const double Latitude = 37.3871,
        Longitude = 97.3433;

    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await Browsers.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    private static string Photo => Path.Combine(Repository.Root, "web", "public", "m", "icons", "icon-192.png");

    /// <summary>A phone: a Pixel's screen and touch, in the subdistrict's language and time, standing at the given place.</summary>
    private async Task<IPage> PhoneAsync(double latitude = Latitude, double longitude = Longitude)
    {
        var device = playwright.Devices["Pixel 7"];
        var context = await browser.NewContextAsync(
            new(device)
            {
                BaseURL = suite.Anonymous.BaseAddress!.ToString().TrimEnd('/'),
                Locale = "zh-CN",
                // Away from the subdistrict's zone: the app shows its days and times (UTC+8) whatever the phone's own.
                TimezoneId = "America/Los_Angeles",
                Geolocation = new() { Latitude = (float)latitude, Longitude = (float)longitude },
                Permissions = ["geolocation"],
                ServiceWorkers = ServiceWorkerPolicy.Allow,
            }
        );
        context.SetDefaultTimeout(45_000);
        return await context.NewPageAsync();
    }

    private static async Task SignInOnThePageAsync(IPage page, string userName, string password)
    {
        await Browsers.SignInOnThePageAsync(page, userName, password);
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/m/?$"));
    }

    private async Task<IPage> SignedInPhoneAsync(string userName)
    {
        var page = await PhoneAsync();
        await page.GotoAsync("/m/");
        await SignInOnThePageAsync(page, userName, SuiteFixture.DemoPassword);
        return page;
    }

    private static Task ScreenshotAsync(IPage page, string name) => Browsers.ScreenshotAsync(page, $"phone-{name}");

    private static async Task UntilServiceWorkerControlsAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 60_000 });

    [Fact]
    public async Task A_resident_reports_from_the_phone_grid_staff_reply_from_theirs_and_the_resident_rates_it()
    {
        // grid.sun's token names the demo grid once the Grid service's posts have reached Organization.
        await Eventually.TrueAsync(
            async () =>
            {
                var me = await (await suite.SignInAsync("grid.sun")).GetFromJsonAsync<JsonElement>("/api/organization/accounts/me");
                return me.GetProperty("grids").EnumerateArray().Any(g => g.GetGuid() == DemoGrid);
            },
            "grid.sun's grids in the token",
            TimeSpan.FromSeconds(90)
        );

        // A resident signs up on the phone, then signs in.
        var userName = $"phone.{Guid.NewGuid():N}"[..18];
        const string password = "Phone-Resident-2026";
        var resident = await PhoneAsync();
        await resident.GotoAsync("/m/sign-up");
        await resident.Locator("input[name=userName]").FillAsync(userName);
        await resident.Locator("input[name=password]").FillAsync(password);
        await resident.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await SignInOnThePageAsync(resident, userName, password);

        // Reports garbage with a photo where they stand.
        await resident.GetByRole(AriaRole.Button, new() { Name = "我要报事" }).TapAsync();
        await resident.GetByRole(AriaRole.Radio, new() { Name = "垃圾清运" }).TapAsync();
        var description = $"手机报事 {Guid.NewGuid():N}"[..14];
        await resident.GetByPlaceholder("请描述问题").FillAsync(description);
        await resident.Locator("input[type=file]").SetInputFilesAsync(Photo);
        await Expect(resident.GetByText("已定位")).ToBeVisibleAsync();
        // Or a tap on the map, centred where the phone is (its library loads only now).
        await resident.GetByText("在地图上选点").TapAsync();
        var map = resident.GetByRole(AriaRole.Application, new() { Name = "地图：点击问题所在的位置" });
        await Expect(map.Locator("canvas")).ToBeVisibleAsync();
        await map.TapAsync();
        await Expect(resident.GetByText("地图选点 37.38")).ToBeVisibleAsync();
        await Browsers.NoSeriousAccessibilityViolationsAsync(resident, "phone: report");
        await ScreenshotAsync(resident, "report");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交" }).TapAsync();
        await resident.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/m/?$"));

        var residentApi = await suite.SignInAsync(userName, password);
        var reported = (JsonElement)
            await Eventually.GetAsync<object>(
                async () =>
                {
                    var page = await residentApi.GetFromJsonAsync<JsonElement>("/api/workflow/cases?pageSize=5");
                    return page.GetProperty("items").EnumerateArray().Select(c => (object)c).FirstOrDefault();
                },
                "the report filed"
            );
        var id = reported.GetProperty("id").GetGuid();
        Assert.Equal(DemoGrid, reported.GetProperty("gridId").GetGuid());
        // On the phone, the report's page says which grid it was placed in.
        await resident.GotoAsync($"/m/cases/{id}");
        await Expect(resident.Locator(".van-cell", new() { HasText = "所在网格" })).ToContainTextAsync("632802001001001");
        var details = await residentApi.GetFromJsonAsync<JsonElement>($"/api/workflow/cases/{id}");
        Assert.Equal(description, details.GetProperty("description").GetString());
        Assert.Single((await residentApi.GetFromJsonAsync<JsonElement>($"/api/workflow/cases/{id}/photos")).EnumerateArray());

        // Grid staff have the app open; the case is dispatched to their grid: the assignment arrives on the inbox tab.
        var staff = await SignedInPhoneAsync("grid.sun");
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "巡查上报" })).ToBeVisibleAsync();
        var inboxTab = staff.Locator(".van-tabbar-item", new() { HasText = "消息" });
        var badgeBefore = await inboxTab.Locator(".van-badge").CountAsync() == 0 ? 0 : int.Parse(await inboxTab.Locator(".van-badge").InnerTextAsync());
        await suite.Gateway.PostAsJsonAsync($"/api/workflow/cases/{id}/register", new { });
        (await suite.Gateway.PostAsJsonAsync($"/api/workflow/cases/{id}/dispatch", new { level = "Grid" })).EnsureSuccessStatusCode();
        await Expect(inboxTab.Locator(".van-badge")).ToHaveTextAsync((badgeBefore + 1).ToString(), new() { Timeout = 60_000 });

        // Among their tasks, nearest first; accept, resolve with a photo, reply.
        await staff.Locator(".van-tabbar-item", new() { HasText = "工单" }).TapAsync();
        await staff
            .Locator($"a[href='/m/cases/{id}'], [href$='/cases/{id}']")
            .Or(staff.GetByText(reported.GetProperty("number").GetString()!))
            .First.TapAsync();
        // Its deadline in the subdistrict's time (UTC+8), though the phone's clock is set sixteen hours behind.
        var due = (await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workflow/cases/{id}"))
            .GetProperty("dueAt")
            .GetDateTimeOffset()
            .ToOffset(TimeSpan.FromHours(8));
        await Expect(staff.GetByText("办理期限")).ToContainTextAsync(due.ToString("yyyy/M/d HH:mm:ss", CultureInfo.InvariantCulture));
        await staff.GetByRole(AriaRole.Button, new() { Name = "受理" }).TapAsync();
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "办结", Exact = true })).ToBeVisibleAsync();
        await staff.GetByLabel("说明").FillAsync("已清运，垃圾桶已消毒");
        await staff.Locator("input[type=file]").SetInputFilesAsync(Photo);
        await staff.GetByRole(AriaRole.Button, new() { Name = "办结", Exact = true }).TapAsync();
        await Expect(staff.GetByText("已办结")).ToBeVisibleAsync();
        await staff.GetByLabel("说明").FillAsync("您反映的垃圾已清运，感谢支持");
        await Browsers.NoSeriousAccessibilityViolationsAsync(staff, "phone: case (grid staff)");
        await ScreenshotAsync(staff, "case-staff");
        await staff.GetByRole(AriaRole.Button, new() { Name = "答复反映人" }).TapAsync();
        await Expect(staff.GetByText("您反映的垃圾已清运，感谢支持").First).ToBeVisibleAsync();
        var photos = (await residentApi.GetFromJsonAsync<JsonElement>($"/api/workflow/cases/{id}/photos")).EnumerateArray().ToList();
        Assert.Equal(2, photos.Count);
        // The result photo says where the grid worker's phone stood.
        Assert.Equal(Latitude, photos[1].GetProperty("latitude").GetDouble(), 4);

        // The reply arrives on the resident's phone while it is open; they rate it.
        var residentInbox = resident.Locator(".van-tabbar-item", new() { HasText = "消息" });
        await Expect(residentInbox.Locator(".van-badge")).ToHaveTextAsync("1", new() { Timeout = 60_000 });
        await residentInbox.TapAsync();
        await resident.GetByText("感谢支持").TapAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "满意", Exact = true }).TapAsync();
        await Expect(resident.GetByText("已评价：满意")).ToBeVisibleAsync();
        // The timeline says it in the resident's words too, not the API's names.
        await Expect(resident.Locator(".van-step").First).ToContainTextAsync("评价");
        await Expect(resident.Locator(".van-step").First).ToContainTextAsync("满意");
        await Browsers.NoSeriousAccessibilityViolationsAsync(resident, "phone: case (resident)");
        await ScreenshotAsync(resident, "case-resident");
        Assert.Equal("Satisfied", (await residentApi.GetFromJsonAsync<JsonElement>($"/api/workflow/cases/{id}")).GetProperty("rating").GetString());
    }

    [Fact]
    public async Task A_patrol_report_made_offline_arrives_once_when_the_network_returns_and_the_app_opens_offline()
    {
        var staffApi = await suite.SignInAsync("grid.sun");
        var page = await SignedInPhoneAsync("grid.sun");
        await UntilServiceWorkerControlsAsync(page);
        await page.Locator(".van-tabbar-item", new() { HasText = "巡查" }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Radio).First).ToBeVisibleAsync();
        var before = await PatrolCasesAsync(staffApi);

        await page.Context.SetOfflineAsync(true);
        await page.Locator("input[type=file]").SetInputFilesAsync(Photo);
        await page.GetByRole(AriaRole.Radio, new() { Name = "垃圾清运" }).TapAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "上报" }).TapAsync();
        await Expect(page.GetByText("1 项待发送")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "patrol-offline");

        // Still offline, the app opens again from its service worker, with what waits.
        await page.ReloadAsync();
        await Expect(page.GetByText("1 项待发送")).ToBeVisibleAsync();
        Assert.Equal(before, await PatrolCasesAsync(staffApi));

        await page.Context.SetOfflineAsync(false);
        await Expect(page.GetByText("1 项待发送")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Eventually.TrueAsync(async () => await PatrolCasesAsync(staffApi) == before + 1, "the patrol report filed");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(before + 1, await PatrolCasesAsync(staffApi));
    }

    [Fact]
    public async Task Grid_staff_see_who_is_responsible_in_their_grid_and_log_a_visit_that_raises_a_case()
    {
        var page = await SignedInPhoneAsync("grid.sun");
        await page.GetByRole(AriaRole.Button, new() { Name = "我的网格" }).TapAsync();
        var demoGrid = page.Locator("section", new() { HasText = "632802001001001" });
        await Expect(demoGrid.GetByText("城管执法网")).ToBeVisibleAsync();
        await Browsers.NoSeriousAccessibilityViolationsAsync(page, "phone: my grids");
        await ScreenshotAsync(page, "grids");

        await demoGrid.GetByText("走访登记").TapAsync();
        var findings = $"独居老人家中燃气软管老化 {Guid.NewGuid():N}"[..20];
        await page.GetByLabel("走访对象（户）").FillAsync("3单元201");
        await page.GetByLabel("走访情况").FillAsync(findings);
        await page.GetByRole(AriaRole.Radio, new() { Name = "是", Exact = true }).TapAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "消防安全隐患" }).TapAsync();
        await Browsers.NoSeriousAccessibilityViolationsAsync(page, "phone: visit");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).TapAsync();
        await page.WaitForURLAsync("**/m/grids");

        var visits = await Eventually.GetAsync<object>(
            async () =>
            {
                var list = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/grid/visits?gridId={DemoGrid}&raisesCase=true&pageSize=200");
                var found = list.GetProperty("items").EnumerateArray().Where(v => v.GetProperty("findings").GetString() == findings).ToList();
                return found.Count > 0 ? found : null;
            },
            "the visit logged"
        );
        var visit = Assert.Single((List<JsonElement>)visits);
        Assert.Equal("3单元201", visit.GetProperty("household").GetString());
    }

    [Fact]
    public async Task A_volunteer_signs_up_for_a_shift_on_the_phone_and_checks_in_where_the_activity_is()
    {
        var title = $"手机签到 {Guid.NewGuid():N}"[..12];
        var now = DateTimeOffset.UtcNow;
        var planned = await suite.Gateway.PostAsJsonAsync(
            "/api/volunteer/activities",
            new
            {
                communityId = DemoCommunity,
                title,
                place = "长江路社区广场",
                latitude = Latitude,
                longitude = Longitude,
                radiusMeters = 200,
                allowWaitlist = false,
                autoApproveHours = true,
                shifts = new[]
                {
                    new
                    {
                        startsAt = now.AddMinutes(-20),
                        endsAt = now.AddHours(2),
                        capacity = 5,
                    },
                },
            }
        );
        var activity = await planned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(planned.IsSuccessStatusCode, activity.ToString());
        var activityId = activity.GetProperty("id").GetGuid();
        (await suite.Gateway.PostAsJsonAsync($"/api/volunteer/activities/{activityId}/publish", new { })).EnsureSuccessStatusCode();

        var page = await SignedInPhoneAsync("resident.zhou");
        await page.GetByRole(AriaRole.Button, new() { Name = "志愿服务" }).TapAsync();
        var register = page.GetByRole(AriaRole.Button, new() { Name = "注册为志愿者" });
        await Expect(register.Or(page.GetByText("志愿者编号"))).ToBeVisibleAsync();
        if (await register.IsVisibleAsync())
        {
            await register.TapAsync();
            await Expect(page.GetByText("志愿者编号")).ToBeVisibleAsync();
        }

        var card = page.Locator(".van-cell-group", new() { HasText = title });
        await card.GetByRole(AriaRole.Button, new() { Name = "报名" }).TapAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "按位置签到" }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "签退" })).ToBeVisibleAsync();
        await Browsers.NoSeriousAccessibilityViolationsAsync(page, "phone: volunteering");
        await ScreenshotAsync(page, "volunteer");

        var resident = await suite.SignInAsync("resident.zhou");
        var mine = await resident.GetFromJsonAsync<JsonElement>("/api/volunteer/sign-ups/mine");
        var signUp = Assert.Single(mine.EnumerateArray(), s => s.GetProperty("activityId").GetGuid() == activityId);
        Assert.Equal(JsonValueKind.String, signUp.GetProperty("checkedInAt").ValueKind);
        await Expect(card.GetByText("已报名")).ToBeVisibleAsync();

        // And a small wish, posted from the same phone.
        var wish = $"帮忙修理轮椅 {Guid.NewGuid():N}"[..12];
        await page.GotoAsync("/m/wishes");
        await page.GetByLabel("心愿").FillAsync(wish);
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).TapAsync();
        await Expect(page.Locator(".van-cell", new() { HasText = wish })).ToContainTextAsync("待认领");
        await Browsers.NoSeriousAccessibilityViolationsAsync(page, "phone: wishes");
    }

    [Fact]
    public async Task The_phone_app_is_installable_its_manifest_icons_and_service_worker_in_place()
    {
        var manifest = await suite.Anonymous.GetFromJsonAsync<JsonElement>("/m/manifest.webmanifest");
        Assert.Equal(
            ("/m/", "/m/", "standalone"),
            (manifest.GetProperty("start_url").GetString(), manifest.GetProperty("scope").GetString(), manifest.GetProperty("display").GetString())
        );
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
        {
            var bytes = await suite.Anonymous.GetByteArrayAsync(icon.GetProperty("src").GetString());
            var size = int.Parse(icon.GetProperty("sizes").GetString()!.Split('x')[0]);
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
            Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        }

        Assert.Contains(manifest.GetProperty("icons").EnumerateArray(), i =>
            i.GetProperty("sizes").GetString() == "512x512" && i.GetProperty("purpose").GetString() == "maskable"
        );
        var page = await PhoneAsync();
        await page.GotoAsync("/m/sign-up");
        await UntilServiceWorkerControlsAsync(page);
        var scope = await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.getRegistration('/m/'))?.scope ?? ''");
        Assert.EndsWith("/m/", scope, StringComparison.Ordinal);
        Assert.Equal("/m/manifest.webmanifest", await page.Locator("link[rel=manifest]").GetAttributeAsync("href"));

        // The first download: the entry and what it imports at once, compressed, under 200 KB.
        var html = await suite.Anonymous.GetStringAsync("/m/");
        var scripts = System
            .Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"(/assets/[^\"]+\\.js)\"")
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();
        long total = 0;
        foreach (var script in scripts)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, script);
            request.Headers.AcceptEncoding.ParseAdd("br");
            using var response = await suite.Anonymous.SendAsync(request);
            Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        Assert.True(total < 200 * 1024, $"{total / 1024} KB of compressed JavaScript in the phone's first download ({string.Join(", ", scripts)})");
    }

    private static async Task<int> PatrolCasesAsync(HttpClient staff) =>
        (await staff.GetFromJsonAsync<JsonElement>($"/api/workflow/cases?channel=GridPatrol&gridId={DemoGrid}&pageSize=1"))
            .GetProperty("totalCount")
            .GetInt32();
}
