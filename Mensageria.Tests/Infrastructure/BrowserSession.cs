using Microsoft.Playwright;

namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (nothing downloaded): headless, and without the background
/// networking that a closed network refuses. A failing browser test saves a screenshot of each page.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly List<IPage> _pages = [];

    private BrowserSession(IPlaywright playwright, IBrowser browser) => (_playwright, Browser) = (playwright, browser);

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> LaunchAsync()
    {
        // Expectations wait for the page to show something, here up to 30 s: the whole suite shares
        // two cores, and the broker's queue figures reach the page a second or two after the fact.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A page in a context of its own (a separate browser profile), opened at <paramref name="url"/>.</summary>
    public async Task<IPage> OpenAsync(Uri url)
    {
        var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        _pages.Add(page);
        await page.GotoAsync(url.ToString());
        return page;
    }

    /// <summary>Runs a browser test; when it fails, saves a screenshot of every page it opened, then fails.</summary>
    public async Task RunAsync(string testName, Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
            for (var i = 0; i < _pages.Count; i++)
            {
                var file = Path.Combine(folder, $"{testName}-{i}.png");
                await _pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                TestContext.Current.AddAttachment($"screenshot-{i}", file);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
