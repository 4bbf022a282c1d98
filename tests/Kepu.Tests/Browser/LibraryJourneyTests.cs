using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

[Collection(BrowserGroup.Name)]
public sealed class LibraryJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// An organisation member writes and submits an article, an expert approves it, an editor publishes it, and an
    /// elderly citizen of 酉阳 finds it in their feed and by search, in 长辈模式 on a phone.
    /// </summary>
    [Fact]
    public async Task Write_Review_Publish_ThenAnElderInYouyangFindsIt()
    {
        var title = $"酉阳老人防范保健品骗局{Guid.NewGuid().ToString("N")[..4]}";

        // 1. The organisation member writes and submits.
        await using (var context = await browser.NewContextAsync(phone: false))
        {
            context.SetDefaultTimeout(60_000);
            var page = await BrowserFixture.SignInAsync(context, "org");
            await page.GotoAsync("/contents/new");
            await page.GetByLabel("标题", new() { Exact = true }).FillAsync(title);
            await page.GetByLabel("摘要（一两句话）").FillAsync("免费体检、送鸡蛋、听讲座，最后推销高价保健品：这是常见的养老骗局。");
            await page.GetByLabel("正文（Markdown：## 小标题，- 列表）").FillAsync(
                "## 骗子的套路\n\n先用免费体检、送礼品拉近关系，再夸大病情，推销所谓“特效药”。\n\n## 怎么办\n\n- 保健品不是药，不能治病。\n- 买之前和子女商量。\n- 被骗了拨打 110 报警。");
            await page.GetByLabel("老年人").CheckAsync();
            await page.GetByLabel("防范电信诈骗").CheckAsync();
            await page.GetByLabel("面向区县（可不选；按住 Ctrl 多选）").SelectOptionAsync("500242");
            await page.GetByLabel("适老内容（短句、大字、步骤清楚）").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
            await Assertions.Expect(page.Locator(".status-banner")).ToContainTextAsync("草稿");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
            await Assertions.Expect(page.Locator(".status-banner")).ToContainTextAsync("待审核");
            await BrowserFixture.ScreenshotAsync(page, "desktop-library-01-submitted");
        }

        var itemUrl = "";

        // 2. The expert finds it on the workbench and approves it.
        await using (var context = await browser.NewContextAsync(phone: false))
        {
            context.SetDefaultTimeout(60_000);
            var page = await BrowserFixture.SignInAsync(context, "expert");
            await page.GotoAsync("/library/work");
            await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
            itemUrl = new Uri(page.Url).AbsolutePath;
            await page.GetByLabel("审核意见（退回修改时必填）").FillAsync("内容准确，建议发布。");
            await page.GetByRole(AriaRole.Button, new() { Name = "科学性审核通过" }).ClickAsync();
            await Assertions.Expect(page.Locator(".status-banner")).ToContainTextAsync("审核通过");
            await BrowserFixture.ScreenshotAsync(page, "desktop-library-02-approved");
        }

        // 3. The editor publishes it.
        await using (var context = await browser.NewContextAsync(phone: false))
        {
            context.SetDefaultTimeout(60_000);
            var page = await BrowserFixture.SignInAsync(context, "editor");
            await page.GotoAsync(itemUrl);
            await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已发布");
            await Assertions.Expect(page.Locator(".timeline li")).ToHaveCountAsync(4);
            await BrowserFixture.ScreenshotAsync(page, "desktop-library-03-published");
        }

        // 4. An elderly citizen of 酉阳, on a phone, in 长辈模式.
        await using (var context = await browser.NewContextAsync(phone: true))
        {
            context.SetDefaultTimeout(60_000);
            var register = await context.APIRequest.PostAsync(browser.BaseUrl + "/api/v1/auth/register", new()
            {
                DataObject = new { userName = "酉阳王奶奶" + Guid.NewGuid().ToString("N")[..4], password = "Pass-2026-ok", audiences = new[] { "elderly" }, district = "500242" },
            });
            Assert.Equal(201, register.Status);
            var userName = System.Text.Json.JsonDocument.Parse(await register.TextAsync()).RootElement.GetProperty("userName").GetString()!;
            var page = await BrowserFixture.SignInAsync(context, userName, "Pass-2026-ok");
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("elder");

            // The feed (home page) shows it, with the reason.
            var card = page.Locator(".feed-card", new() { HasText = title });
            // The feed and the index follow the catalogue within seconds; a loaded CI machine gets up to 45 s.
            var deadline = DateTime.UtcNow.AddSeconds(45);
            while (DateTime.UtcNow < deadline && !await card.IsVisibleAsync())
            {
                await page.WaitForTimeoutAsync(1000);
                await page.GotoAsync("/");
            }

            await Assertions.Expect(card).ToBeVisibleAsync();
            await Assertions.Expect(card.Locator(".reason")).ToContainTextAsync("本地内容");
            await BrowserFixture.ScreenshotAsync(page, "phone-library-04-feed-elder");

            // Search finds it too (the index follows the outbox within a second or two).
            var hit = page.Locator(".result", new() { HasText = title });
            deadline = DateTime.UtcNow.AddSeconds(45);
            await page.GotoAsync("/search?q=" + Uri.EscapeDataString("保健品骗局"));
            while (DateTime.UtcNow < deadline && !await hit.IsVisibleAsync())
            {
                await page.WaitForTimeoutAsync(1000);
                await page.GotoAsync("/search?q=" + Uri.EscapeDataString("保健品骗局"));
            }

            await Assertions.Expect(hit).ToBeVisibleAsync();
            await Assertions.Expect(hit.Locator("mark").First).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "phone-library-05-search-elder");

            await hit.GetByRole(AriaRole.Link).First.ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
            await page.GetByRole(AriaRole.Button, new() { Name = "我读完了" }).ClickAsync();
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("读完了");
            await BrowserFixture.ScreenshotAsync(page, "phone-library-06-item-elder");
        }
    }

    [Fact]
    public async Task ScreenPage_RotatesOnItsOwn()
    {
        await using var context = await browser.NewContextAsync(phone: false);
        var items = new List<int>();
        foreach (var title in new[] { "屏幕轮播第一条", "屏幕轮播第二条" })
        {
            items.Add(await PublishThroughApiAsync(context, title));
        }

        var token = await TokenAsync(context, "editor");
        var playlist = await context.APIRequest.PostAsync(browser.BaseUrl + "/api/v1/screens", new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
            DataObject = new { name = "轮播测试", items, secondsPerItem = 5 },
        });
        Assert.Equal(201, playlist.Status);
        var id = System.Text.Json.JsonDocument.Parse(await playlist.TextAsync()).RootElement.GetProperty("id").GetInt32();

        var screen = await context.NewPageAsync();
        await screen.SetViewportSizeAsync(1920, 1080);
        await screen.GotoAsync($"/screens/{id}");
        await Assertions.Expect(screen.Locator("[data-testid=screen-title]")).ToHaveTextAsync("屏幕轮播第一条");
        await BrowserFixture.ScreenshotAsync(screen, "screen-01-first");
        await Assertions.Expect(screen.Locator("[data-testid=screen-title]")).ToHaveTextAsync("屏幕轮播第二条", new() { Timeout = 12_000 });
        await Assertions.Expect(screen.Locator("[data-testid=screen-progress]")).ToHaveTextAsync("2 / 2");
        await BrowserFixture.ScreenshotAsync(screen, "screen-02-second");
    }

    private static async Task<string> TokenAsync(IBrowserContext context, string user)
    {
        var response = await context.APIRequest.PostAsync("/api/v1/auth/token", new() { DataObject = new { userName = user, password = Infrastructure.KepuFactory.DemoPassword } });
        return System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task<int> PublishThroughApiAsync(IBrowserContext context, string title)
    {
        async Task<IAPIResponse> Post(string user, string path, object? body)
        {
            var response = await context.APIRequest.PostAsync(path, new()
            {
                Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + await TokenAsync(context, user) },
                DataObject = body ?? new { },
            });
            Assert.True(response.Ok, $"{path}: {response.Status} {await response.TextAsync()}");
            return response;
        }

        var created = await Post("org", "/api/v1/contents", new
        {
            kind = "article", title, summary = "公共屏幕轮播测试用的摘要文字。", body = "## 要点\n\n- 第一点\n- 第二点", audiences = new[] { "public" }, topics = new[] { "生态环境" },
        });
        var id = System.Text.Json.JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetInt32();
        await Post("org", $"/api/v1/contents/{id}/submit", null);
        await Post("expert", $"/api/v1/contents/{id}/review", new { approve = true });
        await Post("editor", $"/api/v1/contents/{id}/publish", null);
        return id;
    }
}
