using System.Net;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Outreach.Caravans.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Tests.Features.Outreach;

public sealed class CaravanPagesTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    [Fact]
    public async Task PlanForm_WithAPeriodEndingBeforeItBegins_ShowsTheErrorAndStoresNothing()
    {
        using var client = factory.PageClient();
        await client.LoginAsync("admin");
        var before = await factory.QueryAsync(db => db.Set<CaravanPlan>().CountAsync());

        var response = await client.PostFormAsync("/outreach/caravans", [
            new("Input.Name", "倒着的计划"), new("Input.From", "2027-03-31"), new("Input.To", "2027-01-04"), new("Input.Targets", "remote"),
            new("Input.UnitIds", "1"), new("Input.TimeLimitSeconds", "1"),
        ], "/outreach/caravans?handler=plan");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("结束日期不能早于开始日期", html);
        Assert.Contains("value=\"倒着的计划\"", html);
        Assert.Equal(before, await factory.QueryAsync(db => db.Set<CaravanPlan>().CountAsync()));
    }

    [Fact]
    public async Task PlanForm_BuildsAPlan_AndThePlanPageShowsTableAndMap()
    {
        using var client = factory.PageClient();
        await client.LoginAsync("admin");

        var response = await client.PostFormAsync("/outreach/caravans", [
            new("Input.Name", "页面生成的计划"), new("Input.From", "2027-10-04"), new("Input.To", "2027-12-31"), new("Input.Targets", "remote"),
            new("Input.UnitIds", "1"), new("Input.UnitIds", "2"), new("Input.TimeLimitSeconds", "1"),
        ], "/outreach/caravans?handler=plan");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("页面生成的计划", html);
        Assert.Equal(17, html.Split("<tr data-target=").Length - 1);
        Assert.Equal(17, html.Split("<g class=\"stop\">").Length - 1);
        Assert.Contains("<polyline class=\"route\"", html);
    }

    [Fact]
    public async Task Pages_AreForStaffOnly_AndDistrictAdminsSeeNoForms()
    {
        using var citizen = factory.PageClient();
        await citizen.LoginAsync("citizen");
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync("/outreach/caravans")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync("/outreach/coverage")).StatusCode);

        using var district = factory.PageClient();
        await district.LoginAsync("district");
        var html = await district.GetStringAsync("/outreach/caravans");
        Assert.Contains("科普大篷车一号", html);
        Assert.DoesNotContain("生成计划</button>", html);
        var coverage = await district.GetStringAsync("/outreach/coverage");
        Assert.Contains("本区县的乡镇", coverage);
    }
}
