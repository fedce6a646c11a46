using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>What the console's and the phone app's browser tests share: Debian's Chromium, the sign-in page, screenshots.</summary>
internal static partial class Browsers
{
    [GeneratedRegex(@"/connect/sign-in\?")]
    private static partial Regex SignInAddress();

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] args) =>
        playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = Environment.GetEnvironmentVariable("PLATFORM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
                Args = ["--no-sandbox", .. args],
            }
        );

    /// <summary>
    /// On the Organization service's sign-in page (where an app sends a person who is not signed in), signs in.
    /// The app first asks for the OpenID metadata; on a busy machine that exchange has taken longer than the default wait.
    /// </summary>
    public static async Task SignInOnThePageAsync(IPage page, string userName, string password)
    {
        // Polled rather than waited for as a navigation: a redirect that lands between Playwright's look at the address
        // and its listening for the next navigation was missed once, the page already showing the sign-in form.
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(SignInAddress(), new() { Timeout = 90_000 });
            await Assertions.Expect(page.GetByLabel("用户名")).ToBeVisibleAsync();
        }
        catch (PlaywrightException e)
        {
            var text = await page.EvaluateAsync<string>("() => document.body?.innerText?.slice(0, 400) ?? ''");
            throw new TimeoutException($"never sent to sign in: at {page.Url}, showing \"{text}\"", e);
        }

        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    /// <summary>A screenshot into artifacts/screenshots, and into docs/images when PLATFORM_UPDATE_SCREENSHOTS=1.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var shot = await page.ScreenshotAsync(new() { FullPage = false });
        var folders = new List<string> { Path.Combine(Repository.Root, "artifacts", "screenshots") };
        if (Environment.GetEnvironmentVariable("PLATFORM_UPDATE_SCREENSHOTS") == "1")
        {
            folders.Add(Path.Combine(Repository.Root, "docs", "images"));
        }

        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}.png"), shot);
        }
    }

    /// <summary>No serious or critical axe violations on the screen as it stands.</summary>
    public static async Task NoSeriousAccessibilityViolationsAsync(IPage page, string screen)
    {
        // Axe judges colours as they are painted: a popover still fading in or out reads as faint text. Wait for the
        // screen's finite animations and transitions to end, and for the frame after them.
        await page.EvaluateAsync(
            """
            async () => {
              const finite = document.getAnimations().filter(a => a.effect?.getComputedTiming().iterations !== Infinity);
              await Promise.all(finite.map(a => a.finished.catch(() => null)));
              await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
            }
            """
        );
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{screen}: {string.Join("\n", serious.Select(Describe))}");
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Impact} {violation.Id}: {violation.Help} "
        + $"({string.Join(" | ", violation.Nodes.Take(4).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html))})";
}
