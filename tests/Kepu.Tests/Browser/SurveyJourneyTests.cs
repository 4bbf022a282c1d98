using System.Globalization;
using System.Text;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Infrastructure.Files;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

/// <summary>
/// 监测评估 in a real browser: the administrator builds a wave from the question bank, imports population margins (a bad file first,
/// refused row by row) and interviewer responses, reads the weighted estimate with its interval by region,
/// switches to the tile map of districts (also in 长辈模式), and exports it.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class SurveyJourneyTests(BrowserFixture browser)
{
    private static byte[] Questions()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var dimension in new[] { "科学知识", "科学方法", "科学精神与思想", "应用科学的能力" })
        {
            for (var i = 0; i < 10; i++)
            {
                rows.Add(["", "判断", $"{dimension}：浏览器测试题 {i + 1}", "", "", "", "", "", "", "A", "", "1", dimension, "", "健康", ""]);
            }
        }

        return Spreadsheets.Csv(Kepu.Web.Features.Learning.QuestionBank.Columns, rows);
    }

    private static byte[] Responses()
    {
        var random = new Random(42);
        var districts = new[] { "500103", "500106", "500118", "500101", "500236", "500242", "500114" };
        var csv = new StringBuilder("id,district,urban,sex,ageGroup,education,score\n");
        for (var i = 0; i < 1200; i++)
        {
            var d = districts[i % districts.Length];
            var boost = d is "500103" or "500106" ? 8 : d is "500242" or "500114" ? -6 : 0;
            csv.Append(CultureInfo.InvariantCulture, $"b{i},{d},{(random.NextDouble() < 0.7 ? "urban" : "rural")},{(i % 2 == 0 ? "male" : "female")},{new[] { "18-29", "30-39", "40-49", "50-59", "60-69" }[i % 5]},{new[] { "primary", "junior", "senior", "college" }[random.Next(4)]},{Math.Clamp(55 + boost + random.Next(-25, 26), 0, 100)}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static readonly byte[] Margins = Encoding.UTF8.GetBytes(
        "variable,level,population\nregionGroup,core,3300000\nregionGroup,new,3000000\nregionGroup,northeast,2500000\nregionGroup,southeast,1200000\n"
        + "urban,urban,7000000\nurban,rural,3000000\nsex,male,5050000\nsex,female,4950000\n");

    [Fact]
    public async Task AdministratorImports_SeesTheEstimateByRegion_SwitchesToTheTileMap_AndExports()
    {
        await using var context = await browser.NewContextAsync(phone: false);
        context.SetDefaultTimeout(30_000);
        var editorToken = await browser.Factory.TokenAsync("editor");
        var import = await context.APIRequest.PostAsync(browser.BaseUrl + "/api/v1/learning/questions/import", new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + editorToken },
            Multipart = context.APIRequest.CreateFormData().Append("file", new FilePayload { Name = "q.csv", MimeType = "text/csv", Buffer = Questions() }),
        });
        Assert.True(import.Ok, await import.TextAsync());

        var page = await BrowserFixture.SignInAsync(context, "admin");
        await page.GotoAsync("/insights/survey");
        await page.GetByLabel("年份").FillAsync("2030");
        await page.GetByLabel("名称").FillAsync("2030 年公民科学素质调查（浏览器测试）");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建并组卷" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=wave-status]")).ToContainTextAsync("25 题");

        // A bad margins file: the error report names the rows, nothing is imported.
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^人口边际")).SetInputFilesAsync(new FilePayload
        {
            Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("variable,level,population\nsex,male,100\nsex,unknown,5\nage,old,3\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入人口边际" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=row-errors]")).ToContainTextAsync("第 3 行");
        await Assertions.Expect(page.Locator("[data-testid=row-errors]")).ToContainTextAsync("第 4 行");
        await BrowserFixture.ScreenshotAsync(page, "desktop-survey-01-row-errors");

        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^人口边际")).SetInputFilesAsync(new FilePayload { Name = "margins.csv", MimeType = "text/csv", Buffer = Margins });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入人口边际" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已导入 8 条人口边际");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^访员问卷")).SetInputFilesAsync(new FilePayload { Name = "responses.csv", MimeType = "text/csv", Buffer = Responses() });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入问卷" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已导入 1200 份问卷");

        // The estimate with its interval, by region group.
        await Assertions.Expect(page.Locator("[data-testid=overall]")).ToContainTextAsync("%");
        await Assertions.Expect(page.Locator("[data-testid=estimate]")).ToContainTextAsync("95% 置信区间");
        await page.GetByRole(AriaRole.Link, new() { Name = "按区域" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=estimates] tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=estimates]")).ToContainTextAsync("渝东南");
        await BrowserFixture.ScreenshotAsync(page, "desktop-survey-02-by-region");
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: false));

        // Switches to the tile map: 38 districts drawn by the app, each with its share (or — without a sample), the district table beside it.
        await page.GetByRole(AriaRole.Link, new() { Name = "区县分布图" }).ClickAsync();
        var tiles = page.Locator("[data-testid=tile-map] a.tile");
        await Assertions.Expect(tiles).ToHaveCountAsync(38);
        await Assertions.Expect(page.Locator("[data-testid=tile-map] a.tile[data-district='500103'] .tile-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d$"));
        Assert.Contains("95% 置信区间", await page.Locator("a.tile[data-district='500103'] title").TextContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("a.tile[data-district='500229'] .tile-value")).ToHaveTextAsync("—");
        await Assertions.Expect(page.Locator("[data-testid=estimates] tbody tr")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("#district-500242")).ToContainTextAsync("酉阳");
        await BrowserFixture.ScreenshotAsync(page, "desktop-survey-03-tile-map");
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: false));
        await page.Locator("[data-testid=elder-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator("html.elder")).ToHaveCountAsync(1);
        await Assertions.Expect(tiles).ToHaveCountAsync(38);
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: true));
        await BrowserFixture.ScreenshotAsync(page, "desktop-survey-04-tile-map-elder");
        await page.Locator("[data-testid=elder-toggle]").ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var (rows, error) = Spreadsheets.Read(await File.ReadAllBytesAsync(path!));
        Assert.Null(error);
        Assert.Contains(rows, r => r["类别"] == "渝东南");
        Assert.Contains(rows, r => r["类别"] == "酉阳土家族苗族自治县");

        // On a phone, the progress view.
        await using var phone = await browser.NewContextAsync(phone: true);
        var small = await BrowserFixture.SignInAsync(phone, "admin");
        await small.GotoAsync("/insights/progress");
        await Assertions.Expect(small.Locator("[data-testid=progress]")).ToContainTextAsync("2030");
        await BrowserFixture.ScreenshotAsync(small, "phone-survey-05-progress");
    }
}
