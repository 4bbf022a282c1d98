using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Notifications.Entities;
using Kepu.Web.Features.Outreach.Events.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Outreach;

/// <summary>Events: who may publish where, the waitlist and its promotion, racing for the last seat, QR check-in, the report, iCalendar.</summary>
public sealed class EventsApiTests(OutreachFixture factory) : IClassFixture<OutreachFixture>
{
    private object Event(string title, int capacity = 30, string district = "500242", int days = 7) => new
    {
        kind = "lecture",
        title,
        description = "识别电信诈骗的常见套路。",
        district,
        place = "桃花源街道文化活动中心",
        audiences = new[] { "elderly", "farmers" },
        startsAt = factory.BeijingAt(days, 9),
        endsAt = factory.BeijingAt(days, 11),
        capacity,
    };

    private async Task<JsonElement> CreateAsync(object body, string user = "district")
    {
        using var client = await factory.ApiClientAsync(user);
        var response = await client.PostAsJsonAsync("/api/v1/events", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<int> CountEventsAsync(string title) => factory.QueryAsync(db => db.Set<OutreachEvent>().CountAsync(e => e.Title == title));

    [Fact]
    public async Task Publishing_IsCheckedForRoleDistrictAndInput_AndRefusalsWriteNothing()
    {
        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsJsonAsync("/api/v1/events", Event("公民不能发布的活动"))).StatusCode);

        using var district = await factory.ApiClientAsync("district");
        var elsewhere = await district.PostAsJsonAsync("/api/v1/events", Event("酉阳管理员在万州发布", district: "500101"));
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Contains("本区县", (await elsewhere.ProblemAsync()).GetProperty("detail").GetString());

        var bad = await district.PostAsJsonAsync("/api/v1/events", new { kind = "party", title = "坏", district = "500242", place = "", capacity = 0, venueId = 999_999, startsAt = factory.BeijingAt(3, 11), endsAt = factory.BeijingAt(3, 9) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "kind", "title", "place", "capacity", "endsAt", "venueId" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal(0, await CountEventsAsync("公民不能发布的活动") + await CountEventsAsync("酉阳管理员在万州发布") + await CountEventsAsync("坏"));
    }

    [Fact]
    public async Task FullEvent_Waitlists_AndACancellationPromotesTheFirstInLine_WhoIsTold()
    {
        var e = await CreateAsync(Event("候补测试：防诈骗讲座", capacity: 2));
        var id = e.GetProperty("id").GetInt32();
        var people = new List<HttpClient>();
        var statuses = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            var client = await factory.NewCitizenAsync("waitlist");
            people.Add(client);
            var response = await client.PostAsync($"/api/v1/events/{id}/registrations", null);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            statuses.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        Assert.Equal(["registered", "registered", "waitlisted", "waitlisted"], statuses.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(2, statuses[3].GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await people[0].PostAsync($"/api/v1/events/{id}/registrations", null)).StatusCode);

        // The second person gives up their seat: the first on the waitlist (person 3) gets it, person 4 moves up.
        Assert.Equal(HttpStatusCode.OK, (await people[1].DeleteAsync($"/api/v1/events/{id}/registrations/me")).StatusCode);
        var third = await people[2].GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/registrations/me");
        Assert.Equal("registered", third.GetProperty("status").GetString());
        Assert.True(third.TryGetProperty("promotedAt", out var promoted) && promoted.ValueKind == JsonValueKind.String);
        var fourth = await people[3].GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/registrations/me");
        Assert.Equal(1, fourth.GetProperty("waitlistPosition").GetInt32());

        var messages = await people[2].GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains(messages.EnumerateArray(), m => m.GetProperty("title").GetString()!.Contains("候补转正") && m.GetProperty("link").GetString() == $"/events/{id}");
        Assert.Empty((await people[3].GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray());

        var view = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}");
        Assert.Equal(2, view.GetProperty("registered").GetInt32());
        Assert.Equal(1, view.GetProperty("waitlisted").GetInt32());

        // A waitlisted person leaving frees no seat and promotes nobody.
        Assert.Equal(HttpStatusCode.OK, (await people[3].DeleteAsync($"/api/v1/events/{id}/registrations/me")).StatusCode);
        view = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}");
        Assert.Equal((2, 0), (view.GetProperty("registered").GetInt32(), view.GetProperty("waitlisted").GetInt32()));
        foreach (var p in people)
        {
            p.Dispose();
        }
    }

    [Fact]
    public async Task TwelvePeopleRacingForFiveSeats_GetFiveSeatsAndSevenWaitlistPlaces()
    {
        var e = await CreateAsync(Event("抢名额测试：科普大讲堂", capacity: 5));
        var id = e.GetProperty("id").GetInt32();
        var people = new List<HttpClient>();
        for (var i = 0; i < 12; i++)
        {
            people.Add(await factory.NewCitizenAsync("race"));
        }

        var responses = await Task.WhenAll(people.Select(p => p.PostAsync($"/api/v1/events/{id}/registrations", null)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var statuses = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()));
        Assert.Equal(5, statuses.Count(s => s == "registered"));
        Assert.Equal(7, statuses.Count(s => s == "waitlisted"));
        var stored = await factory.QueryAsync(db => db.Set<EventRegistration>().Where(r => r.EventId == id).GroupBy(r => r.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync());
        Assert.Equal(5, stored.Single(s => s.Key == "registered").N);
        Assert.Equal(7, stored.Single(s => s.Key == "waitlisted").N);
        foreach (var p in people)
        {
            p.Dispose();
        }
    }

    [Fact]
    public async Task CheckIn_NeedsTheVenueCode_AndTheEventWindow_ThenTheReportCountsWhoCame()
    {
        var e = await CreateAsync(Event("签到测试：田间学校", capacity: 1, days: 2));
        var id = e.GetProperty("id").GetInt32();
        var seatedName = await factory.NewCitizenNameAsync("checkin");
        var waitingName = await factory.NewCitizenNameAsync("checkin");
        var seated = await factory.ApiClientAsync(seatedName, OutreachFixture.Password);
        var waiting = await factory.ApiClientAsync(waitingName, OutreachFixture.Password);
        await seated.PostAsync($"/api/v1/events/{id}/registrations", null);
        await waiting.PostAsync($"/api/v1/events/{id}/registrations", null);
        var secret = await factory.QueryAsync(db => db.Set<OutreachEvent>().Where(x => x.Id == id).Select(x => x.CheckInSecret).SingleAsync());

        var district = await factory.ApiClientAsync("district");
        var early = await district.PostAsJsonAsync($"/api/v1/events/{id}/report", new { summary = "活动还没开始就写总结，应该被拒绝。" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        var tooSoon = await seated.PostAsJsonAsync($"/api/v1/events/{id}/checkin", new { secret });
        Assert.Equal(HttpStatusCode.Conflict, tooSoon.StatusCode);
        Assert.Contains("签到时间", (await tooSoon.ProblemAsync()).GetProperty("detail").GetString());

        var start = DateTimeOffset.Parse(factory.BeijingAt(2, 9), System.Globalization.CultureInfo.InvariantCulture);
        factory.Clock.SetUtcNow(start.AddMinutes(-30));
        seated = await factory.ApiClientAsync(seatedName, OutreachFixture.Password); // tokens expire as the clock moves
        waiting = await factory.ApiClientAsync(waitingName, OutreachFixture.Password);
        Assert.Equal(HttpStatusCode.Conflict, (await seated.PostAsJsonAsync($"/api/v1/events/{id}/checkin", new { secret = "wrong" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await waiting.PostAsJsonAsync($"/api/v1/events/{id}/checkin", new { secret })).StatusCode);
        var ok = await seated.PostAsJsonAsync($"/api/v1/events/{id}/checkin", new { secret });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await seated.PostAsJsonAsync($"/api/v1/events/{id}/checkin", new { secret })).StatusCode);

        factory.Clock.SetUtcNow(start.AddHours(3));
        district = await factory.ApiClientAsync("district");
        var report = await district.PostAsJsonAsync($"/api/v1/events/{id}/report", new { summary = "村民踊跃提问，现场演示了识别诈骗短信。" });
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var view = await report.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, view.GetProperty("checkedIn").GetInt32());
        Assert.Equal(1, view.GetProperty("report").GetProperty("attendance").GetInt32());

        // The district's activity table counts the event and who came, in the district's own row (no town was given).
        var activity = await district.GetFromJsonAsync<JsonElement>("/api/v1/outreach/districts/500242/activity");
        var own = activity.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "500242");
        Assert.True(own.GetProperty("total").GetProperty("events").GetInt32() >= 1);
        Assert.True(own.GetProperty("total").GetProperty("participants").GetInt32() >= 1);
        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/outreach/districts/500242/activity")).StatusCode);
    }

    [Fact]
    public async Task Calendar_FiltersByDistrict_AndExportsICalendar()
    {
        var e = await CreateAsync(Event("日历测试：健康大讲堂", days: 10));
        var id = e.GetProperty("id").GetInt32();
        using var client = factory.CreateClient();
        var inYouyang = await client.GetFromJsonAsync<JsonElement>("/api/v1/events?district=500242");
        Assert.Contains(inYouyang.EnumerateArray(), x => x.GetProperty("id").GetInt32() == id);
        var inWanzhou = await client.GetFromJsonAsync<JsonElement>("/api/v1/events?district=500101");
        Assert.DoesNotContain(inWanzhou.EnumerateArray(), x => x.GetProperty("id").GetInt32() == id);

        var file = await client.GetAsync($"/events/{id}.ics");
        Assert.Equal("text/calendar", file.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await file.Content.ReadAsStringAsync())!;
        var ev = Assert.Single(calendar.Events);
        Assert.Equal("日历测试：健康大讲堂", ev.Summary);
        Assert.Equal(DateTimeOffset.Parse(factory.BeijingAt(10, 9), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, ev.DtStart!.AsUtc);
        Assert.Contains("/events/" + id, ev.Url!.ToString());

        var feed = Ical.Net.Calendar.Load(await client.GetStringAsync("/events/calendar.ics?district=500242"))!;
        Assert.Contains(feed.Events, x => x.Uid == $"event-{id}@kepu.cq");
    }

    [Fact]
    public async Task Notifications_AreOnlyForTheirOwner()
    {
        var userId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "citizen").Select(u => u.Id).SingleAsync());
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Kepu.Web.Infrastructure.Data.AppDbContext>();
            db.Add(new Notification(userId, "测试消息", "只给万州老人", "/events", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        using var citizen = await factory.ApiClientAsync("citizen");
        using var expert = await factory.ApiClientAsync("expert");
        Assert.Contains((await citizen.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray(), m => m.GetProperty("title").GetString() == "测试消息");
        Assert.DoesNotContain((await expert.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray(), m => m.GetProperty("title").GetString() == "测试消息");
    }
}
