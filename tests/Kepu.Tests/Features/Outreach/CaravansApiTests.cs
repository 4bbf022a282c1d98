using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Outreach.Caravans.Entities;
using Kepu.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kepu.Tests.Features.Outreach;

/// <summary>A host on a clock the tests move: stops can only be marked done once their day has come.</summary>
public sealed class CaravanFactory : KepuFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 7, 5, 2, 0, 0, TimeSpan.Zero)); // a Monday, 10:00 in Beijing

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class CaravansApiTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    private static readonly string[] RemoteDistricts =
    [
        "500101", "500154", "500155", "500229", "500230", "500231", "500233", "500235", "500236", "500237", "500238",
        "500114", "500156", "500240", "500241", "500242", "500243",
    ];

    /// <summary>Units of the test's own, so plans of different tests never share a unit's days.</summary>
    internal static async Task<int[]> UnitsAsync(HttpClient admin, string prefix, params string[] homes)
    {
        var ids = new List<int>();
        foreach (var (home, i) in homes.Select((h, i) => (h, i)))
        {
            var response = await admin.PostAsJsonAsync("/api/v1/caravans/units", new { name = $"{prefix}{i + 1}号", kind = "caravan", homeDistrictCode = home });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        }

        return [.. ids];
    }

    internal static object Plan(string name, int[] units, string from = "2027-01-04", string to = "2027-03-31", string targets = "remote",
        string[]? districts = null) =>
        new { name, from, to, targets, unitIds = units, districts, timeLimitSeconds = 1 };

    private Task<int> PlanCountAsync() => factory.QueryAsync(db => db.Set<CaravanPlan>().CountAsync());

    [Fact]
    public async Task Citizens_AreForbidden_AndDistrictAdminsMayLookButNotManage()
    {
        using var anonymous = factory.CreateClient();
        using var citizen = await factory.ApiClientAsync("citizen");
        using var district = await factory.ApiClientAsync("district");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/caravans/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/caravans/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/caravans/coverage")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync("/api/v1/caravans/units")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync("/api/v1/caravans/plans")).StatusCode);
        var create = await district.PostAsJsonAsync("/api/v1/caravans/units", new { name = "区县自建车", homeDistrictCode = "500242" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsJsonAsync("/api/v1/caravans/plans", Plan("区县计划", [1]))).StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Set<CaravanUnit>().AnyAsync(u => u.Name == "区县自建车")));
    }

    [Fact]
    public async Task BadUnit_Is400WithChineseFieldErrors_AndStoresNothing()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var before = await factory.QueryAsync(db => db.Set<CaravanUnit>().CountAsync());

        var response = await admin.PostAsJsonAsync("/api/v1/caravans/units", new { name = " ", kind = "truck", homeDistrictCode = "999999", workingDays = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.Contains("名称", errors.GetProperty("name")[0].GetString());
        Assert.Contains("类型", errors.GetProperty("kind")[0].GetString());
        Assert.Contains("区县", errors.GetProperty("homeDistrictCode")[0].GetString());
        Assert.Contains("工作日", errors.GetProperty("workingDays")[0].GetString());
        Assert.Equal(before, await factory.QueryAsync(db => db.Set<CaravanUnit>().CountAsync()));
    }

    [Fact]
    public async Task BadPlanRequests_Are400_AndStoreNothing()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var units = await UnitsAsync(admin, "校验车", "500105");
        var before = await PlanCountAsync();

        var backwards = await admin.PostAsJsonAsync("/api/v1/caravans/plans", Plan("倒着的计划", units, "2027-03-31", "2027-01-04"));
        var past = await admin.PostAsJsonAsync("/api/v1/caravans/plans", Plan("过去的计划", units, "2026-01-05", "2026-03-31"));
        var noUnits = await admin.PostAsJsonAsync("/api/v1/caravans/plans", Plan("没有车", [], targets: "villages"));

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("不能早于开始日期", (await backwards.ProblemAsync()).GetProperty("errors").GetProperty("to")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("今天", (await past.ProblemAsync()).GetProperty("errors").GetProperty("from")[0].GetString());
        var errors = (await noUnits.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("unitIds", out _));
        Assert.True(errors.TryGetProperty("targets", out _));
        Assert.Equal(before, await PlanCountAsync());
    }

    [Fact]
    public async Task QuarterPlan_VisitsEveryRemoteDistrict_OnWorkingDays_AndExports()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var units = await UnitsAsync(admin, "季度车", "500105", "500101", "500114");

        var response = await admin.PostAsJsonAsync("/api/v1/caravans/plans", Plan("2027 年一季度", units));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", plan.GetProperty("status").GetString());
        Assert.Equal(0, plan.GetProperty("unplanned").GetArrayLength());
        var stops = plan.GetProperty("stops").EnumerateArray().ToList();
        Assert.Equal(RemoteDistricts.Order(StringComparer.Ordinal), stops.Select(s => s.GetProperty("targetCode").GetString()!).Order(StringComparer.Ordinal));
        var days = stops.SelectMany(s => s.GetProperty("dates").EnumerateArray().Select(d => (Unit: s.GetProperty("unitId").GetInt32(), Day: DateOnly.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        Assert.Equal(days.Count, days.Distinct().Count());
        Assert.All(days, d => Assert.InRange(d.Day, new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 31)));
        Assert.All(days, d => Assert.True(d.Day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));
        Assert.All(days, d => Assert.False(Kepu.Web.Features.Outreach.Caravans.Planning.PublicHolidays.Contains(d.Day), $"{d.Day} is a public holiday"));
        Assert.Equal(2 * RemoteDistricts.Length, days.Count); // two days at each district by default
        Assert.True(plan.GetProperty("lowerBoundKm").GetDouble() <= plan.GetProperty("travelKm").GetDouble());
        var id = plan.GetProperty("id").GetInt32();

        var xlsx = await admin.GetAsync($"/api/v1/caravans/plans/{id}/plan.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal([0x50, 0x4B], (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        var ics = await admin.GetAsync($"/api/v1/caravans/plans/{id}/plan.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var calendar = await ics.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", calendar, StringComparison.Ordinal);
        Assert.Equal(stops.Count, calendar.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART;VALUE=DATE:", calendar, StringComparison.Ordinal);
        Assert.Contains("酉阳土家族苗族自治县", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdoptingAClashingPlan_Is409_AndChangesNothing_WhileANewPlanAvoidsBookedDays()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var units = await UnitsAsync(admin, "冲突车", "500105", "500114");
        var first = await CreateAsync(admin, Plan("先采用的计划", units, "2027-04-05", "2027-06-30"));
        var second = await CreateAsync(admin, Plan("同期的另一个计划", units, "2027-04-05", "2027-06-30"));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/caravans/plans/{first}/adopt", null)).StatusCode);
        var clash = await admin.PostAsync($"/api/v1/caravans/plans/{second}/adopt", null);

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("冲突", (await clash.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(PlanStates.Draft, await factory.QueryAsync(db => db.Set<CaravanPlan>().Where(p => p.Id == second).Select(p => p.Status).SingleAsync()));
        Assert.False(await factory.QueryAsync(db => db.Set<CaravanVisit>().AnyAsync(v => v.PlanId == second && v.BookedDay != null)));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/caravans/plans/{first}/adopt", null)).StatusCode);

        // Planned after the first was adopted, a plan uses the days left and can be adopted too.
        var third = await CreateAsync(admin, Plan("补充计划", units, "2027-04-05", "2027-06-30"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/caravans/plans/{third}/adopt", null)).StatusCode);
        var booked = await factory.QueryAsync(db => db.Set<CaravanVisit>().Where(v => units.Contains(v.UnitId) && v.BookedDay != null)
            .Select(v => new { v.UnitId, v.BookedDay }).ToListAsync());
        Assert.Equal(booked.Count, booked.Distinct().Count());
        Assert.Equal(4 * RemoteDistricts.Length, booked.Count);
    }

    [Fact]
    public async Task TargetSettings_AreChecked_AndAnEnteredLastVisitCountsForCoverage()
    {
        using var admin = await factory.ApiClientAsync("admin");

        var bad = await admin.PutAsJsonAsync("/api/v1/caravans/targets/500238", new { daysPerStop = 0, lastVisit = "2030-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("daysPerStop", out _));
        Assert.True(errors.TryGetProperty("lastVisit", out _));
        Assert.False(await factory.QueryAsync(db => db.Set<CaravanTargetSetting>().AnyAsync(s => s.Code == "500238")));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/caravans/targets/500103", new { daysPerStop = 1 })).StatusCode); // 渝中区 is not remote

        var ok = await admin.PutAsJsonAsync("/api/v1/caravans/targets/500238", new { daysPerStop = 3, priority = false, lastVisit = "2026-10-20" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var target = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, target.GetProperty("daysPerStop").GetInt32());
        Assert.False(target.GetProperty("priority").GetBoolean()); // 巫溪 is a former poverty county, set otherwise by hand
        var coverage = await admin.GetFromJsonAsync<JsonElement>("/api/v1/caravans/coverage");
        Assert.True(coverage.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "500238").GetProperty("covered").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/caravans/targets/500238", new { })).StatusCode); // back to defaults
    }

    [Fact]
    public async Task TownPlans_NeedImportedTowns_ThenVisitEachTownOfTheChosenDistrict()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var units = await UnitsAsync(admin, "乡镇车", "500242");
        var request = Plan("酉阳乡镇", units, "2027-09-06", "2027-12-31", "towns", ["500242"]);
        if (!await factory.QueryAsync(db => db.Set<Kepu.Web.Features.Regions.Entities.Town>().AnyAsync()))
        {
            var none = await admin.PostAsJsonAsync("/api/v1/caravans/plans", request);
            Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
            Assert.Contains("导入乡镇", (await none.ProblemAsync()).GetProperty("detail").GetString());
            await using var scope = factory.Scope();
            await using var file = File.OpenRead(SharedData.Path("chongqing-towns.csv"));
            Assert.True((await scope.ServiceProvider.GetRequiredService<ImportTowns>().HandleAsync(file)).Succeeded);
        }

        var plan = await admin.PostAsJsonAsync("/api/v1/caravans/plans", request);

        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        var body = await plan.Content.ReadFromJsonAsync<JsonElement>();
        var towns = await factory.QueryAsync(db => db.Set<Kepu.Web.Features.Regions.Entities.Town>().Where(t => t.DistrictCode == "500242").Select(t => t.Code).ToListAsync());
        Assert.Equal(towns.Order(StringComparer.Ordinal), body.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("targetCode").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(body.GetProperty("stops").EnumerateArray(), s => Assert.Equal(1, s.GetProperty("dates").GetArrayLength()));
    }

    [Fact]
    public async Task OpenApi_ListsTheCaravanEndpoints()
    {
        using var client = factory.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/caravans/plans", out _));
        Assert.True(paths.TryGetProperty("/api/v1/caravans/plans/{id}/adopt", out _));
        Assert.True(paths.TryGetProperty("/api/v1/caravans/coverage", out _));
    }

    internal static async Task<int> CreateAsync(HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/caravans/plans", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, plan.GetProperty("unplanned").GetArrayLength());
        return plan.GetProperty("id").GetInt32();
    }
}

/// <summary>On a clock of its own that only moves forward: a stop is marked done once its day has come.</summary>
public sealed class CaravanStopTests(CaravanFactory factory) : IClassFixture<CaravanFactory>
{
    private static Task<int[]> UnitsAsync(HttpClient admin, string prefix, params string[] homes) => CaravansApiTests.UnitsAsync(admin, prefix, homes);

    private static object Plan(string name, int[] units, string from, string to, string targets = "remote", string[]? districts = null) =>
        CaravansApiTests.Plan(name, units, from, to, targets, districts);

    private static Task<int> CreateAsync(HttpClient admin, object request) => CaravansApiTests.CreateAsync(admin, request);

    [Fact]
    public async Task Stops_AreDoneOnlyOnceTheirDayHasCome_ByTheirDistrictsAdministrator_AndCountForCoverage()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var units = await UnitsAsync(admin, "酉阳线", "500105"); // from 江北 the first leg takes a travel day: no stop begins on the first day
        var id = await CreateAsync(admin, Plan("酉阳专线", units, "2027-07-05", "2027-07-30", districts: ["500242", "500241"]));
        var plan = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/caravans/plans/{id}");
        var stops = plan.GetProperty("stops").EnumerateArray().ToList();
        var youyang = stops.Single(s => s.GetProperty("targetCode").GetString() == "500242");
        var xiushan = stops.Single(s => s.GetProperty("targetCode").GetString() == "500241");
        var visit = youyang.GetProperty("visitId").GetInt32();

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/caravans/visits/{visit}/done", null)).StatusCode); // not adopted yet
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/caravans/plans/{id}/adopt", null)).StatusCode);
        using (var district = await factory.ApiClientAsync("district"))
        {
            var early = await district.PostAsync($"/api/v1/caravans/visits/{visit}/done", null);
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("还不能标记", (await early.ProblemAsync()).GetProperty("detail").GetString());
            Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsync($"/api/v1/caravans/visits/{xiushan.GetProperty("visitId").GetInt32()}/cancelled", null)).StatusCode);
        }

        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 7, 10, 2, 0, 0, TimeSpan.Zero)); // both stops (five working days at most) have begun
        using var districtLater = await factory.ApiClientAsync("district");
        var done = await districtLater.PostAsync($"/api/v1/caravans/visits/{visit}/done", null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("done", (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await districtLater.PostAsync($"/api/v1/caravans/visits/{visit}/cancelled", null)).StatusCode);

        var coverage = await districtLater.GetFromJsonAsync<JsonElement>("/api/v1/caravans/coverage");
        var row = coverage.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "500242");
        Assert.True(row.GetProperty("covered").GetBoolean());
        Assert.Equal(youyang.GetProperty("dates")[1].GetString(), row.GetProperty("lastVisit").GetString());
        Assert.Equal(17, coverage.GetProperty("districtCount").GetInt32());
        Assert.Equal("500242", coverage.GetProperty("scopeDistrict").GetString());

        // The district's towns × months table counts the stop once, in the district's own row (the target was the district).
        var activity = await districtLater.GetFromJsonAsync<JsonElement>("/api/v1/outreach/districts/500242/activity");
        Assert.Equal(1, activity.GetProperty("total").GetProperty("caravanStops").GetInt32());
        var own = activity.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "500242");
        Assert.Equal(1, own.GetProperty("total").GetProperty("caravanStops").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await districtLater.GetAsync("/api/v1/outreach/districts/500101/activity")).StatusCode);
    }
}
