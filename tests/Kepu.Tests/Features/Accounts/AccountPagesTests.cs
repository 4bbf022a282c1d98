using System.Net;
using System.Text.RegularExpressions;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Tests.Features.Accounts;

public sealed partial class AccountPagesTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    [Fact]
    public async Task Register_Form_CreatesAccount_SignsIn_AndShowsProfile()
    {
        using var client = factory.PageClient();
        var response = await client.PostFormAsync("/account/register",
        [
            new("Input.UserName", "页面注册用户"), new("Input.Password", "Pass-2026-ok"), new("Input.Audiences", "farmers"),
            new("Input.Audiences", "elderly"), new("Input.District", "500242"), new("Input.Interests", "agriculture"), new("Input.AcceptPrivacy", "true"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/profile", response.Headers.Location?.OriginalString);
        var profile = await client.GetStringAsync("/account/profile");
        Assert.Contains("页面注册用户", profile);
        Assert.Contains("酉阳土家族苗族自治县", profile);
        Assert.Contains("农民", profile);
    }

    [Fact]
    public async Task Register_Form_WithErrors_KeepsInput_ShowsChineseErrorsNextToFields_AndStoresNothing()
    {
        var before = await factory.QueryAsync(db => db.Set<AppUser>().CountAsync());
        using var client = factory.PageClient();
        var response = await client.PostFormAsync("/account/register",
        [
            new("Input.UserName", "admin"), new("Input.DisplayName", "保留的昵称"), new("Input.Password", "short"), new("Input.District", "500242"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("已被注册", html);
        Assert.Contains("请至少选择一个人群类别", html);
        Assert.Contains("请阅读并同意隐私政策", html);
        Assert.Contains("value=\"保留的昵称\"", html);
        Assert.Matches("<option value=\"500242\" selected=\"selected\"", html);
        Assert.Equal(before, await factory.QueryAsync(db => db.Set<AppUser>().CountAsync()));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = factory.PageClient();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent([new("Input.UserName", "admin"), new("Input.Password", KepuFactory.DemoPassword)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task ElderToggle_SignedIn_WithoutAntiforgeryToken_IsRejected_Anonymous_OnlySetsTheCookie()
    {
        using var anonymous = factory.PageClient();
        var display = await anonymous.PostAsync("/preferences/elder", new FormUrlEncodedContent([new("on", "1")]));
        Assert.Equal(HttpStatusCode.Redirect, display.StatusCode);
        Assert.Contains(display.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kepu_elder=1", StringComparison.Ordinal));

        using var client = factory.PageClient();
        await client.LoginAsync("citizen");
        var response = await client.PostAsync("/preferences/elder", new FormUrlEncodedContent([new("on", "1")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "/")]
    [InlineData(null, "/account/login")]
    [InlineData(null, "/account/register")]
    [InlineData("citizen", "/account/profile")]
    [InlineData("citizen", "/account/password")]
    [InlineData("citizen", "/account/my-data")]
    [InlineData("admin", "/admin/users")]
    [InlineData("admin", "/admin/organizations")]
    [InlineData("admin", "/admin/districts/500242")]
    [InlineData("admin", "/admin/towns/import")]
    public async Task EveryPostForm_CarriesAnAntiforgeryToken(string? user, string path)
    {
        using var client = factory.PageClient();
        if (user is not null)
        {
            await client.LoginAsync(user);
        }

        var html = await client.GetStringAsync(path);
        var forms = FormPattern().Matches(html);
        Assert.NotEmpty(forms);
        foreach (Match form in forms)
        {
            // The anonymous 长辈模式 switch changes only a display cookie, so it carries no token (see ElderModeEndpoint).
            if (user is null && form.Value.Contains("action=\"/preferences/elder\"", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("__RequestVerificationToken", form.Value);
                continue;
            }

            // 查一查 only reads: it changes nothing, on any page (see CheckModel).
            if (form.Value.Contains("action=\"/check\"", StringComparison.Ordinal))
            {
                continue;
            }

            if (form.Groups["method"].Value.Equals("post", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Contains("__RequestVerificationToken", form.Value);
            }
        }
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccount()
    {
        using (var register = factory.PageClient())
        {
            await register.PostFormAsync("/account/register",
            [
                new("Input.UserName", "page_lock"), new("Input.Password", "Right-pass-1"), new("Input.Audiences", "public"),
                new("Input.District", "500103"), new("Input.AcceptPrivacy", "true"),
            ]);
        }

        using var client = factory.PageClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostFormAsync("/account/login", [new("Input.UserName", "page_lock"), new("Input.Password", "Wrong-pass-1")]);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await client.PostFormAsync("/account/login", [new("Input.UserName", "page_lock"), new("Input.Password", "Right-pass-1")]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账号已暂时锁定", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ElderMode_Toggle_SetsCookie_AndIsRememberedInTheProfile()
    {
        using var client = factory.PageClient();
        await client.LoginAsync("editor");
        var response = await client.PostFormAsync("/", [new("on", "1"), new("returnUrl", "/account/profile")], action: "/preferences/elder");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/profile", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kepu_elder=1", StringComparison.Ordinal));
        var html = await client.GetStringAsync("/account/profile");
        Assert.Contains("<html lang=\"zh-CN\" class=\"elder\">", html);
        Assert.True(await factory.QueryAsync(db => db.Set<AppUser>().Where(u => u.UserName == "editor").Select(u => u.ElderMode).SingleAsync()));
    }

    [Fact]
    public async Task ElderMode_Toggle_RefusesOffSiteReturnUrl()
    {
        using var client = factory.PageClient();
        var response = await client.PostAsync("/preferences/elder", new FormUrlEncodedContent([new("on", "1"), new("returnUrl", "//evil.example/")]));

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AdminPages_AreForAdminsOnly()
    {
        using var anonymous = factory.PageClient();
        var redirect = await anonymous.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/account/login", redirect.Headers.Location?.PathAndQuery ?? redirect.Headers.Location?.OriginalString);

        using var citizen = factory.PageClient();
        await citizen.LoginAsync("citizen");
        var denied = await citizen.GetAsync("/admin/districts");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Admin_CreatesOrganization_AndAddsMember()
    {
        using var client = factory.PageClient();
        await client.LoginAsync("admin");
        var created = await client.PostFormAsync("/admin/organizations", [new("Input.Name", "重庆大学"), new("Input.Kind", "university"), new("Input.District", "500106")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;

        var added = await client.PostFormAsync(page, [new("memberUserName", "expert"), new("isManager", "true")], action: page + "?handler=AddMember");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var html = await client.GetStringAsync(page);
        Assert.Contains("科普专家", html);

        var duplicate = await client.PostFormAsync("/admin/organizations", [new("Input.Name", "重庆大学"), new("Input.Kind", "university")]);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("已存在", await duplicate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_EditsDistrict_OnThePage_AndSeesTheHistory()
    {
        using var client = factory.PageClient();
        await client.LoginAsync("admin");
        var saved = await client.PostFormAsync("/admin/districts/500155",
            [new("Input.Name", "梁平区"), new("Input.Group", "northeast"), new("Input.Flags", "remote"), new("Input.Flags", "oldRevolutionary")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var html = await client.GetStringAsync("/admin/districts/500155");
        Assert.Contains("边远涉农区县、革命老区", html);
        Assert.Contains("<td>admin</td>", html);
    }

    [Fact]
    public async Task ChangePassword_Works_AndWrongCurrentPasswordShowsError()
    {
        using (var register = factory.PageClient())
        {
            await register.PostFormAsync("/account/register",
            [
                new("Input.UserName", "pw_changer"), new("Input.Password", "Old-pass-1"), new("Input.Audiences", "workers"),
                new("Input.District", "500112"), new("Input.AcceptPrivacy", "true"),
            ]);
        }

        using var client = factory.PageClient();
        await client.LoginAsync("pw_changer", "Old-pass-1");
        var wrong = await client.PostFormAsync("/account/password", [new("Input.CurrentPassword", "Bad-pass-1"), new("Input.NewPassword", "New-pass-1")]);
        Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync());

        var ok = await client.PostFormAsync("/account/password", [new("Input.CurrentPassword", "Old-pass-1"), new("Input.NewPassword", "New-pass-1")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using var fresh = factory.PageClient();
        await fresh.LoginAsync("pw_changer", "New-pass-1");
    }

    [Fact]
    public async Task DistrictPage_ShowsOwnDistrict_AndRefusesAnother()
    {
        using var client = factory.PageClient();
        await client.LoginAsync("district");

        var own = await client.GetAsync("/district");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = await own.Content.ReadAsStringAsync();
        Assert.Contains("酉阳土家族苗族自治县", html);
        Assert.Contains("data-testid=\"registered\"", html);

        var other = await client.GetAsync("/district/500101");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("/account/denied", other.Headers.Location?.OriginalString);

        using var citizen = factory.PageClient();
        await citizen.LoginAsync("citizen");
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.GetAsync("/district/500101")).StatusCode);

        using var admin = factory.PageClient();
        await admin.LoginAsync("admin");
        var any = await admin.GetStringAsync("/district/500101");
        Assert.Contains("万州区", any);
    }

    [GeneratedRegex("<form[^>]*method=\"(?<method>\\w+)\"[\\s\\S]*?</form>", RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();
}
