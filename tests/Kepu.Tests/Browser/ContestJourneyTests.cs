using System.Globalization;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

/// <summary>
/// 征集与评选 in a real browser: a maker submits a work on a phone (the file goes through the resumable upload), the deadline passes,
/// the editor opens the round, an expert scores it blind (a score out of range is refused first), the editor closes the round,
/// ranks, and after 公示 publishes; the results page links the certificate and the library item.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class ContestJourneyTests(BrowserFixture browser)
{
    private const string Password = "Pass-2026-ok";

    private async Task<JsonElement> ApiAsync(IBrowserContext context, string method, string path, string token, object? body = null)
    {
        var response = await context.APIRequest.FetchAsync(browser.BaseUrl + path, new()
        {
            Method = method,
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
            DataObject = body,
        });
        Assert.True(response.Ok, $"{method} {path}: {response.Status} {await response.TextAsync()}");
        var text = await response.TextAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> NewUserAsync(IBrowserContext context, string prefix, string? role = null)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..4];
        var response = await context.APIRequest.PostAsync(browser.BaseUrl + "/api/v1/auth/register", new()
        {
            DataObject = new { userName = name, password = Password, audiences = new[] { "public" }, district = "500103" },
        });
        Assert.Equal(201, response.Status);
        if (role is not null)
        {
            await using var scope = browser.Factory.Scope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByNameAsync(name))!, role)).Succeeded);
        }

        return name;
    }

    private void JumpTo(int days) => browser.Clock.Offset = TimeSpan.FromDays(days);

    [Fact]
    public async Task Submit_Review_Rank_Publish()
    {
        try
        {
            await JourneyAsync();
        }
        finally
        {
            browser.Clock.Offset = TimeSpan.Zero;
        }
    }

    private async Task JourneyAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        string D(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        int callId;
        string judge;
        await using (var setup = await browser.NewContextAsync(phone: false))
        {
            var editorToken = await browser.Factory.TokenAsync("editor");
            var call = await ApiAsync(setup, "POST", "/api/v1/contests", editorToken, new
            {
                kind = "creation", title = "身边的科学微视频征集", summary = "用三分钟讲清楚一个身边的科学道理。", organizer = "重庆市科学技术协会",
                categories = new[] { "短视频", "图文" }, entrantKinds = new[] { "individual", "team" },
                phases = new object[]
                {
                    new { code = "collect", startsOn = D(0), endsOn = D(1) }, new { code = "round1", startsOn = D(2), endsOn = D(4) },
                    new { code = "publicity", startsOn = D(5), endsOn = D(6) }, new { code = "publish", startsOn = D(7), endsOn = D(7) },
                },
                criteria = new[] { new { name = "科学性", guidance = "内容准确", weight = 60, min = 0, max = 10 }, new { name = "传播性", guidance = "通俗易懂", weight = 40, min = 0, max = 10 } },
                awards = new[] { new { name = "一等奖", count = 1, fundingYuan = 5000 } },
            });
            callId = call.GetProperty("id").GetInt32();
            await ApiAsync(setup, "POST", $"/api/v1/contests/{callId}/open", editorToken);
            judge = await NewUserAsync(setup, "judge", Roles.Expert);

            // A second entry, so there is a ranking.
            var rival = await NewUserAsync(setup, "rival");
            await ApiAsync(setup, "POST", $"/api/v1/contests/{callId}/entries", await browser.Factory.TokenAsync(rival, Password), new
            {
                entrantKind = "individual", title = "厨房里的化学", category = "图文", description = "用厨房里的小苏打和白醋讲酸碱反应，配十张图。", links = new[] { "https://example.cn/kitchen" },
                declaration = true,
            });
        }

        // 1. A maker submits on a phone; bad input first.
        var maker = string.Empty;
        await using (var context = await browser.NewContextAsync(phone: true))
        {
            context.SetDefaultTimeout(30_000);
            maker = await NewUserAsync(context, "maker");
            var page = await BrowserFixture.SignInAsync(context, maker, Password);
            await page.GotoAsync($"/contests/{callId}");
            await BrowserFixture.ScreenshotAsync(page, "phone-contest-01-call");
            Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: false));
            await page.GetByRole(AriaRole.Link, new() { Name = "我要申报" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();
            await Assertions.Expect(page.Locator(".error", new() { HasText = "请填写作品名称" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".error", new() { HasText = "原创声明" })).ToBeVisibleAsync();

            await page.GetByLabel("作品名称").FillAsync("一滴水的旅行");
            await page.GetByLabel("作品类别").SelectOptionAsync("短视频");
            await page.GetByLabel("作品简介").FillAsync("跟着一滴水从长江出发，经过水厂净化来到千家万户，讲清楚自来水是怎么来的。");
            await page.Locator("#main-file").SetInputFilesAsync(new FilePayload { Name = "海报.png", MimeType = "image/png", Buffer = TestImages.Png(600, 400, 30, 90, 160) });
            await Assertions.Expect(page.Locator("#upload-progress")).ToContainTextAsync("上传完成");
            await page.GetByLabel("作品链接（每行一个，http:// 或 https:// 开头，可不填）").FillAsync("https://example.cn/water");
            await page.Locator("input[name='Input.Declaration']").CheckAsync();
            await BrowserFixture.ScreenshotAsync(page, "phone-contest-02-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("回执编号 ZJ");
            await Assertions.Expect(page.Locator("[data-testid=my-entries]")).ToContainTextAsync("一滴水的旅行");
            await BrowserFixture.ScreenshotAsync(page, "phone-contest-03-receipt");
        }

        // 2. Day 2: the deadline has passed. The editor opens the round.
        JumpTo(2);
        await using (var context = await browser.NewContextAsync(phone: false))
        {
            context.SetDefaultTimeout(30_000);
            var page = await BrowserFixture.SignInAsync(context, "editor");
            await page.GotoAsync($"/contests/{callId}/manage");
            await page.GetByLabel("评审专家（平台用户名，逗号或换行分隔）").FillAsync($"expert\n{judge}");
            await page.GetByLabel("每件作品的评审人数").FillAsync("2");
            await page.GetByRole(AriaRole.Button, new() { Name = "分配作品并开始评审" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=round-1]")).ToContainTextAsync("待评 4 份");
            await BrowserFixture.ScreenshotAsync(page, "desktop-contest-04-round-open");
        }

        // 3. The expert scores blind; a score out of range is refused first.
        await using (var context = await browser.NewContextAsync(phone: false))
        {
            context.SetDefaultTimeout(30_000);
            var page = await BrowserFixture.SignInAsync(context, "expert");
            await page.GotoAsync("/contests/review");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("一滴水的旅行") }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(maker);
            await page.GetByLabel(new System.Text.RegularExpressions.Regex("^科学性")).FillAsync("12");
            await page.GetByLabel(new System.Text.RegularExpressions.Regex("^传播性")).FillAsync("8");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
            await Assertions.Expect(page.Locator(".error", new() { HasText = "须在 0 到 10 之间" })).ToBeVisibleAsync();
            await page.GetByLabel(new System.Text.RegularExpressions.Regex("^科学性")).FillAsync("9");
            await page.GetByLabel("评语（作者能看到，看不到您的名字）").FillAsync("选题贴近生活，讲解准确。");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=review-status]")).ToHaveTextAsync("已评");
            await BrowserFixture.ScreenshotAsync(page, "desktop-contest-05-scored");
            await page.GotoAsync("/contests/review");
            var other = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("厨房里的化学") });
            await other.ClickAsync();
            await page.GetByLabel(new System.Text.RegularExpressions.Regex("^科学性")).FillAsync("6");
            await page.GetByLabel(new System.Text.RegularExpressions.Regex("^传播性")).FillAsync("6");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=review-status]")).ToHaveTextAsync("已评");
        }

        // The second judge scores through the API.
        await using (var context = await browser.NewContextAsync(phone: false))
        {
            var token = await browser.Factory.TokenAsync(judge, Password);
            foreach (var task in (await ApiAsync(context, "GET", "/api/v1/contests/reviews", token)).EnumerateArray())
            {
                var detail = await ApiAsync(context, "GET", $"/api/v1/contests/reviews/{task.GetProperty("id").GetInt32()}", token);
                var value = task.GetProperty("entryTitle").GetString() == "一滴水的旅行" ? 8 : 5;
                await ApiAsync(context, "PUT", $"/api/v1/contests/reviews/{task.GetProperty("id").GetInt32()}", token, new
                {
                    scores = detail.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("criterionId").GetInt32().ToString(CultureInfo.InvariantCulture), _ => value),
                });
            }
        }

        // 4. The editor closes the round and ranks for 公示; 5. after 公示, publishes.
        await using (var context = await browser.NewContextAsync(phone: false))
        {
            context.SetDefaultTimeout(30_000);
            var page = await BrowserFixture.SignInAsync(context, "editor");
            await page.GotoAsync($"/contests/{callId}/manage");
            await page.GetByRole(AriaRole.Button, new() { Name = "结束本轮并排名" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=round-entries] tbody tr").First).ToContainTextAsync("一滴水的旅行");
            await page.GetByRole(AriaRole.Button, new() { Name = "生成最终排名并公示" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=manage-stage]")).ToContainTextAsync("公示中");
            await BrowserFixture.ScreenshotAsync(page, "desktop-contest-06-publicity");
            Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: false));
        }

        JumpTo(5);
        await using (var context = await browser.NewContextAsync(phone: false))
        {
            context.SetDefaultTimeout(30_000);
            var page = await BrowserFixture.SignInAsync(context, "editor");
            await page.GotoAsync($"/contests/{callId}/manage");
            await page.GetByRole(AriaRole.Button, new() { Name = "公布结果（获奖作品入库、颁发证书）" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=manage-stage]")).ToContainTextAsync("已公布");
        }

        // The public results on a phone, in 长辈模式: the winner with its certificate and its place in the library.
        await using (var context = await browser.NewContextAsync(phone: true))
        {
            context.SetDefaultTimeout(30_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/contests/{callId}/results");
            await page.Locator("[data-testid=elder-toggle]").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("elder");
            var first = page.Locator("[data-testid=results] > li").First;
            await Assertions.Expect(first).ToContainTextAsync("一滴水的旅行");
            await Assertions.Expect(first).ToContainTextAsync("一等奖");
            await BrowserFixture.ScreenshotAsync(page, "phone-contest-07-results-elder");
            Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: true));
            await first.GetByRole(AriaRole.Link, new() { Name = "证书" }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("真实有效");
            await page.GoBackAsync();
            await page.Locator("[data-testid=results] > li").First.GetByRole(AriaRole.Link, new() { Name = "在资源库观看" }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("CC BY-NC 4.0");
            await BrowserFixture.ScreenshotAsync(page, "phone-contest-08-library-item");
        }
    }
}
