using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Outreach.People.Entities;
using Microsoft.EntityFrameworkCore;
using static Kepu.Tests.Features.Outreach.OutreachTownsFixture;

namespace Kepu.Tests.Features.Outreach;

/// <summary>科技特派员 (appointed to towns, logging service there) and volunteers (hours confirmed into 科普工作实绩) through the API.</summary>
public sealed class PeopleApiTests(OutreachTownsFixture factory) : IClassFixture<OutreachTownsFixture>
{
    private Task<int> CountAsync<T>() where T : class => factory.QueryAsync(db => db.Set<T>().CountAsync());

    private static object Appointment(string userName, string district, params string[] towns) => new
    {
        userName,
        districtCode = district,
        specialty = "茶叶栽培与病虫害绿色防控",
        from = Day(Today.AddMonths(-1)),
        to = Day(Today.AddMonths(11)),
        towns = towns.Select((t, i) => new { townCode = t, villages = i == 0 ? new[] { "茶园村", "花园村" } : [] }).ToArray(),
    };

    private static object Log(string town, DateOnly? date = null, decimal hours = 3) => new
    {
        date = Day(date ?? Today.AddDays(-1)),
        townCode = town,
        village = "茶园村",
        kind = "guidance",
        hours,
        served = 18,
        summary = "到茶园指导春季修剪和施肥。",
    };

