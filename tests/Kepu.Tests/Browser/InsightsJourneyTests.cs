using Kepu.Web.Features.Insights.Activity;
using Kepu.Web.Features.Insights.Activity.Demo;
using Kepu.Web.Features.Insights.Activity.Entities;
using Kepu.Web.Features.Insights.Dashboards.Population;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

/// <summary>
/// 运行监测: a leader reads the city dashboard on a desktop (tile map, tables, a tile into one district, an export, per
/// 10,000 residents, 长辈模式); the district administrator of 酉阳 reads theirs on a 390-px phone and is refused another.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class InsightsJourneyTests(BrowserFixture browser)
{
    /// <summary>Six months of demo activity and the demo population, loaded once into the shared browser database.</summary>
    private async Task SeedAsync()
    {
        await using var scope = browser.Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Set<ActivityEvent>().AnyAsync(e => e.UserId != null && e.UserId.StartsWith("demo:")))
        {
            return;
        }

        var now = browser.Clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in ActivityDemo.Generate(await scope.ServiceProvider.GetRequiredService<IRegionDirectory>().DistrictsAsync(), now, new Random(5)).Chunk(5000))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        var population = scope.ServiceProvider.GetRequiredService<PopulationBook>();
        foreach (var (code, tenThousands) in DemoPopulation.TenThousands.Where(p => p.Key != "500229"))
        {
            await population.SetAsync(code, new PopulationRequest((long)(tenThousands * 10_000), 2023, "测试"), "test");
        }

        await scope.ServiceProvider.GetRequiredService<ReachProjector>().CatchUpAsync();
    }

    [Fact]
    public async Task ALeaderReadsTheCity_AndADistrictAdministratorTheirDistrictOnAPhone_Screenshots()
    {
        await SeedAsync();
        await using (var desktop = await browser.NewContextAsync(phone: false))
        {
            desktop.SetDefaultTimeout(60_000);
            var page = await BrowserFixture.SignInAsync(desktop, "admin");
            await page.GotoAsync("/insights");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "运行监测", Exact = false }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=tile-map] a.tile")).ToHaveCountAsync(38);
            await Assertions.Expect(page.Locator("[data-testid=tile-map] a[data-district='500242'] .tile-name")).ToHaveTextAsync("酉阳");
            await Assertions.Expect(page.Locator("[data-testid=district-table] tbody tr")).ToHaveCountAsync(39); // 38 and 未注明区县 (anonymous checks)
            await Assertions.Expect(page.Locator("[data-testid=coverage-table] tr.uncovered").First).ToBeVisibleAsync();
            Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: false));
            await BrowserFixture.ScreenshotAsync(page, "desktop-insights-01-city");

            // Per 10,000 residents: 城口 has no population in this test, so its tile says “—”, never a colour alone.
            await page.GetByLabel("图表指标").SelectOptionAsync("events");
            await page.GetByLabel("地图口径").SelectOptionAsync("1");
            await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=tile-map] a[data-district='500229'] .tile-value")).ToHaveTextAsync("—");
            await Assertions.Expect(page.Locator(".tile-legend")).ToContainTextAsync("未录入常住人口");
            await page.Locator("#map-title").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "desktop-insights-02-per-capita.png") });

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("p.exports").First.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
            var (rows, error) = Spreadsheets.Read(await File.ReadAllBytesAsync(await download.PathAsync()));
            Assert.Null(error);
            Assert.Equal(40, rows.Count); // 38 districts, 未注明区县, 全市

            // A tile opens that district's dashboard.
            await page.Locator("[data-testid=tile-map] a[data-district='500103']").ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("渝中区");
            await Assertions.Expect(page.Locator("[data-testid=month-table] tbody tr")).Not.ToHaveCountAsync(0);

            await page.GotoAsync("/insights");
            await page.Locator("[data-testid=elder-toggle]").ClickAsync();
            await Assertions.Expect(page.Locator("html.elder")).ToHaveCountAsync(1);
            Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: true));
            await BrowserFixture.ScreenshotAsync(page, "desktop-insights-03-elder");
            await page.Locator("[data-testid=elder-toggle]").ClickAsync();
        }

        await using var phone = await browser.NewContextAsync(phone: true);
        phone.SetDefaultTimeout(60_000);
        var small = await BrowserFixture.SignInAsync(phone, "district");
        await small.GotoAsync("/insights");
        await Assertions.Expect(small.Locator("h1")).ToContainTextAsync("酉阳土家族苗族自治县");
        await Assertions.Expect(small.Locator("[data-testid=tile-map]")).ToHaveCountAsync(0);
        await Assertions.Expect(small.Locator("[data-testid=district-table] tbody tr")).ToHaveCountAsync(1);
        Assert.True(await small.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(small, elder: false));
        await BrowserFixture.ScreenshotAsync(small, "phone-insights-04-district");

        var refused = await small.GotoAsync("/insights?district=500101");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(small.Locator("main")).ToContainTextAsync("本区县");

        await small.GotoAsync("/insights");
        await small.Locator("[data-testid=elder-toggle]").ClickAsync();
        await Assertions.Expect(small.Locator("html.elder")).ToHaveCountAsync(1);
        Assert.True(await small.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways in 长辈模式");
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(small, elder: true));
        await BrowserFixture.ScreenshotAsync(small, "phone-insights-05-district-elder");
        await small.Locator("[data-testid=elder-toggle]").ClickAsync();
    }
}
