using System.Text.RegularExpressions;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Outreach.Caravans.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

/// <summary>An administrator builds a quarter's caravan plan for the remote districts, reads its table and map, exports and adopts it; coverage.</summary>
[Collection(BrowserGroup.Name)]
public sealed class CaravanJourneyTests(BrowserFixture browser)
{
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    [Fact]
    public async Task APlannerBuildsAQuartersCaravanPlan_Screenshots()
    {
        await using var desktop = await browser.NewContextAsync(phone: false);
        desktop.SetDefaultTimeout(90_000);
        var page = await BrowserFixture.SignInAsync(desktop, "admin");
        await page.GotoAsync("/outreach/caravans");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "科普大篷车与流动科技馆排程" })).ToBeVisibleAsync();
        var before = await browser.Factory.QueryAsync(db => db.Set<CaravanPlan>().CountAsync());

        // A period that ends before it begins: the error stands next to the field, what was typed stays, nothing is stored.
        var from = await page.GetByLabel("开始日期").InputValueAsync();
        await page.GetByLabel("结束日期").FillAsync(DateOnly.ParseExact(from, "yyyy-MM-dd", Inv).AddDays(-1).ToString("yyyy-MM-dd", Inv));
        await page.GetByLabel("计算时间").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "生成计划" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan-form")).ToContainTextAsync("结束日期不能早于开始日期");
        await Assertions.Expect(page.GetByLabel("开始日期")).ToHaveValueAsync(from);
        Assert.Equal(before, await browser.Factory.QueryAsync(db => db.Set<CaravanPlan>().CountAsync()));
        await BrowserFixture.ScreenshotAsync(page, "desktop-caravan-01-form-error");

        // The whole next quarter with the three demo units.
        await page.GetByLabel("结束日期").FillAsync(DateOnly.ParseExact(from, "yyyy-MM-dd", Inv).AddMonths(3).AddDays(-1).ToString("yyyy-MM-dd", Inv));
        await page.GetByRole(AriaRole.Button, new() { Name = "生成计划" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/outreach/caravans/plans/[0-9]+"));
        await Assertions.Expect(page.Locator("[data-testid=plan-status]")).ToHaveTextAsync("草稿");
        var rows = page.Locator("[data-testid=plan-table] tbody tr[data-target]");
        await Assertions.Expect(rows).ToHaveCountAsync(17);
        await Assertions.Expect(page.Locator("[data-testid=plan-table]")).ToContainTextAsync("酉阳土家族苗族自治县");
        await Assertions.Expect(page.Locator("[data-testid=plan-map] polyline")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=plan-map] g.stop")).ToHaveCountAsync(17);
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: false));
        await BrowserFixture.ScreenshotAsync(page, "desktop-caravan-02-plan");

        var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", excel.SuggestedFilename, StringComparison.Ordinal);
        var calendar = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出日历（.ics）" }).ClickAsync());
        var ics = await File.ReadAllTextAsync(await calendar.PathAsync());
        Assert.Equal(17, ics.Split("BEGIN:VEVENT").Length - 1);

        await page.GetByRole(AriaRole.Button, new() { Name = "采用这个计划" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("计划已采用");
        await Assertions.Expect(page.Locator("[data-testid=plan-status]")).ToHaveTextAsync("已采用");
        var url = page.Url.Split('#')[0];

        // The same plan on a 390-px phone: the map scales down, the table scrolls sideways.
        await using var phone = await browser.NewContextAsync(phone: true);
        phone.SetDefaultTimeout(90_000);
        var small = await BrowserFixture.SignInAsync(phone, "admin");
        await small.GotoAsync(url);
        await Assertions.Expect(small.Locator("[data-testid=plan-map]")).ToBeVisibleAsync();
        var box = await small.Locator("[data-testid=plan-map]").BoundingBoxAsync();
        Assert.True(box is { Width: <= 390 }, "the map is wider than the phone");
        Assert.True(await small.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        await small.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "phone-caravan-03-plan.png") });
        await small.Locator("[data-testid=plan-table]").ScrollIntoViewIfNeededAsync();
        await small.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "phone-caravan-04-table.png") });

        // Coverage: 17 remote districts; the district administrator of 酉阳 sees the same districts and their own towns.
        await page.GotoAsync("/outreach/coverage");
        await Assertions.Expect(page.Locator("[data-testid=coverage-table] tbody tr")).ToHaveCountAsync(17);
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: false));
        await BrowserFixture.ScreenshotAsync(page, "desktop-caravan-05-coverage");
    }
}
