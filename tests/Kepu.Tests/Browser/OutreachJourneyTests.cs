using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Outreach.Events.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

[Collection(BrowserGroup.Name)]
public sealed class OutreachJourneyTests(BrowserFixture browser)
{
    private const string Password = "Pass-2026-ok";

    private async Task<string> RegisterAsync(IBrowserContext context, string prefix, string audience)
    {
        var response = await context.APIRequest.PostAsync(browser.BaseUrl + "/api/v1/auth/register", new()
        {
            DataObject = new { userName = prefix + Guid.NewGuid().ToString("N")[..4], password = Password, audiences = new[] { audience }, district = "500242" },
        });
        Assert.Equal(201, response.Status);
        return System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("userName").GetString()!;
    }

    /// <summary>
    /// A village in 酉阳 orders a 防诈骗 lecture on a phone; the district administrator confirms the proposed expert.
    /// </summary>
    [Fact]
    public async Task VillageOrdersALecture_AndTheDistrictConfirmsAProposedExpert()
    {
        string orderUrl;
        await using (var context = await browser.NewContextAsync(phone: true))
        {
            context.SetDefaultTimeout(30_000);
            var user = await RegisterAsync(context, "桃花源村", "farmers");
            var page = await BrowserFixture.SignInAsync(context, user, Password);
            await page.GotoAsync("/orders/new");

            // Bad input first: the form says what is missing and nothing is ordered.
            await page.GetByRole(AriaRole.Button, new() { Name = "提交点单" }).ClickAsync();
            await Assertions.Expect(page.Locator(".field-validation-error", new() { HasText = "请填写点单的社区、村、学校或企业名称" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".field-validation-error", new() { HasText = "请从主题列表中选择讲座主题" })).ToBeVisibleAsync();

            await page.GetByLabel("单位名称（如：桃花源村村委会）").FillAsync("桃花源村村委会");
            await page.GetByLabel("联系电话").FillAsync("023-75551234");
            await page.GetByLabel("区县").SelectOptionAsync("500242");
            await page.GetByLabel("讲座地点").FillAsync("村委会二楼会议室");
            await page.GetByLabel("想听的主题").SelectOptionAsync("防范电信诈骗");
            await page.GetByLabel("听众").SelectOptionAsync("elderly");
            await page.GetByLabel("预计人数").FillAsync("60");
            await BrowserFixture.ScreenshotAsync(page, "phone-outreach-01-order-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交点单" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("order-status")).ToContainTextAsync("待安排");
            orderUrl = new Uri(page.Url).AbsolutePath;
            await BrowserFixture.ScreenshotAsync(page, "phone-outreach-02-ordered");
        }

        await using (var context = await browser.NewContextAsync(phone: false))
        {
            context.SetDefaultTimeout(30_000);
            var page = await BrowserFixture.SignInAsync(context, "district");
            await page.GotoAsync("/orders");
            await page.Locator($"a[href='{orderUrl}']").ClickAsync();
            var proposal = page.Locator(".proposal", new() { HasText = "科普专家" });
            await Assertions.Expect(proposal.Locator(".reason")).ToContainTextAsync("公里");
            await BrowserFixture.ScreenshotAsync(page, "desktop-outreach-03-proposals");
            await proposal.GetByRole(AriaRole.Button, new() { Name = "确认请科普专家" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("order-status")).ToContainTextAsync("已安排");
            await page.GetByRole(AriaRole.Link, new() { Name = "查看活动、报名名单与签到" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("防范电信诈骗科普讲座（点单）");
            await BrowserFixture.ScreenshotAsync(page, "desktop-outreach-04-lecture");
        }

        await using (var context = await browser.NewContextAsync(phone: false))
        {
            var page = await BrowserFixture.SignInAsync(context, "expert");
            await page.GotoAsync("/me/notifications");
            await Assertions.Expect(page.Locator(".notifications li", new() { HasText = "新的点单讲座" })).ToContainTextAsync("桃花源村村委会");
        }
    }

    /// <summary>
    /// Two people in 酉阳 register for a lecture with one seat: one is waitlisted, and promoted when the other cancels; they
    /// check in by scanning the QR code; the district administrator files the report with a photo.
    /// </summary>
    [Fact]
    public async Task Waitlist_Promotion_QrCheckIn_AndReport()
    {
        // A lecture that began ten minutes ago (so check-in is open and a report can be written), one seat.
        int id;
        await using (var scope = browser.Factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var admin = await db.Users.Where(u => u.UserName == "district").Select(u => u.Id).SingleAsync();
            var now = DateTime.UtcNow;
            var e = new OutreachEvent(admin, new EventDetails(EventKinds.HealthLecture, $"健康大讲堂：冬季防跌倒{Guid.NewGuid().ToString("N")[..4]}", "骨科医生讲老人冬季防跌倒。",
                "500242", null, "酉阳县人民医院三楼报告厅", null, ["elderly"], now.AddMinutes(-10), now.AddHours(2), 1, "酉阳县科协"), now.AddDays(-1));
            db.Add(e);
            await db.SaveChangesAsync();
            id = e.Id;
        }

        await using var first = await browser.NewContextAsync(phone: true);
        await using var second = await browser.NewContextAsync(phone: true);
        first.SetDefaultTimeout(30_000);
        second.SetDefaultTimeout(30_000);
        var a = await BrowserFixture.SignInAsync(first, await RegisterAsync(first, "酉阳张大爷", "farmers"), Password);
        var b = await BrowserFixture.SignInAsync(second, await RegisterAsync(second, "酉阳李奶奶", "elderly"), Password);
        await Assertions.Expect(b.Locator("html")).ToHaveClassAsync("elder");

        // Registration stays open until the event ends (people walk in late).
        await RegisterThroughPageAsync(a, id);
        await RegisterThroughPageAsync(b, id);
        await Assertions.Expect(a.GetByTestId("my-status")).ToContainTextAsync("已报名");
        await Assertions.Expect(b.GetByTestId("my-status")).ToContainTextAsync("候补第 1 位");
        await BrowserFixture.ScreenshotAsync(b, "phone-outreach-05-waitlisted-elder");

        await a.GetByRole(AriaRole.Button, new() { Name = "取消报名" }).ClickAsync();
        await b.GotoAsync("/me/notifications");
        await Assertions.Expect(b.Locator(".notifications li", new() { HasText = "候补转正" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(b, "phone-outreach-06-promoted-elder");

        // The administrator shows the QR code; the promoted person scans it (opens its link) and checks in.
        await using var staff = await browser.NewContextAsync(phone: false);
        staff.SetDefaultTimeout(30_000);
        var s = await BrowserFixture.SignInAsync(staff, "district");
        await s.GotoAsync($"/events/{id}");
        await Assertions.Expect(s.Locator(".qr svg")).ToBeVisibleAsync();
        var checkInUrl = await s.GetByRole(AriaRole.Link, new() { Name = "签到链接" }).GetAttributeAsync("href");
        await BrowserFixture.ScreenshotAsync(s, "desktop-outreach-07-qr-and-list");

        await b.GotoAsync(checkInUrl!);
        await b.GetByRole(AriaRole.Button, new() { Name = "确认签到" }).ClickAsync();
        await Assertions.Expect(b.GetByTestId("checked-in")).ToContainTextAsync("签到成功");
        await BrowserFixture.ScreenshotAsync(b, "phone-outreach-08-checked-in-elder");

        // The report, with a photo.
        await s.GotoAsync($"/events/{id}");
        await Assertions.Expect(s.Locator("table")).ToContainTextAsync("已签到");
        await s.GetByLabel("活动情况（10 字以上）").FillAsync("到场老人认真听讲，现场演示了防跌倒的起身动作，发放宣传册 80 份。");
        await s.GetByLabel("照片（可多选，最多 9 张）").SetInputFilesAsync(new FilePayload { Name = "lecture.png", MimeType = "image/png", Buffer = TestImages.Png(480, 360, 60, 140, 90) });
        await s.GetByRole(AriaRole.Button, new() { Name = "保存总结" }).ClickAsync();
        await Assertions.Expect(s.Locator(".report")).ToContainTextAsync("到场 1 人");
        await Assertions.Expect(s.Locator(".report img")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(s, "desktop-outreach-09-report");

        // The district's towns × months table now counts the lecture and the person who came.
        await s.GotoAsync("/outreach/district");
        await Assertions.Expect(s.GetByTestId("participants")).Not.ToHaveTextAsync("0");
        await BrowserFixture.ScreenshotAsync(s, "desktop-outreach-10-district-activity");
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(s, elder: false));
        await b.GotoAsync($"/events/{id}");
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(b, elder: true));
    }

    private static async Task RegisterThroughPageAsync(IPage page, int id)
    {
        await page.GotoAsync($"/events/{id}");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("我要报名|加入候补") }).ClickAsync();
    }
}
