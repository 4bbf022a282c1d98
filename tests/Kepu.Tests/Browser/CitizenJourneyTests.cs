using System.Text.Json;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

[Collection(BrowserGroup.Name)]
public sealed class CitizenJourneyTests(BrowserFixture browser)
{
    /// <summary>register → log in → 长辈模式 → profile → download my data → log out, as a real person would.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Register_Login_ElderMode_Profile_Download_Logout(bool phone)
    {
        var device = phone ? "phone" : "desktop";
        var userName = $"游客_{device}_{Guid.NewGuid():N}"[..20];
        await using var context = await browser.NewContextAsync(phone);
        var page = await context.NewPageAsync();

        // Slow machines: give navigations more time, and say which step failed, with a screenshot.
        context.SetDefaultTimeout(60_000);
        var step = "start";
        try
        {
            // Home
            step = "Home";
            await page.GotoAsync("/");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("科学知识，就在身边");
            await Assertions.Expect(page.Locator(".bottomnav")).ToBeVisibleAsync(new() { Visible = phone });
            await BrowserFixture.ScreenshotAsync(page, $"{device}-01-home");

            // Register (the first try forgets the privacy box: errors appear and what was typed stays)
            step = "Register (the first try forgets the privacy box: errors appear and what was typed stays)";
            await page.GetByRole(AriaRole.Link, new() { Name = "免费注册" }).ClickAsync();
            await page.GetByLabel("用户名").FillAsync(userName);
            await page.GetByLabel("昵称").FillAsync("酉阳张阿姨");
            await page.GetByLabel("密码").FillAsync("Pass-2026-ok");
            await page.GetByLabel("老年人").CheckAsync();
            await page.GetByLabel("农民").CheckAsync();
            await page.GetByLabel("所在区县").SelectOptionAsync("500242");
            await page.GetByLabel("健康").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
            await Assertions.Expect(page.Locator("text=请阅读并同意隐私政策")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("昵称")).ToHaveValueAsync("酉阳张阿姨");
            await BrowserFixture.ScreenshotAsync(page, $"{device}-02-register-error");
            await page.GetByLabel("密码").FillAsync("Pass-2026-ok");
            await page.GetByLabel("我已阅读并同意").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
            await page.WaitForURLAsync("**/account/profile");
            await Assertions.Expect(page.Locator("[data-testid=profile-username]")).ToHaveTextAsync(userName);

            // Log out, then log in
            step = "Log out, then log in";
            await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            await page.GotoAsync("/account/login");
            await page.GetByLabel("用户名").FillAsync(userName);
            await page.GetByLabel("密码").FillAsync("Pass-2026-ok");
            await BrowserFixture.ScreenshotAsync(page, $"{device}-03-login");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/account/profile");

            // 长辈模式: registering as 老年人 switched it on; switch it off and on again with the header button.
            step = "长辈模式: registering as 老年人 switched it on; switch it off and on again with the header button.";
            var toggle = page.Locator("[data-testid=elder-toggle]");
            if (await toggle.GetAttributeAsync("aria-pressed") == "true")
            {
                await toggle.ClickAsync();
                await Assertions.Expect(page.Locator("[data-testid=elder-toggle]")).ToHaveAttributeAsync("aria-pressed", "false");
            }

            var normalSize = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");
            Assert.InRange(normalSize, 16, 18);
            await page.Locator("[data-testid=elder-toggle]").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("elder");
            await Assertions.Expect(page.Locator("[data-testid=profile-elder]")).ToHaveTextAsync("已开启");
            var elderSize = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");
            Assert.True(elderSize >= 20, $"长辈模式 body text is {elderSize}px");
            await AssertTouchTargetsAsync(page, 48);
            await BrowserFixture.ScreenshotAsync(page, $"{device}-04-profile-elder");

            // The cookie remembers it on the next page.
            step = "The cookie remembers it on the next page.";
            await page.GotoAsync("/");
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("elder");
            await BrowserFixture.ScreenshotAsync(page, $"{device}-05-home-elder");

            // Download my data
            step = "Download my data";
            await page.GotoAsync("/account/my-data");
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=download-data]").ClickAsync());
            var path = await download.PathAsync();
            using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(path!)))
            {
                var profile = json.RootElement.GetProperty("profile");
                Assert.Equal(userName, profile.GetProperty("userName").GetString());
                Assert.Equal("500242", profile.GetProperty("district").GetString());
                Assert.True(profile.GetProperty("elderMode").GetBoolean());
            }

            await BrowserFixture.ScreenshotAsync(page, $"{device}-06-my-data");

            // Log out from the profile page
            step = "Log out from the profile page";
            await page.GotoAsync("/account/profile");
            await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
            await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("您已退出登录。");
            await page.GotoAsync("/account/profile");
            await page.WaitForURLAsync("**/account/login**");
            await BrowserFixture.ScreenshotAsync(page, $"{device}-07-logged-out");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            await BrowserFixture.ScreenshotAsync(page, $"{device}-FAILED");
            throw new InvalidOperationException($"{device} journey failed at step “{step}” on {page.Url}: {e.Message}", e);
        }
    }

    [Fact]
    public async Task ReadAloud_AppearsWithSpeech_AndThePageWorksWithoutIt()
    {
        await using var context = await browser.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/privacy");
        var hasSpeech = await page.EvaluateAsync<bool>("'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function'");
        await Assertions.Expect(page.Locator("#read-aloud")).ToBeVisibleAsync(new() { Visible = hasSpeech });

        await using var noSpeech = await browser.NewContextAsync(phone: true);
        await noSpeech.AddInitScriptAsync("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;");
        var plain = await noSpeech.NewPageAsync();
        await plain.GotoAsync("/privacy");
        await Assertions.Expect(plain.Locator("#read-aloud")).ToBeHiddenAsync();
        await Assertions.Expect(plain.Locator("h1")).ToHaveTextAsync("隐私政策");
        await plain.Locator("[data-testid=elder-toggle]").ClickAsync();
        await Assertions.Expect(plain.Locator("html")).ToHaveClassAsync("elder");
    }

    [Fact]
    public async Task ElderMode_WorksWithoutJavaScript()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, JavaScriptEnabled = false, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/districts");
        await page.Locator("[data-testid=elder-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("elder");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/districts$"));
        await BrowserFixture.ScreenshotAsync(page, "phone-08-districts-elder-nojs");
    }

    private static async Task AssertTouchTargetsAsync(IPage page, int minimum)
    {
        var small = await page.EvaluateAsync<string[]>(
            """
            min => [...document.querySelectorAll('button, select, input:not([type=hidden]):not([type=checkbox]), label.check, .bottomnav a, .topnav a, .menu a')]
              .filter(e => e.offsetParent !== null)
              .map(e => [e, e.getBoundingClientRect()])
              .filter(([e, r]) => r.height < min)
              .map(([e, r]) => `${e.tagName} "${(e.textContent || e.name || '').trim().slice(0, 20)}" ${Math.round(r.height)}px`)
            """, minimum);
        Assert.True(small.Length == 0, "touch targets below " + minimum + "px: " + string.Join("; ", small));
    }
}
