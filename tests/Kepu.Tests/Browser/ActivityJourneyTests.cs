using Deque.AxeCore.Playwright;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

/// <summary>科普学分: a graduate student records a lecture on a phone, the organisation's manager approves it on a desktop, the student prints the record.</summary>
[Collection(BrowserGroup.Name)]
public sealed class ActivityJourneyTests(BrowserFixture browser)
{
    private const string Student = "grad-li";
    private const string Title = "走进社区：老年人防范电信诈骗";

    /// <summary>A graduate student who belongs to the demo organisation (not a manager of it).</summary>
    private async Task CreateStudentAsync()
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(Student) is not null)
        {
            return;
        }

        var user = new AppUser { UserName = Student, DisplayName = "研究生李同学", DistrictCode = "500106", Audiences = ["public"] };
        Assert.True((await users.CreateAsync(user, KepuFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Citizen)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var org = await db.Set<Organization>().Include(o => o.Members).SingleAsync(o => o.Name == AccountSeeder.DemoOrganization);
        org.AddMember(user.Id, isManager: false, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// What the phone shows around <paramref name="focus"/>: full-page shots draw the sticky header and the fixed bottom bar
    /// wherever the page is scrolled to, over the content.
    /// </summary>
    private static async Task PhoneScreenshotAsync(IPage page, ILocator focus, string name)
    {
        await focus.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png") });
    }

    /// <summary>axe finds no serious or critical violation on the page as it stands.</summary>
    private static async Task AccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}").ToList();
        Assert.True(serious.Count == 0, page.Url + ": " + string.Join("\n", serious));
    }

    [Fact]
    public async Task AGraduateStudent_RecordsALectureOnAPhone_TheManagerApprovesIt_AndTheRecordPrints()
    {
        await CreateStudentAsync();
        await using var phone = await browser.NewContextAsync(phone: true);
        phone.SetDefaultTimeout(60_000);
        var page = await BrowserFixture.SignInAsync(phone, Student);

        // Sent without a title first: the error stands next to the field, what was typed stays.
        await page.GotoAsync("/learn/activities");
        await Assertions.Expect(page.GetByLabel("所在单位")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        await page.GetByLabel("日期").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("地点").FillAsync("南岸区南坪街道社区活动中心");
        await page.GetByLabel("受众人数").FillAsync("85");
        await page.GetByLabel("学时").FillAsync("3");
        await page.GetByLabel("上传文件").SetInputFilesAsync(new FilePayload { Name = "lecture.png", MimeType = "image/png", Buffer = TestImages.Png(320, 200, 40, 110, 170) });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(page.Locator("span[data-valmsg-for='Input.Title']")).ToContainTextAsync("请填写活动题目");
        await Assertions.Expect(page.GetByLabel("地点")).ToHaveValueAsync("南岸区南坪街道社区活动中心");
        await PhoneScreenshotAsync(page, page.GetByLabel("地点"), "phone-activity-01-form-error");

        await page.GetByLabel("题目").FillAsync(Title);
        await page.GetByLabel("上传文件").SetInputFilesAsync(new FilePayload { Name = "lecture.png", MimeType = "image/png", Buffer = TestImages.Png(320, 200, 40, 110, 170) });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已提交给" + AccountSeeder.DemoOrganization);
        var card = page.Locator("article.activity", new() { HasText = Title });
        await Assertions.Expect(card.Locator("[data-testid=state]")).ToHaveTextAsync("待审核");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "查看上传的文件" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/media/"));
        await PhoneScreenshotAsync(page, card, "phone-activity-02-submitted");

        // The manager of the organisation, on a desktop, grants 2.5 of the 3 hours claimed.
        await using var desktop = await browser.NewContextAsync(phone: false);
        desktop.SetDefaultTimeout(60_000);
        var manager = await BrowserFixture.SignInAsync(desktop, "org");
        await manager.GotoAsync("/learn/activities/review");
        var item = manager.Locator("article.activity", new() { HasText = Title });
        await Assertions.Expect(item).ToContainTextAsync("研究生李同学");
        await AccessibleAsync(manager);
        await item.GetByLabel("认定学时").FillAsync("2.5");
        await BrowserFixture.ScreenshotAsync(manager, "desktop-activity-03-review");
        await item.GetByRole(AriaRole.Button, new() { Name = "认定", Exact = true }).ClickAsync();
        await Assertions.Expect(manager.Locator(".notice")).ToContainTextAsync("2.5 学时，1.2 学分");
        await Assertions.Expect(manager.Locator("article.activity", new() { HasText = Title })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(manager, "desktop-activity-04-approved");

        // Back on the phone: 已认定, and the printable record with its totals and exports.
        await page.ReloadAsync();
        await Assertions.Expect(card.Locator("[data-testid=state]")).ToHaveTextAsync("已认定");
        await Assertions.Expect(card).ToContainTextAsync("1.2 学分");
        await PhoneScreenshotAsync(page, card.Locator(".granted"), "phone-activity-05-approved");
        await AccessibleAsync(page);
        await page.GotoAsync("/learn/activities/record");
        await Assertions.Expect(page.Locator("[data-testid=record-name]")).ToHaveTextAsync("研究生李同学");
        await Assertions.Expect(page.Locator("[data-testid=record-totals]")).ToContainTextAsync("2.5 学时 · 1.2 学分");
        await Assertions.Expect(page.Locator(".record-table")).ToContainTextAsync(Title);
        await PhoneScreenshotAsync(page, page.Locator("[data-testid=record-totals]"), "phone-activity-06-record");
        await AccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-xlsx]").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

        // As it prints: no navigation or buttons, the sheet alone.
        await desktop.ClearCookiesAsync();
        var print = await BrowserFixture.SignInAsync(desktop, Student);
        await print.GotoAsync("/learn/activities/record");
        await print.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(print.Locator(".topbar")).ToBeHiddenAsync();
        await Assertions.Expect(print.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(print, "desktop-activity-07-record-print");
    }
}
