using Kepu.Tests.Features.Debunk;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Entities;
using Microsoft.AspNetCore.Identity;
using Kepu.Web.Features.Debunk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

/// <summary>查一查 on a phone: a long forwarded message gets its verdict; an unknown rumour is sent in and followed.</summary>
[Collection(BrowserGroup.Name)]
public sealed class CheckJourneyTests(BrowserFixture browser)
{
    private async Task ImportAsync()
    {
        using var scope = browser.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync("expert-farming-ui") is null)
        {
            var farming = new AppUser { UserName = "expert-farming-ui", DisplayName = "农技专家", Disciplines = ["农业农村"] };
            Assert.True((await users.CreateAsync(farming, KepuFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(farming, Roles.Expert)).Succeeded);
        }

        await scope.ServiceProvider.GetRequiredService<ImportDebunks>().ImportAsync(new StringReader(DebunkFixture.Lines), "system");
    }

    [Fact]
    public async Task Citizen_PastesAForwardedMessage_GetsTheVerdict_AndSendsInAnUnknownRumour()
    {
        await ImportAsync();
        await using var context = await browser.NewContextAsync(phone: true);
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "粘贴一段话，查查是不是谣言" })
            .FillAsync("【紧急扩散】各位亲朋好友早上好！😱 医院主任说：剩菜放一夜就产生致癌物，隔夜菜千萬不能吃！！！ #健康# http://t.cn/A6xyz 转给家人");
        await page.GetByRole(AriaRole.Button, new() { Name = "查一查", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".verdict-card .verdict-word")).ToContainTextAsync("谣言");
        await Assertions.Expect(page.Locator(".verdict-card h2")).ToHaveTextAsync("隔夜菜会致癌，千万不能吃");
        await BrowserFixture.ScreenshotAsync(page, "phone-check-01-answer");

        await page.Locator("[data-testid=elder-toggle]").ClickAsync();
        await page.GotoAsync("/check");
        await page.GetByLabel("要查的内容").FillAsync("土豆发芽了还能吃吗？听说发芽的土豆有毒不能吃");
        await page.GetByRole(AriaRole.Button, new() { Name = "查一查", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("elder");
        await Assertions.Expect(page.Locator(".verdict-card .verdict-word")).ToContainTextAsync("属实");
        await BrowserFixture.ScreenshotAsync(page, "phone-check-02-answer-elder");

        await page.GetByRole(AriaRole.Link, new() { Name = "看真相解读" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("发芽的土豆有毒不能吃");
        await BrowserFixture.ScreenshotAsync(page, "phone-check-03-debunk-elder");
        await page.Locator("[data-testid=elder-toggle]").ClickAsync();

        await page.GotoAsync("/check");
        await page.GetByRole(AriaRole.Button, new() { Name = "查一查", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#check-error")).ToContainTextAsync("请粘贴或输入要查的内容");
        await page.GetByLabel("要查的内容").FillAsync("据说用淘米水洗脸三个月能让白头发变黑");
        await page.GetByRole(AriaRole.Button, new() { Name = "查一查", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-decision=none]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "phone-check-04-none");

        await page.GetByRole(AriaRole.Link, new() { Name = "提交给专家核查" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("说法或转发的消息")).ToHaveValueAsync("据说用淘米水洗脸三个月能让白头发变黑");
        await page.GetByLabel("截图（可不传；只有编辑和专家能看到）").SetInputFilesAsync(new FilePayload { Name = "chat.jpg", MimeType = "image/jpeg", Buffer = ChatJpeg() });
        await page.GetByLabel("在哪里看到的（可不填）").FillAsync("微信群");
        await page.GetByLabel("所在区县（可不填）").SelectOptionAsync("500242");
        await BrowserFixture.ScreenshotAsync(page, "phone-check-05-report");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交给专家核查" }).ClickAsync();
        await page.WaitForURLAsync("**/claims/R*");
        await Assertions.Expect(page.Locator("[data-status=new]")).ToContainTextAsync("新收");
        await BrowserFixture.ScreenshotAsync(page, "phone-check-06-status");

        // An editor sees the cluster and assigns it; the expert checks it and publishes the verdict.
        await using (var desk = await browser.NewContextAsync(phone: false))
        {
            desk.SetDefaultTimeout(60_000);
            var editor = await BrowserFixture.SignInAsync(desk, "editor");
            await editor.GotoAsync("/debunk/triage?state=new");
            var cluster = editor.Locator("article.cluster", new() { HasText = "淘米水洗脸" });
            await Assertions.Expect(cluster).ToContainTextAsync("1 条");
            var shot = cluster.GetByRole(AriaRole.Link, new() { Name = "截图 1" });
            var image = await editor.APIRequest.GetAsync(await shot.GetAttributeAsync("href") ?? "");
            Assert.Equal(200, image.Status);
            Assert.Equal("image/jpeg", image.Headers["content-type"]);
            await cluster.Locator("summary", new() { HasText = "分派给专家" }).ClickAsync();

            // Only experts whose disciplines cover the category are offered.
            await cluster.GetByLabel("分类").SelectOptionAsync("农业农村");
            await Assertions.Expect(cluster.GetByLabel("农技专家")).ToBeVisibleAsync();
            await cluster.GetByLabel("分类").SelectOptionAsync("健康医疗");
            await Assertions.Expect(cluster.GetByLabel("农技专家")).ToBeHiddenAsync();
            await cluster.GetByLabel("科普专家").CheckAsync();
            await BrowserFixture.ScreenshotAsync(editor, "desktop-triage-01-assign");
            await cluster.GetByRole(AriaRole.Button, new() { Name = "分派" }).ClickAsync();
            await Assertions.Expect(editor.Locator(".notice")).ToHaveTextAsync("已分派给专家。");
        }

        await using (var desk = await browser.NewContextAsync(phone: false))
        {
            desk.SetDefaultTimeout(60_000);
            var expert = await BrowserFixture.SignInAsync(desk, "expert");
            await expert.GotoAsync("/debunk/triage");
            var mine = expert.Locator("article.cluster", new() { HasText = "淘米水洗脸" });
            await mine.GetByRole(AriaRole.Button, new() { Name = "开始核查" }).ClickAsync();
            mine = expert.Locator("article.cluster", new() { HasText = "淘米水洗脸" });
            await mine.GetByLabel("流言（规范的说法）").FillAsync("淘米水洗脸能让白头发变黑");
            await mine.GetByLabel("结论", new() { Exact = true }).SelectOptionAsync("rumor");
            await mine.GetByLabel("一句话结论").FillAsync("白发与遗传、年龄有关，淘米水洗脸改变不了头发颜色。");
            await mine.GetByLabel("标题").FillAsync("淘米水洗脸不能让白发变黑");
            await mine.GetByLabel("真相解读（Markdown）").FillAsync("头发颜色由毛囊里的黑色素细胞决定。\n\n淘米水接触的是面部皮肤，到不了毛囊深处。");
            await BrowserFixture.ScreenshotAsync(expert, "desktop-triage-02-verdict");
            await mine.GetByRole(AriaRole.Button, new() { Name = "发布结论" }).ClickAsync();
            await Assertions.Expect(expert.Locator(".notice")).ToHaveTextAsync("结论已发布。");
        }

        // The citizen's status page now shows the verdict.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-status=published]")).ToContainTextAsync("已发布");
        await Assertions.Expect(page.Locator(".verdict-card .verdict-word")).ToContainTextAsync("谣言");
        await BrowserFixture.ScreenshotAsync(page, "phone-check-07-status-published");
    }

    private static byte[] ChatJpeg()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(360, 640, new SixLabors.ImageSharp.PixelFormats.Rgb24(237, 237, 237));
        using var stream = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(image, stream);
        return stream.ToArray();
    }
}

/// <summary>Bad input in the browser: 100 KB and binary text in 查一查, an invalid JSONL and a binary file in the import.</summary>
[Collection(BrowserGroup.Name)]
public sealed class DebunkBadInputTests(BrowserFixture browser)
{
    [Fact]
    public async Task BadInput_GetsClearErrors_AndLosesNothing()
    {
        await using var context = await browser.NewContextAsync(phone: false);
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        // 100 KB pasted past the box's limit (a script sets it, as an old browser or a paste tool might).
        await page.GotoAsync("/check");
        await page.EvalOnSelectorAsync("#check-text", "el => { el.removeAttribute('maxlength'); el.value = '谣'.repeat(34000); }");
        await page.GetByRole(AriaRole.Button, new() { Name = "查一查", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#check-error")).ToContainTextAsync("内容太长");
        Assert.Equal(34000, (await page.GetByLabel("要查的内容").InputValueAsync()).Length);

        await page.EvalOnSelectorAsync("#check-text", "el => { el.value = 'abc\\u0001\\u0002def'; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "查一查", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#check-error")).ToContainTextAsync("二进制");
        await BrowserFixture.ScreenshotAsync(page, "desktop-check-bad-input");

        // The import page: a JSONL with one good and one broken line, then a binary file.
        page = await BrowserFixture.SignInAsync(context, "editor");
        await page.GotoAsync("/debunk/import");
        var jsonl = "{\"id\":\"b-1\",\"claim\":\"吃味精会让人变笨\",\"verdict\":\"谣言\",\"title\":\"味精不会让人变笨\",\"body\":\"味精的主要成分是谷氨酸钠。\"}\n{\"id\":\"b-2\",\"claim\":\n";
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "debunks.jsonl", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(jsonl) });
        await page.GetByRole(AriaRole.Button, new() { Name = "检查并导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-result]")).ToContainTextAsync("新增 1");
        await Assertions.Expect(page.Locator("[data-testid=import-result]")).ToContainTextAsync("第 2 行");
        await BrowserFixture.ScreenshotAsync(page, "desktop-import-jsonl-errors");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "photo.jsonl", MimeType = "application/octet-stream", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0xFE] });
        await page.GetByRole(AriaRole.Button, new() { Name = "检查并导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-error")).ToContainTextAsync("没有导入任何内容");

        // The good line was loaded and is found by 查一查 (answered or suggested, depending on how much it matches).
        await page.GotoAsync("/check?text=" + Uri.EscapeDataString("听说吃味精会让人变笨"));
        await Assertions.Expect(page.Locator(".check-result")).ToContainTextAsync("吃味精会让人变笨");
    }

}
