using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.Venues.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kepu.Tests.Features.Outreach.OutreachTownsFixture;

namespace Kepu.Tests.Features.Outreach;

/// <summary>Venues, group bookings within capacity and opening hours, open days with one place each — through the API.</summary>
public sealed class VenuesApiTests(OutreachTownsFixture factory) : IClassFixture<OutreachTownsFixture>
{
    private const string Api = "/api/v1/venues";

    private static object Venue(string name, string district = Youyang, int capacity = 40, int? organizationId = null, object? opening = null) => new
    {
        kind = "courtyard",
        name,
        districtCode = district,
        address = "桃花源街道茶园村 3 组",
        latitude = 28.84,
        longitude = 108.77,
        opening = opening ?? new[] { 1, 2, 3, 4, 5 }.Select(d => new { day = d, open = "09:00", close = "17:00" }).ToArray(),
        hoursNote = "节假日另行通知",
        capacity,
        contact = "田老师 023-7555 0000",
        description = "研究生常驻茶园。",
        organizationId,
    };

    private static object Booking(DateOnly date, string start, string end, int size, string group = "桃花源小学五年级") => new
    {
        date = Day(date),
        start,
        end,
        groupKind = "school",
        groupName = group,
        contact = "田老师",
        phone = "023-7555 0000",
        size,
    };

    private Task<int> CountAsync<T>() where T : class => factory.QueryAsync(db => db.Set<T>().CountAsync());

