using System.Net;
using System.Net.Http.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Outreach.Venues.Entities;
using Microsoft.EntityFrameworkCore;
using static Kepu.Tests.Features.Outreach.OutreachTownsFixture;

namespace Kepu.Tests.Features.Outreach;

/// <summary>The outreach pages keep what was typed and show the rule next to the form; other districts' managers are turned away.</summary>
public sealed class OutreachPagesTests(OutreachTownsFixture factory) : IClassFixture<OutreachTownsFixture>
{
    private async Task<int> VenueAsync()
    {
        using var district = await factory.ApiClientAsync("district");
        var body = await JsonAsync(await district.PostAsJsonAsync("/api/v1/venues", new
        {
            kind = "field_school", name = "麻旺镇田间学校", districtCode = Youyang, address = "麻旺镇", capacity = 30, contact = "农技站",
            opening = new[] { new { day = 3, open = "09:00", close = "12:00" } },
        }), HttpStatusCode.Created);
        return body.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task BookingForm_OutsideOpeningHours_ShowsTheRule_KeepsTheInput_AndSavesNothing()
    {
        var id = await VenueAsync();
        var client = factory.PageClient();
        await client.LoginAsync("citizen");
        var before = await factory.QueryAsync(db => db.Set<VenueBooking>().CountAsync());
        var response = await client.PostFormAsync($"/venues/{id}", [
            new("Input.Date", Day(Next(DayOfWeek.Wednesday))), new("Input.Start", "13:00"), new("Input.End", "15:00"), new("Input.GroupKind", "community"),
            new("Input.GroupName", "麻旺镇社区老年协会"), new("Input.Size", "20"), new("Input.Contact", "冉主任"), new("Input.Phone", "023-7500 0000"),
        ], $"/venues/{id}?handler=Book");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("开放时间是 09:00–12:00", html, StringComparison.Ordinal);
        Assert.Contains("value=\"麻旺镇社区老年协会\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Set<VenueBooking>().CountAsync()));

        var missing = await client.PostFormAsync($"/venues/{id}", [new("Input.Start", "09:00"), new("Input.End", "10:00")], $"/venues/{id}?handler=Book");
        var text = await missing.Content.ReadAsStringAsync();
        Assert.Contains("请选择参观日期", text, StringComparison.Ordinal);
        Assert.Contains("请填写团体名称", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagePage_IsForTheVenuesDistrictOnly()
    {
        var id = await VenueAsync();
        var own = factory.PageClient();
        await own.LoginAsync("district");
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/venues/{id}/manage")).StatusCode);
        var other = factory.PageClient();
        await other.LoginAsync(WanzhouAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/venues/{id}/manage")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/venues/{id}/edit")).StatusCode);
        var anonymous = factory.PageClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/venues/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/venues/{id}/manage")).StatusCode);
    }

    [Fact]
    public async Task OutreachPages_Render_ForTheirPeople()
    {
        var district = factory.PageClient();
        await district.LoginAsync("district");
        foreach (var path in new[] { "/venues", "/venues/new", "/venues/bookings", "/outreach/envoys", "/outreach/envoys/logs", "/outreach/volunteers",
                     "/outreach/volunteers/review" })
        {
            var response = await district.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }

        var envoys = await district.GetStringAsync("/outreach/envoys");
        Assert.Contains("派驻科技特派员", envoys, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheOutreachApi()
    {
        using var client = factory.CreateClient();
        var paths = (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/v1/venues", "/api/v1/venues/{id}/bookings", "/api/v1/venues/open-days/{id}/registrations", "/api/v1/envoys",
                     "/api/v1/envoys/{id}/logs", "/api/v1/volunteers/me", "/api/v1/volunteers/hours/{id}/confirm" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }
}