    [Fact]
    public async Task DistrictAdmin_AppointsEnvoysOnlyInTheirDistrict_ToTownsOfIt()
    {
        await factory.UserAsync("envoy-a", Roles.Expert);
        using var district = await factory.ApiClientAsync("district");
        var before = await CountAsync<Envoy>();
        var other = await ProblemAsync(await district.PostAsJsonAsync("/api/v1/envoys", Appointment("envoy-a", Wanzhou, factory.WanzhouTowns[0])),
            HttpStatusCode.Forbidden);
        Assert.Contains("本区县", other.GetProperty("detail").GetString());
        using var citizen = await factory.ApiClientAsync("citizen");
        await ProblemAsync(await citizen.PostAsJsonAsync("/api/v1/envoys", Appointment("envoy-a", Youyang, factory.YouyangTowns[0])), HttpStatusCode.Forbidden);
        var foreignTown = await ProblemAsync(await district.PostAsJsonAsync("/api/v1/envoys", Appointment("envoy-a", Youyang, factory.YouyangTowns[0],
            factory.WanzhouTowns[0])), HttpStatusCode.BadRequest);
        Assert.Contains("不在本区县", foreignTown.GetProperty("errors").GetProperty("towns")[0].GetString());
        await ProblemAsync(await district.PostAsJsonAsync("/api/v1/envoys", Appointment("nobody-here", Youyang, factory.YouyangTowns[0])), HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountAsync<Envoy>());

        var envoy = await JsonAsync(await district.PostAsJsonAsync("/api/v1/envoys", Appointment("envoy-a", Youyang, factory.YouyangTowns[0], factory.YouyangTowns[1])),
            HttpStatusCode.Created);
        Assert.Equal(2, envoy.GetProperty("towns").GetArrayLength());
        Assert.Equal("茶园村", envoy.GetProperty("towns")[0].GetProperty("villages")[0].GetString());
        Assert.True(envoy.GetProperty("active").GetBoolean());
        await ProblemAsync(await district.PostAsJsonAsync("/api/v1/envoys", Appointment("envoy-a", Youyang, factory.YouyangTowns[2])), HttpStatusCode.Conflict);

        // Another district's administrator cannot change it.
        using var wanzhou = await factory.ApiClientAsync(WanzhouAdmin);
        var id = envoy.GetProperty("id").GetInt32();
        await ProblemAsync(await wanzhou.PutAsJsonAsync($"/api/v1/envoys/{id}", Appointment("envoy-a", Youyang, factory.YouyangTowns[3])), HttpStatusCode.Forbidden);
        var changed = await JsonAsync(await district.PutAsJsonAsync($"/api/v1/envoys/{id}", Appointment("envoy-a", Youyang, factory.YouyangTowns[3])), HttpStatusCode.OK);
        Assert.Equal(factory.YouyangTowns[3], changed.GetProperty("towns")[0].GetProperty("code").GetString());

        using var anonymous = factory.CreateClient();
        var list = await JsonAsync(await anonymous.GetAsync($"/api/v1/envoys?district={Youyang}"), HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task Envoy_LogsServiceOnlyInTheirTowns_AndWithinTheirPeriod()
    {
        await factory.UserAsync("envoy-b", Roles.Expert);
        using var district = await factory.ApiClientAsync("district");
        var envoy = await JsonAsync(await district.PostAsJsonAsync("/api/v1/envoys", Appointment("envoy-b", Youyang, factory.YouyangTowns[4])), HttpStatusCode.Created);
        var id = envoy.GetProperty("id").GetInt32();
        using var me = await factory.ApiClientAsync("envoy-b");
        var log = await JsonAsync(await me.PostAsJsonAsync($"/api/v1/envoys/{id}/logs", Log(factory.YouyangTowns[4])), HttpStatusCode.Created);
        Assert.Equal("技术指导", log.GetProperty("kindLabel").GetString());

        var before = await CountAsync<ServiceLog>();
        var notMine = await ProblemAsync(await me.PostAsJsonAsync($"/api/v1/envoys/{id}/logs", Log(factory.YouyangTowns[5])), HttpStatusCode.Forbidden);
        Assert.Contains("不在您的派驻范围内", notMine.GetProperty("detail").GetString());
        var early = await ProblemAsync(await me.PostAsJsonAsync($"/api/v1/envoys/{id}/logs", Log(factory.YouyangTowns[4], Today.AddMonths(-3))), HttpStatusCode.Conflict);
        Assert.Contains("派驻期内", early.GetProperty("detail").GetString());
        await ProblemAsync(await me.PostAsJsonAsync($"/api/v1/envoys/{id}/logs", Log(factory.YouyangTowns[4], hours: 0.3m)), HttpStatusCode.BadRequest);
        using var someoneElse = await factory.ApiClientAsync("expert");
        await ProblemAsync(await someoneElse.PostAsJsonAsync($"/api/v1/envoys/{id}/logs", Log(factory.YouyangTowns[4])), HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountAsync<ServiceLog>());

        // Who reads the logs: the envoy, the district's administrator; not another district's.
        Assert.Contains((await JsonAsync(await me.GetAsync("/api/v1/envoys/logs"), HttpStatusCode.OK)).EnumerateArray(),
            l => l.GetProperty("id").GetInt32() == log.GetProperty("id").GetInt32());
        Assert.Contains((await JsonAsync(await district.GetAsync("/api/v1/envoys/logs"), HttpStatusCode.OK)).EnumerateArray(),
            l => l.GetProperty("id").GetInt32() == log.GetProperty("id").GetInt32());
        using var wanzhou = await factory.ApiClientAsync(WanzhouAdmin);
        await ProblemAsync(await wanzhou.GetAsync($"/api/v1/envoys/logs?district={Youyang}"), HttpStatusCode.Forbidden);
        await ProblemAsync(await wanzhou.GetAsync($"/api/v1/envoys/logs?envoy={id}"), HttpStatusCode.Forbidden);
        Assert.DoesNotContain((await JsonAsync(await wanzhou.GetAsync("/api/v1/envoys/logs"), HttpStatusCode.OK)).EnumerateArray(),
            l => l.GetProperty("id").GetInt32() == log.GetProperty("id").GetInt32());
    }

    private static object Volunteer(string kind = "senior", string district = Youyang) => new
    {
        kind,
        skills = new[] { "果树栽培", "防范电信诈骗" },
        weekdays = new[] { 2, 4 },
        availability = "上午有空",
        districtCode = district,
        background = "退休前在农技推广站工作",
    };

    private static object Hours(decimal hours = 3, string? district = null, int? organizationId = null) => new
    {
        date = Day(Today.AddDays(-2)),
        hours,
        activity = "社区老年人防范电信诈骗讲解",
        place = "桃花源街道社区活动室",
        districtCode = district,
        organizationId,
        served = 40,
    };

    [Fact]
    public async Task ConfirmedVolunteerHours_BecomeOneApprovedActivity_AndOneLedgerGrant()
    {
        await factory.UserAsync("silver-li");
        using var volunteer = await factory.ApiClientAsync("silver-li");
        await ProblemAsync(await volunteer.PostAsJsonAsync("/api/v1/volunteers/hours", Hours()), HttpStatusCode.Conflict);
        var me = await JsonAsync(await volunteer.PutAsJsonAsync("/api/v1/volunteers/me", Volunteer()), HttpStatusCode.OK);
        Assert.Equal("周二、周四", me.GetProperty("weekdayText").GetString());
        var hours = await JsonAsync(await volunteer.PostAsJsonAsync("/api/v1/volunteers/hours", Hours(3)), HttpStatusCode.Created);
        var id = hours.GetProperty("id").GetInt32();
        Assert.Equal("待确认", hours.GetProperty("stateLabel").GetString());

        // Not the volunteer, not another district's administrator.
        await ProblemAsync(await volunteer.PostAsync($"/api/v1/volunteers/hours/{id}/confirm", null), HttpStatusCode.Forbidden);
        using var wanzhou = await factory.ApiClientAsync(WanzhouAdmin);
        await ProblemAsync(await wanzhou.PostAsync($"/api/v1/volunteers/hours/{id}/confirm", null), HttpStatusCode.Forbidden);
        var (activities, ledger) = (await CountAsync<ScienceActivity>(), await CountAsync<LedgerEntry>());

        using var district = await factory.ApiClientAsync("district");
        var queue = await JsonAsync(await district.GetAsync("/api/v1/volunteers/hours/review"), HttpStatusCode.OK);
        Assert.True(queue.EnumerateArray().Single(h => h.GetProperty("id").GetInt32() == id).GetProperty("canDecide").GetBoolean());
        var confirmed = await JsonAsync(await district.PostAsync($"/api/v1/volunteers/hours/{id}/confirm", null), HttpStatusCode.OK);
        Assert.Equal("已确认", confirmed.GetProperty("stateLabel").GetString());
        Assert.Equal(0.7m, confirmed.GetProperty("credits").GetDecimal());
        var again = await ProblemAsync(await district.PostAsync($"/api/v1/volunteers/hours/{id}/confirm", null), HttpStatusCode.Conflict);
        Assert.Contains("已确认", again.GetProperty("detail").GetString());
        Assert.Equal(activities + 1, await CountAsync<ScienceActivity>());
        Assert.Equal(ledger + 1, await CountAsync<LedgerEntry>());

        // In the volunteer's 我的科普活动 and record, as 志愿服务, approved, with its ledger record.
        var mine = await JsonAsync(await volunteer.GetAsync("/api/v1/learning/activities/mine"), HttpStatusCode.OK);
        var activity = mine.EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == confirmed.GetProperty("activityId").GetInt32());
        Assert.Equal("volunteering", activity.GetProperty("kind").GetString());
        Assert.Equal("已认定", activity.GetProperty("stateLabel").GetString());
        Assert.Equal(3m, activity.GetProperty("grantedHours").GetDecimal());
        Assert.Equal(confirmed.GetProperty("ledgerSequence").GetInt64(), activity.GetProperty("ledgerSequence").GetInt64());
        var entry = await factory.QueryAsync(db => db.Set<LedgerEntry>().SingleAsync(e => e.Sequence == confirmed.GetProperty("ledgerSequence").GetInt64()));
        Assert.Equal(LedgerKinds.CreditGrant, entry.Kind);
        Assert.Equal(3m, (await JsonAsync(await volunteer.GetAsync("/api/v1/volunteers/me"), HttpStatusCode.OK)).GetProperty("confirmedHours").GetDecimal());
    }

    [Fact]
    public async Task TwoConfirmersAtOnce_RecordTheHoursOnce()
    {
        await factory.UserAsync("student-wang");
        using var volunteer = await factory.ApiClientAsync("student-wang");
        await JsonAsync(await volunteer.PutAsJsonAsync("/api/v1/volunteers/me", Volunteer("student")), HttpStatusCode.OK);
        var id = (await JsonAsync(await volunteer.PostAsJsonAsync("/api/v1/volunteers/hours", Hours(2)), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var (activities, ledger) = (await CountAsync<ScienceActivity>(), await CountAsync<LedgerEntry>());
        using var district = await factory.ApiClientAsync("district");
        using var admin = await factory.ApiClientAsync("admin");
        var responses = await Task.WhenAll(district.PostAsync($"/api/v1/volunteers/hours/{id}/confirm", null), admin.PostAsync($"/api/v1/volunteers/hours/{id}/confirm", null));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(activities + 1, await CountAsync<ScienceActivity>());
        Assert.Equal(ledger + 1, await CountAsync<LedgerEntry>());
    }

    [Fact]
    public async Task TheOrganisingOrganisation_ConfirmsInItsName_AndARejectionNeedsAReason()
    {
        var org = await factory.QueryAsync(db => db.Set<Organization>().Where(o => o.Name == Kepu.Web.Features.Accounts.AccountSeeder.DemoOrganization).Select(o => o.Id).SingleAsync());
        await factory.UserAsync("staff-zhao");
        using var volunteer = await factory.ApiClientAsync("staff-zhao");
        await JsonAsync(await volunteer.PutAsJsonAsync("/api/v1/volunteers/me", Volunteer("staff", Wanzhou)), HttpStatusCode.OK);
        var first = (await JsonAsync(await volunteer.PostAsJsonAsync("/api/v1/volunteers/hours", Hours(4, organizationId: org)), HttpStatusCode.Created))
            .GetProperty("id").GetInt32();
        var second = (await JsonAsync(await volunteer.PostAsJsonAsync("/api/v1/volunteers/hours", Hours(1)), HttpStatusCode.Created)).GetProperty("id").GetInt32();

        using var manager = await factory.ApiClientAsync("org");
        var confirmed = await JsonAsync(await manager.PostAsync($"/api/v1/volunteers/hours/{first}/confirm", null), HttpStatusCode.OK);
        Assert.Equal(org, await factory.QueryAsync(db => db.Set<ScienceActivity>().Where(a => a.Id == confirmed.GetProperty("activityId").GetInt32())
            .Select(a => a.OrganizationId).SingleAsync()));
        // The second was not organised by the organisation, and happened in 万州: not the organisation's to decide.
        await ProblemAsync(await manager.PostAsJsonAsync($"/api/v1/volunteers/hours/{second}/reject", new { reason = "不是我们组织的" }), HttpStatusCode.Forbidden);

        using var wanzhou = await factory.ApiClientAsync(WanzhouAdmin);
        var noReason = await ProblemAsync(await wanzhou.PostAsJsonAsync($"/api/v1/volunteers/hours/{second}/reject", new { reason = " " }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        var rejected = await JsonAsync(await wanzhou.PostAsJsonAsync($"/api/v1/volunteers/hours/{second}/reject", new { reason = "当天活动已取消" }), HttpStatusCode.OK);
        Assert.Equal("未确认", rejected.GetProperty("stateLabel").GetString());
        Assert.Null(await factory.QueryAsync(db => db.Set<VolunteerHours>().Where(h => h.Id == second).Select(h => h.ActivityId).SingleAsync()));

        // The volunteer list is for district administrators of that district.
        var list = await JsonAsync(await wanzhou.GetAsync("/api/v1/volunteers?skill=果树"), HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), v => v.GetProperty("name").GetString() == "staff-zhao");
        await ProblemAsync(await wanzhou.GetAsync($"/api/v1/volunteers?district={Youyang}"), HttpStatusCode.Forbidden);
        await ProblemAsync(await volunteer.GetAsync("/api/v1/volunteers"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BadVolunteerInput_IsRefusedFieldByField()
    {
        await factory.UserAsync("careless");
        using var volunteer = await factory.ApiClientAsync("careless");
        var problem = await ProblemAsync(await volunteer.PutAsJsonAsync("/api/v1/volunteers/me", new
        {
            kind = "robot", skills = Array.Empty<string>(), weekdays = new[] { 9 }, districtCode = "999999",
        }), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "kind", "skills", "weekdays", "districtCode" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await volunteer.GetAsync("/api/v1/volunteers/me")).StatusCode);
    }
}
