using System.Text;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

[Collection(BrowserGroup.Name)]
public sealed class AdminJourneyTests(BrowserFixture browser)
{
    /// <summary>An administrator edits a district, imports towns, creates an organisation and makes a district administrator.</summary>
    [Fact]
    public async Task Admin_EditsDistrict_ImportsTowns_CreatesOrganization_AssignsRole()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, ViewportSize = new() { Width = 1024, Height = 768 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync(Infrastructure.KepuFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/account/profile");

        await page.GotoAsync("/admin");
        await BrowserFixture.ScreenshotAsync(page, "tablet-admin-01-home");

        // District flags, with the change history
        await page.GetByRole(AriaRole.Link, new() { Name = "区县与乡镇" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data tbody tr")).ToHaveCountAsync(38);
        await BrowserFixture.ScreenshotAsync(page, "tablet-admin-02-districts");
        await page.GotoAsync("/admin/districts/500233");
        await page.GetByLabel("脱贫地区").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已保存 1 项修改");
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("边远涉农区县、脱贫地区");
        await BrowserFixture.ScreenshotAsync(page, "tablet-admin-03-district-history");

        // Towns: a file with a bad row is refused whole, a good one imported
        await page.GotoAsync("/admin/towns/import");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "towns.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("code,name,areaCode,provinceCode,cityCode\n500233001,\"忠州街道\",500233,50,5002\n500233002,\"\",500233,50,5002\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "检查并导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("text=第 3 行")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "tablet-admin-04-import-errors");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "towns.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("code,name,areaCode,provinceCode,cityCode\n500233001,\"忠州街道\",500233,50,5002\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "检查并导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("text=新增 1")).ToBeVisibleAsync();
        await page.GotoAsync("/districts/500233");
        await Assertions.Expect(page.Locator("text=忠州街道")).ToBeVisibleAsync();

        // Organisation with a member
        await page.GotoAsync("/admin/organizations");
        await page.GetByLabel("机构名称").FillAsync("西南大学");
        await page.GetByLabel("类型", new() { Exact = true }).SelectOptionAsync("university");
        await page.GetByLabel("所在区县").SelectOptionAsync("500109");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("西南大学");
        await page.GetByLabel("添加成员（用户名）").FillAsync("expert");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("expert");
        await BrowserFixture.ScreenshotAsync(page, "tablet-admin-05-organization");

        // Make the editor a district administrator of 彭水
        await page.GotoAsync("/admin/users?q=editor");
        await page.Locator("table.data").GetByRole(AriaRole.Link, new() { Name = "管理" }).First.ClickAsync();
        await page.GetByLabel("区县管理员", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("区县管理员管理的区县").SelectOptionAsync("500243");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存角色" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("角色已保存");
        await page.GotoAsync("/admin/users?role=DistrictAdmin");
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("彭水苗族土家族自治县");
        await BrowserFixture.ScreenshotAsync(page, "tablet-admin-06-users");
    }
}
