using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Features.Library;
using Kepu.Tests.Infrastructure;

namespace Kepu.Tests.Features.Outreach;

/// <summary>The demo (Demo:Content): experts with profiles, upcoming events across districts, two open orders whose proposals make sense.</summary>
public sealed class OutreachDemoTests(DemoContentFactory factory) : IClassFixture<DemoContentFactory>
{
    [Fact]
    public async Task Demo_HasExpertsEventsAndOpenOrders_AndTheYouyangOrderProposesTheLocalAntiFraudOfficerFirst()
    {
        using var client = factory.CreateClient();
        var events = await client.GetFromJsonAsync<JsonElement>("/api/v1/events");
        Assert.True(events.GetArrayLength() >= 12);
        Assert.True(events.EnumerateArray().Select(e => e.GetProperty("district").GetString()).Distinct().Count() >= 8);
        var past = await client.GetFromJsonAsync<JsonElement>("/api/v1/events?from=" + DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(past.EnumerateArray(), e => e.GetProperty("report").ValueKind == JsonValueKind.Object);

        var experts = await client.GetFromJsonAsync<JsonElement>("/api/v1/experts");
        Assert.True(experts.EnumerateArray().Count(e => e.GetProperty("hasProfile").GetBoolean()) >= 6);

        using var district = await factory.ApiClientAsync("district");
        var queue = await district.GetFromJsonAsync<JsonElement>("/api/v1/orders?status=open");
        var youyang = Assert.Single(queue.EnumerateArray(), o => o.GetProperty("district").GetString() == "500242");
        var proposals = await district.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{youyang.GetProperty("id").GetInt32()}/proposals");
        var first = proposals.GetProperty("ranked")[0];
        Assert.StartsWith("冉光明", first.GetProperty("name").GetString());
        Assert.Contains("专业对口：防范电信诈骗", first.GetProperty("reason").GetString());
        Assert.Contains("会说土家语", first.GetProperty("reason").GetString());

        using var admin = await factory.ApiClientAsync("admin");
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/orders?status=open")).GetArrayLength());

        foreach (var path in new[] { "/events", "/outreach/experts", "/events/calendar.ics" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, path);
        }

        var html = await client.GetStringAsync("/events?district=500242");
        Assert.Contains("守好养老钱", html);
        Assert.DoesNotContain("流动科技馆巡展·巫溪站", html);
    }
}
