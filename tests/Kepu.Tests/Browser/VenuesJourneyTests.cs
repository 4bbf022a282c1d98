using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

/// <summary>
/// 场馆预约与志愿服务: the 酉阳 district administrator registers a 科技小院; a teacher books a class visit on a phone (too many
/// people first), the administrator confirms it; a 银龄 volunteer in 长辈模式 records hours, the administrator confirms them and
/// they appear among the volunteer's 科普活动.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class VenuesJourneyTests(BrowserFixture browser)
{
    private const string Venue = "酉阳茶叶科技小院";

    private async Task UserAsync(string name, string display, bool elder)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(name) is not null)
        {
            return;
        }

        var user = new AppUser { UserName = name, DisplayName = display, DistrictCode = "500242", Audiences = [elder ? "elderly" : "public"], ElderMode = elder };
        Assert.True((await users.CreateAsync(user, KepuFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Citizen)).Succeeded);
    }

    private static async Task PhoneShotAsync(IPage page, ILocator focus, string name)
    {
        await focus.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png") });
    }

    private static async Task AccessibleAsync(IPage page, bool elder = false)
    {
        var serious = await AccessibilityTests.SeriousViolationsAsync(page, elder);
        Assert.True(serious.Count == 0, page.Url + ": " + string.Join("\n", serious));
    }

    private static string Next(DayOfWeek day)
    {
        var d = DateTime.UtcNow.AddHours(8).Date.AddDays(1);
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(1);
        }

        return d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ASchoolBooksAVisitToAKejiXiaoyuan_TheDistrictConfirms_AndAVolunteersHoursBecomeTheirRecord()
    {
        await UserAsync("teacher-tian", "桃花源小学田老师", elder: false);
        await UserAsync("silver-ran", "冉爷爷", elder: true);

        // The district administrator registers the venue on a desktop: Monday to Friday 9–17 is the form's default.
        await using var desktop = await browser.NewContextAsync(phone: false);
        desktop.SetDefaultTimeout(60_000);
        var admin = await BrowserFixture.SignInAsync(desktop, "district");
        await admin.GotoAsync("/venues/new");
        await admin.GetByLabel("类型").SelectOptionAsync("courtyard");
        await admin.GetByLabel("名称").FillAsync(Venue);
        await admin.GetByLabel("地址").FillAsync("酉阳县桃花源街道茶园村 3 组");
        await admin.GetByLabel("同时容纳人数").FillAsync("40");
        await admin.GetByLabel("联系人和电话").FillAsync("小院驻站研究生 023-7555 0000");
        await admin.GetByLabel("简介").FillAsync("研究生常驻茶园，和茶农一起做病虫害绿色防控试验，可接待中小学生研学。");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync(Venue);
        var venueUrl = admin.Url;
        await BrowserFixture.ScreenshotAsync(admin, "desktop-outreach-01-venue");
        await AccessibleAsync(admin);

        // A teacher finds it on a phone and books a visit for 45 people: more than it holds, so told to split.
        await using var phone = await browser.NewContextAsync(phone: true);
        phone.SetDefaultTimeout(60_000);
        var teacher = await BrowserFixture.SignInAsync(phone, "teacher-tian");
        await teacher.GotoAsync("/venues?kind=courtyard&district=500242");
        await PhoneShotAsync(teacher, teacher.Locator("article.venue", new() { HasText = Venue }), "phone-outreach-02-list");
        await teacher.GetByRole(AriaRole.Link, new() { Name = Venue }).ClickAsync();
        await teacher.GetByLabel("参观日期").FillAsync(Next(DayOfWeek.Tuesday));
        await teacher.GetByLabel("开始时间").FillAsync("09:30");
        await teacher.GetByLabel("结束时间").FillAsync("11:30");
        await teacher.GetByLabel("团体名称").FillAsync("桃花源小学五年级二班");
        await teacher.GetByLabel("来访人数").FillAsync("45");
        await teacher.GetByLabel("联系人", new() { Exact = true }).FillAsync("田老师");
        await teacher.GetByLabel("联系电话").FillAsync("139 0000 0000");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "提交预约" }).ClickAsync();
        await Assertions.Expect(teacher.Locator("#book .errors")).ToContainTextAsync("分批预约");
        await Assertions.Expect(teacher.GetByLabel("团体名称")).ToHaveValueAsync("桃花源小学五年级二班");
        await PhoneShotAsync(teacher, teacher.Locator("#book .errors"), "phone-outreach-03-booking-error");
        await teacher.GetByLabel("来访人数").FillAsync("38");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "提交预约" }).ClickAsync();
        await Assertions.Expect(teacher.Locator(".notice")).ToContainTextAsync("等待场馆确认");
        var booking = teacher.Locator("article.booking", new() { HasText = Venue });
        await Assertions.Expect(booking.Locator("[data-testid=state]")).ToHaveTextAsync("待确认");
        await PhoneShotAsync(teacher, booking, "phone-outreach-04-booked");
        await AccessibleAsync(teacher);

        // The district administrator confirms it.
        await admin.GotoAsync(venueUrl + "/manage");
        var row = admin.Locator("tr[data-booking]", new() { HasText = "桃花源小学五年级二班" });
        await Assertions.Expect(row).ToContainTextAsync("139 0000 0000");
        await AccessibleAsync(admin);
        await row.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("已确认桃花源小学五年级二班");
        await Assertions.Expect(admin.Locator("tr[data-booking]", new() { HasText = "桃花源小学五年级二班" }).Locator("[data-testid=state]")).ToHaveTextAsync("已确认");
        await BrowserFixture.ScreenshotAsync(admin, "desktop-outreach-05-confirmed");
        await teacher.ReloadAsync();
        await Assertions.Expect(booking.Locator("[data-testid=state]")).ToHaveTextAsync("已确认");

        // A 银龄 volunteer, in 长辈模式 on a phone, registers and records three hours in 酉阳.
        await using var elderPhone = await browser.NewContextAsync(phone: true);
        elderPhone.SetDefaultTimeout(60_000);
        await elderPhone.AddCookiesAsync([new Cookie { Name = "kepu_elder", Value = "1", Url = browser.BaseUrl }]);
        var elder = await BrowserFixture.SignInAsync(elderPhone, "silver-ran");
        await elder.GotoAsync("/outreach/volunteers");
        await elder.GetByLabel("类别").SelectOptionAsync("senior");
        await elder.GetByLabel("特长").FillAsync("茶叶栽培、防范电信诈骗");
        await elder.GetByLabel("周二").CheckAsync();
        await elder.GetByLabel("周四").CheckAsync();
        await elder.GetByLabel("服务的区县").SelectOptionAsync("500242");
        await elder.GetByLabel("个人背景").FillAsync("退休前是县农技站高级农艺师");
        await elder.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(elder.Locator(".notice")).ToContainTextAsync("志愿者登记已保存");
        await elder.GetByLabel("服务日期").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await elder.GetByLabel("服务时长").FillAsync("3");
        await elder.GetByLabel("服务内容").FillAsync("科技小院研学讲解茶树病虫害");
        await elder.GetByLabel("服务地点").FillAsync(Venue);
        await elder.GetByLabel("服务人数").FillAsync("38");
        await elder.GetByRole(AriaRole.Button, new() { Name = "提交确认" }).ClickAsync();
        await Assertions.Expect(elder.Locator(".notice")).ToContainTextAsync("等待酉阳土家族苗族自治县管理员确认");
        var hours = elder.Locator("article.hours", new() { HasText = "科技小院研学讲解茶树病虫害" });
        await Assertions.Expect(hours.Locator("[data-testid=state]")).ToHaveTextAsync("待确认");
        await PhoneShotAsync(elder, hours, "phone-elder-outreach-06-hours");
        await AccessibleAsync(elder, elder: true);
        await elder.GotoAsync(venueUrl);
        await Assertions.Expect(elder.Locator("table.opening-hours")).ToContainTextAsync("闭馆");
        await PhoneShotAsync(elder, elder.Locator("#book"), "phone-elder-outreach-06b-venue");
        await AccessibleAsync(elder, elder: true);

        // The district administrator confirms them; they become a 志愿服务 activity on the ledger.
        await admin.GotoAsync("/outreach/volunteers/review");
        var item = admin.Locator("article.hours", new() { HasText = "科技小院研学讲解茶树病虫害" });
        await Assertions.Expect(item).ToContainTextAsync("冉爷爷");
        await AccessibleAsync(admin);
        await BrowserFixture.ScreenshotAsync(admin, "desktop-outreach-07-hours-review");
        await item.GetByRole(AriaRole.Button, new() { Name = "确认", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("已记入其科普工作实绩");

        await elder.GotoAsync("/outreach/volunteers");
        await Assertions.Expect(hours.Locator("[data-testid=state]")).ToHaveTextAsync("已确认");
        await Assertions.Expect(elder.Locator("[data-testid=confirmed-hours]")).ToHaveTextAsync("3");
        await elder.GotoAsync("/learn/activities");
        var activity = elder.Locator("article.activity", new() { HasText = "科技小院研学讲解茶树病虫害" });
        await Assertions.Expect(activity.Locator("[data-testid=state]")).ToHaveTextAsync("已认定");
        await Assertions.Expect(activity).ToContainTextAsync("志愿服务");
        await PhoneShotAsync(elder, activity, "phone-elder-outreach-08-activity");
    }
}
