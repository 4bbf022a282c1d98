using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Outreach.Events.Entities;
using Kepu.Web.Features.Outreach.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Tests.Features.Outreach;

/// <summary>点单: a village orders, experts are proposed with reasons, the district administrator confirms, the lecture happens, the village rates it.</summary>
public sealed class OrdersApiTests(OutreachFixture factory) : IClassFixture<OutreachFixture>
{
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime.AddHours(8));

    private object Order(string name, int fromDays = 3, int toDays = 20, string district = "500242") => new
    {
        kind = "village",
        requesterName = name,
        contact = "023-75551234",
        district,
        place = "村委会二楼会议室",
        topic = "防范电信诈骗",
        audience = "elderly",
        expectedSize = 60,
        from = Today.AddDays(fromDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        to = Today.AddDays(toDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        dialect = "土家语",
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task VillageOrders_ExpertsAreProposedWithReasons_TheDistrictConfirms_AndTheEventAndMessagesFollow()
    {
        using var expert = await factory.ApiClientAsync("expert");
        await JsonAsync(await expert.PutAsJsonAsync("/api/v1/experts/me", new
        {
            homeDistrict = "500114", teams = new[] { "team", "health" }, branch = "公共安全分团", dialects = new[] { "重庆话", "土家语" },
            districtsServed = Array.Empty<string>(), weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, maxPerMonth = 8, bio = "长期在渝东南做防诈骗宣讲。",
        }), HttpStatusCode.OK);

        var villageName = await factory.NewCitizenNameAsync("village");
        var village = await factory.ApiClientAsync(villageName, OutreachFixture.Password);
        var order = await JsonAsync(await village.PostAsJsonAsync("/api/v1/orders", Order("桃花源村村委会")), HttpStatusCode.Created);
        var id = order.GetProperty("id").GetInt32();
        Assert.Equal("open", order.GetProperty("status").GetString());
        Assert.True(order.GetProperty("priority").GetBoolean()); // 酉阳 is a 民族地区 and 革命老区

        var district = await factory.ApiClientAsync("district");
        var proposals = await district.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}/proposals");
        var top = proposals.GetProperty("ranked").EnumerateArray().First(p => p.GetProperty("name").GetString() == "科普专家");
        var reason = top.GetProperty("reason").GetString()!;
        Assert.Contains("公里", reason);
        Assert.Contains("会说土家语", reason);
        Assert.InRange(top.GetProperty("kilometres").GetDouble(), 100, 250); // 黔江 → 酉阳 by road
        var day = DateOnly.Parse(top.GetProperty("freeDays")[0].GetString()!, CultureInfo.InvariantCulture);

        // Another district's administrator, or the orderer, cannot confirm; a day outside the range is refused.
        using var admin = await factory.ApiClientAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await village.PostAsJsonAsync($"/api/v1/orders/{id}/confirm", new { expertId = top.GetProperty("expertId").GetString(), date = day })).StatusCode);
        var outside = await district.PostAsJsonAsync($"/api/v1/orders/{id}/confirm", new { expertId = top.GetProperty("expertId").GetString(), date = Today.AddDays(40) });
        Assert.Equal(HttpStatusCode.Conflict, outside.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<OutreachEvent>().CountAsync(e => e.OrderId == id)));

        var confirmed = await JsonAsync(await district.PostAsJsonAsync($"/api/v1/orders/{id}/confirm",
            new { expertId = top.GetProperty("expertId").GetString(), date = day, startTime = "14:30" }), HttpStatusCode.OK);
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        var eventId = confirmed.GetProperty("eventId").GetInt32();
        var lecture = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/events/{eventId}");
        Assert.Equal("500242", lecture.GetProperty("district").GetString());
        Assert.Equal(60, lecture.GetProperty("capacity").GetInt32());
        Assert.Equal("科普专家", lecture.GetProperty("expertName").GetString());

        Assert.Contains((await expert.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray(),
            m => m.GetProperty("title").GetString() == "新的点单讲座" && m.GetProperty("link").GetString() == $"/events/{eventId}");
        Assert.Contains((await village.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray(), m => m.GetProperty("title").GetString() == "点单已安排");

        // Confirming twice is a conflict; the expert is now busy that day for the next order.
        Assert.Equal(HttpStatusCode.Conflict, (await district.PostAsJsonAsync($"/api/v1/orders/{id}/confirm", new { expertId = top.GetProperty("expertId").GetString(), date = day })).StatusCode);
        var second = await JsonAsync(await village.PostAsJsonAsync("/api/v1/orders", Order("龚滩镇中心小学")), HttpStatusCode.Created);
        var busy = await district.PostAsJsonAsync($"/api/v1/orders/{second.GetProperty("id").GetInt32()}/confirm", new { expertId = top.GetProperty("expertId").GetString(), date = day });
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Contains("没有空", (await busy.ProblemAsync()).GetProperty("detail").GetString());

        // Feedback: only after the lecture, only by the orderer, once.
        Assert.Equal(HttpStatusCode.Conflict, (await village.PostAsJsonAsync($"/api/v1/orders/{id}/feedback", new { rating = 5 })).StatusCode);
        factory.Clock.SetUtcNow(new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));
        village = await factory.ApiClientAsync(villageName, OutreachFixture.Password); // tokens expire as the clock moves
        district = await factory.ApiClientAsync("district");
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsJsonAsync($"/api/v1/orders/{id}/feedback", new { rating = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await village.PostAsJsonAsync($"/api/v1/orders/{id}/feedback", new { rating = 9 })).StatusCode);
        var rated = await JsonAsync(await village.PostAsJsonAsync($"/api/v1/orders/{id}/feedback", new { rating = 5, comment = "讲得通俗，老人们都听懂了。" }), HttpStatusCode.OK);
        Assert.Equal("done", rated.GetProperty("status").GetString());
        var pool = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/experts?team=health");
        Assert.Equal(5.0, pool.EnumerateArray().Single(x => x.GetProperty("name").GetString() == "科普专家").GetProperty("rating").GetDouble());
    }

    [Fact]
    public async Task OrdersAreCheckedAndKeptToTheirDistrict()
    {
        using var village = await factory.NewCitizenAsync("wanzhou", "500101");
        var bad = await village.PostAsJsonAsync("/api/v1/orders", new { kind = "farm", requesterName = "", contact = "abc", district = "999999", topic = "炼金术", expectedSize = 1, from = Today.AddDays(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "kind", "requesterName", "contact", "district", "topic", "audience", "expectedSize", "from" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var order = await JsonAsync(await village.PostAsJsonAsync("/api/v1/orders", Order("万州区太白街道社区", district: "500101")), HttpStatusCode.Created);
        var id = order.GetProperty("id").GetInt32();
        using var youyang = await factory.ApiClientAsync("district");
        Assert.Equal(HttpStatusCode.Forbidden, (await youyang.GetAsync($"/api/v1/orders/{id}/proposals")).StatusCode);
        var expertId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "expert").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await youyang.PostAsJsonAsync($"/api/v1/orders/{id}/confirm", new { expertId, date = Today.AddDays(5) })).StatusCode);
        Assert.DoesNotContain((await youyang.GetFromJsonAsync<JsonElement>("/api/v1/orders")).EnumerateArray(), o => o.GetProperty("id").GetInt32() == id);
        using var stranger = await factory.NewCitizenAsync("stranger");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/orders/{id}")).StatusCode);
        Assert.Equal(OrderStatus.Open, await factory.QueryAsync(db => db.Set<LectureOrder>().Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));
    }
}