    private async Task<int> CreateVenueAsync(string name, int capacity = 40)
    {
        using var district = await factory.ApiClientAsync("district");
        var body = await JsonAsync(await district.PostAsJsonAsync(Api, Venue(name, capacity: capacity)), HttpStatusCode.Created);
        return body.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task DistrictAdmin_RegistersAVenueInTheirDistrict_ButNotInAnother()
    {
        using var district = await factory.ApiClientAsync("district");
        var created = await JsonAsync(await district.PostAsJsonAsync(Api, Venue("酉阳茶叶科技小院")), HttpStatusCode.Created);
        Assert.Equal("科技小院", created.GetProperty("kindLabel").GetString());
        Assert.Equal("酉阳土家族苗族自治县", created.GetProperty("districtName").GetString());
        Assert.Equal("09:00", created.GetProperty("opening")[0].GetProperty("open").GetString());
        Assert.True(created.GetProperty("opening")[5].GetProperty("open").ValueKind == JsonValueKind.Null);
        Assert.True(created.GetProperty("canManage").GetBoolean());

        var before = await CountAsync<Venue>();
        var problem = await ProblemAsync(await district.PostAsJsonAsync(Api, Venue("万州某科普基地", Wanzhou)), HttpStatusCode.Forbidden);
        Assert.Contains("本区县", problem.GetProperty("detail").GetString());
        using var citizen = await factory.ApiClientAsync("citizen");
        await ProblemAsync(await citizen.PostAsJsonAsync(Api, Venue("自己登记的场馆")), HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountAsync<Venue>());

        // Editing another district's venue is refused too.
        using var wanzhou = await factory.ApiClientAsync(WanzhouAdmin);
        var id = created.GetProperty("id").GetInt32();
        await ProblemAsync(await wanzhou.PutAsJsonAsync($"{Api}/{id}", Venue("改名", Youyang)), HttpStatusCode.Forbidden);
        Assert.Equal("酉阳茶叶科技小院", (await JsonAsync(await wanzhou.GetAsync($"{Api}/{id}"), HttpStatusCode.OK)).GetProperty("name").GetString());

        // The public list filters by kind and district.
        using var anonymous = factory.CreateClient();
        var list = await JsonAsync(await anonymous.GetAsync($"{Api}?kind=courtyard&district={Youyang}"), HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), v => v.GetProperty("id").GetInt32() == id);
        Assert.DoesNotContain(list.EnumerateArray(), v => v.GetProperty("canManage").GetBoolean());
        Assert.DoesNotContain((await JsonAsync(await anonymous.GetAsync($"{Api}?kind=museum&district={Youyang}"), HttpStatusCode.OK)).EnumerateArray(),
            v => v.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task OrganisationStaff_RegisterTheirOwnOrganisationsVenue_NotAnotherOne()
    {
        var (own, other) = await factory.QueryAsync(async db =>
        {
            var orgs = await db.Set<Organization>().OrderBy(o => o.Id).ToListAsync();
            return (orgs.Single(o => o.Name == AccountSeeder.DemoOrganization).Id, orgs.First(o => o.Name != AccountSeeder.DemoOrganization).Id);
        });
        using var org = await factory.ApiClientAsync("org");
        var created = await JsonAsync(await org.PostAsJsonAsync(Api, Venue("万州三峡科普基地", Wanzhou, organizationId: own)), HttpStatusCode.Created);
        Assert.Equal(AccountSeeder.DemoOrganization, created.GetProperty("organizationName").GetString());
        var before = await CountAsync<Venue>();
        await ProblemAsync(await org.PostAsJsonAsync(Api, Venue("别人的场馆", Wanzhou, organizationId: other)), HttpStatusCode.Forbidden);
        var missing = await ProblemAsync(await org.PostAsJsonAsync(Api, Venue("没写单位", Wanzhou)), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("organizationId", out _));
        Assert.Equal(before, await CountAsync<Venue>());
    }

    [Fact]
    public async Task BadVenueInput_ReportsEveryFieldInChinese_AndSavesNothing()
    {
        using var district = await factory.ApiClientAsync("district");
        var before = await CountAsync<Venue>();
        var problem = await ProblemAsync(await district.PostAsJsonAsync(Api, new
        {
            kind = "zoo",
            name = "<b>x</b>",
            districtCode = Youyang,
            townCode = factory.WanzhouTowns[0],
            address = "",
            latitude = 40.0,
            longitude = 116.0,
            opening = new[] { new { day = 1, open = "18:00", close = "09:00" } },
            capacity = 0,
            contact = "田老师",
        }), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "kind", "name", "townCode", "address", "latitude", "opening", "capacity" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field + " missing in " + errors);
        }

        Assert.Contains("闭馆时间须晚于开放时间", errors.GetProperty("opening")[0].GetString());
        Assert.Equal(before, await CountAsync<Venue>());
    }

    [Fact]
    public async Task Bookings_NeverExceedCapacityAtAnyMoment_AndARefusedOneLeavesNothing()
    {
        var id = await CreateVenueAsync("容量测试科技小院", capacity: 40);
        var monday = Next(DayOfWeek.Monday);
        using var school = await factory.ApiClientAsync("citizen");
        using var other = await factory.ApiClientAsync("expert");
        await factory.UserAsync("company-trip");
        using var company = await factory.ApiClientAsync("company-trip");
        await JsonAsync(await school.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(monday, "09:00", "11:00", 25)), HttpStatusCode.Created);

        // 10:00–12:00 with 20: 45 people between 10 and 11.
        var before = await CountAsync<VenueBooking>();
        var full = await ProblemAsync(await other.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(monday, "10:00", "12:00", 20, "万州社区")), HttpStatusCode.Conflict);
        Assert.Contains("最多只能再接待 15 人", full.GetProperty("detail").GetString());
        Assert.Equal(before, await CountAsync<VenueBooking>());

