using Kepu.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

/// <summary>
/// Kepu on real Kestrel (127.0.0.1, port 0) and Debian's chromium driven by Playwright.
/// Playwright never downloads a browser here: it is pointed at /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly BrowserFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public KepuFactory Factory => _factory;

    /// <summary>The server's clock: real time plus an offset a test may set (and must set back to zero when done).</summary>
    public ShiftedClock Clock => _factory.Clock;

    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task<IBrowserContext> NewContextAsync(bool phone)
    {
        var options = phone
            ? new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true, Locale = "zh-CN", AcceptDownloads = true }
            : new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 860 }, Locale = "zh-CN", AcceptDownloads = true };
        options.BaseURL = BaseUrl;
        return await Browser.NewContextAsync(options);
    }

    /// <summary>Opens a page in the context and signs in through the login form, as a person would.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, string user, string password = KepuFactory.DemoPassword)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/account/profile");
        }
        catch (TimeoutException)
        {
            // Say where the sign-in ended and what the page said, with a screenshot, rather than only "timeout".
            await ScreenshotAsync(page, $"signin-failed-{DateTime.UtcNow:HHmmss}");
            var said = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
            throw new InvalidOperationException($"Signing in as {user} did not reach /account/profile: the page is {page.Url} and says: {said[..Math.Min(said.Length, 400)]}");
        }

        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    private static string FindScreenshotDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kepu.slnx")))
        {
            dir = dir.Parent;
        }

        var db = Environment.GetEnvironmentVariable("KEPU_TEST_DB") is { Length: > 0 } p ? p.ToLowerInvariant() : "sqlite";
        var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "test-results", "screenshots", db);
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>Real time plus an offset, so a browser journey can jump past a deadline; zero for every other test.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

internal sealed class BrowserFactory : KepuFactory
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

// Browser tests run alone: with chromium, Kestrel and other test hosts sharing two cores, timing gets erratic.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
