using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

[Collection(BrowserGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string, bool, bool> Pages()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var path in new[] { "/", "/account/login", "/account/register", "/account/profile", "/learn", "/ledger" })
        {
            foreach (var elder in new[] { false, true })
            {
                foreach (var phone in new[] { true, false })
                {
                    data.Add(path, elder, phone);
                }
            }
        }

        return data;
    }

    /// <summary>axe finds no serious or critical violation; in 长辈模式 the enhanced (7:1) contrast rule is on too.</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_FindsNoSeriousOrCriticalViolation(string path, bool elder, bool phone)
    {
        await using var context = await browser.NewContextAsync(phone);
        if (elder)
        {
            await context.AddCookiesAsync([new Cookie { Name = "kepu_elder", Value = "1", Url = browser.BaseUrl }]);
        }

        var page = await context.NewPageAsync();
        if (path == "/account/profile")
        {
            await page.GotoAsync("/account/login");
            await page.GetByLabel("用户名").FillAsync("citizen");
            await page.GetByLabel("密码").FillAsync(Infrastructure.KepuFactory.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/account/profile");
        }
        else
        {
            await page.GotoAsync(path);
        }

        var name = $"axe-{(phone ? "phone" : "desktop")}-{(elder ? "elder" : "normal")}-{(path == "/" ? "home" : path.Split('/').Last())}";
        await BrowserFixture.ScreenshotAsync(page, name);
        var serious = await SeriousViolationsAsync(page, elder);
        Assert.True(serious.Count == 0, $"{path} elder={elder}: " + string.Join("\n", serious));
    }

    /// <summary>axe's serious and critical findings on the page as it is (in 长辈模式 also the enhanced contrast rule).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, bool elder)
    {
        var options = new AxeRunOptions();
        if (elder)
        {
            options.Rules = new Dictionary<string, RuleOptions> { ["color-contrast-enhanced"] = new() { Enabled = true } };
        }

        var result = await page.RunAxe(options);
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical" || (elder && v.Id == "color-contrast-enhanced"))
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}")
            .ToList();
    }
}