        // Back to back is fine: the first group has left at 11:00.
        await JsonAsync(await other.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(monday, "11:00", "12:00", 20, "万州社区")), HttpStatusCode.Created);

        // 10:30–11:30: 25 + x before 11, 20 + x after; 16 is one too many, 15 fits exactly.
        await ProblemAsync(await company.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(monday, "10:30", "11:30", 16, "企业参观团")), HttpStatusCode.Conflict);
        await JsonAsync(await company.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(monday, "10:30", "11:30", 15, "企业参观团")), HttpStatusCode.Created);

        // The same group cannot hold two overlapping times.
        var twice = await ProblemAsync(await school.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(monday, "10:00", "10:30", 1)), HttpStatusCode.Conflict);
        Assert.Contains("您已预约了这一天", twice.GetProperty("detail").GetString());

        // A group bigger than the venue holds is told to split.
        var big = await ProblemAsync(await other.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(monday.AddDays(1), "09:00", "10:00", 41)), HttpStatusCode.Conflict);
        Assert.Contains("分批", big.GetProperty("detail").GetString());

        // Cancelling frees the places: 16 more at 09:00–10:00 do not fit beside the school's 25, and do once it cancels.
        var mine = await JsonAsync(await school.GetAsync($"{Api}/bookings/mine"), HttpStatusCode.OK);
        var schoolBooking = mine.EnumerateArray().Single(b => b.GetProperty("venueId").GetInt32() == id).GetProperty("id").GetInt32();
        await ProblemAsync(await company.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(monday, "09:00", "10:00", 16, "临时团体")), HttpStatusCode.Conflict);
        var cancelled = await JsonAsync(await school.PostAsJsonAsync($"{Api}/bookings/{schoolBooking}/cancel", new { reason = "改期" }), HttpStatusCode.OK);
        Assert.Equal("已取消", cancelled.GetProperty("stateLabel").GetString());
        await JsonAsync(await company.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(monday, "09:00", "10:00", 16, "临时团体")), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Bookings_OutsideOpeningHours_OrOnAClosedDay_OrInThePast_AreRefused()
    {
        var id = await CreateVenueAsync("开放时间测试科技小院");
        using var school = await factory.ApiClientAsync("citizen");
        var before = await CountAsync<VenueBooking>();
        var early = await ProblemAsync(await school.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(Next(DayOfWeek.Tuesday), "08:00", "10:00", 10)),
            HttpStatusCode.Conflict);
        Assert.Contains("09:00–17:00", early.GetProperty("detail").GetString());
        var sunday = await ProblemAsync(await school.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(Next(DayOfWeek.Sunday), "10:00", "11:00", 10)),
            HttpStatusCode.Conflict);
        Assert.Contains("周日闭馆", sunday.GetProperty("detail").GetString());
        var past = await ProblemAsync(await school.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(Today, "10:00", "11:00", 10)), HttpStatusCode.BadRequest);
        Assert.True(past.GetProperty("errors").TryGetProperty("date", out _));
        var backwards = await ProblemAsync(await school.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(Next(DayOfWeek.Tuesday), "11:00", "10:00", 10)),
            HttpStatusCode.BadRequest);
        Assert.True(backwards.GetProperty("errors").TryGetProperty("end", out _));
        Assert.Equal(before, await CountAsync<VenueBooking>());
    }

    [Fact]
    public async Task OnlyTheVenuesManagers_ConfirmOrDecline()
    {
        var id = await CreateVenueAsync("确认测试科技小院");
        using var school = await factory.ApiClientAsync("citizen");
        var booking = await JsonAsync(await school.PostAsJsonAsync($"{Api}/{id}/bookings", Booking(Next(DayOfWeek.Wednesday), "09:30", "11:00", 30)),
            HttpStatusCode.Created);
        var bookingId = booking.GetProperty("id").GetInt32();
        Assert.Equal("待确认", booking.GetProperty("stateLabel").GetString());

        await ProblemAsync(await school.PostAsync($"{Api}/bookings/{bookingId}/confirm", null), HttpStatusCode.Forbidden);
        using var wanzhou = await factory.ApiClientAsync(WanzhouAdmin);
        await ProblemAsync(await wanzhou.PostAsync($"{Api}/bookings/{bookingId}/confirm", null), HttpStatusCode.Forbidden);
        await ProblemAsync(await wanzhou.GetAsync($"{Api}/{id}/bookings"), HttpStatusCode.Forbidden);

        using var district = await factory.ApiClientAsync("district");
        var queue = await JsonAsync(await district.GetAsync($"{Api}/{id}/bookings"), HttpStatusCode.OK);
        Assert.True(queue.EnumerateArray().Single(b => b.GetProperty("id").GetInt32() == bookingId).GetProperty("canDecide").GetBoolean());
        var confirmed = await JsonAsync(await district.PostAsync($"{Api}/bookings/{bookingId}/confirm", null), HttpStatusCode.OK);
        Assert.Equal("已确认", confirmed.GetProperty("stateLabel").GetString());
        var again = await ProblemAsync(await district.PostAsJsonAsync($"{Api}/bookings/{bookingId}/decline", new { reason = "满了" }), HttpStatusCode.Conflict);
        Assert.Contains("只有待确认的预约可以婉拒", again.GetProperty("detail").GetString());
        Assert.Equal(BookingStates.Confirmed,
            await factory.QueryAsync(db => db.Set<VenueBooking>().Where(b => b.Id == bookingId).Select(b => b.State).SingleAsync()));
    }

    [Fact]
    public async Task OpenDay_GivesOnePlacePerPerson_AndNoMoreThanItsCapacity_WhenManyAskAtOnce()
    {
        var id = await CreateVenueAsync("开放日测试科技小院");
        using var district = await factory.ApiClientAsync("district");
        var day = await JsonAsync(await district.PostAsJsonAsync($"{Api}/{id}/open-days", new
        {
            title = "茶园开放日",
            date = Day(Next(DayOfWeek.Saturday)),
            start = "09:00",
            end = "12:00",
            capacity = 5,
            note = "请穿防滑鞋",
        }), HttpStatusCode.Created);
        var dayId = day.GetProperty("id").GetInt32();
        await ProblemAsync(await district.PostAsJsonAsync($"{Api}/{id}/open-days", new { title = "太多人", date = Day(Next(DayOfWeek.Saturday)), start = "09:00", end = "12:00", capacity = 41 }),
            HttpStatusCode.BadRequest);

        // Twelve people ask for the five places at the same moment.
        var clients = new List<HttpClient>();
        for (var i = 0; i < 12; i++)
        {
            await factory.UserAsync($"visitor-{i}");
            clients.Add(await factory.ApiClientAsync($"visitor-{i}"));
        }

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"{Api}/open-days/{dayId}/registrations", null)));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("报满", (await ProblemAsync(refused, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(5, await factory.QueryAsync(db => db.Set<OpenDayRegistration>().CountAsync(r => r.OpenDayId == dayId)));
        Assert.Equal(5, await factory.QueryAsync(db => db.Set<OpenDay>().Where(d => d.Id == dayId).Select(d => d.Registered).SingleAsync()));

        // One who got a place gives it back; one who did not takes it; nobody holds two.
        var winner = clients[responses.ToList().FindIndex(r => r.StatusCode == HttpStatusCode.OK)];
        var loser = clients[responses.ToList().FindIndex(r => r.StatusCode == HttpStatusCode.Conflict)];
        var twice = await ProblemAsync(await winner.PostAsync($"{Api}/open-days/{dayId}/registrations", null), HttpStatusCode.Conflict);
        Assert.Contains("每人一个名额", twice.GetProperty("detail").GetString());
        var left = await JsonAsync(await winner.DeleteAsync($"{Api}/open-days/{dayId}/registrations/mine"), HttpStatusCode.OK);
        Assert.Equal(1, left.GetProperty("left").GetInt32());
        var taken = await JsonAsync(await loser.PostAsync($"{Api}/open-days/{dayId}/registrations", null), HttpStatusCode.OK);
        Assert.True(taken.GetProperty("mine").GetBoolean());
        Assert.Equal(0, taken.GetProperty("left").GetInt32());
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }

    [Fact]
    public async Task OpenDay_TheSamePersonAskingTwiceAtOnce_GetsOnePlace()
    {
        var id = await CreateVenueAsync("重复报名测试科技小院");
        using var district = await factory.ApiClientAsync("district");
        var day = await JsonAsync(await district.PostAsJsonAsync($"{Api}/{id}/open-days", new
        {
            title = "重复报名", date = Day(Next(DayOfWeek.Saturday)), start = "09:00", end = "12:00", capacity = 10,
        }), HttpStatusCode.Created);
        var dayId = day.GetProperty("id").GetInt32();
        await factory.UserAsync("eager-visitor");
        using var eager = await factory.ApiClientAsync("eager-visitor");
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => eager.PostAsync($"{Api}/open-days/{dayId}/registrations", null)));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<OpenDay>().Where(d => d.Id == dayId).Select(d => d.Registered).SingleAsync()));
    }
}
