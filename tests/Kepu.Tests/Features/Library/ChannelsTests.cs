using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Library;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Library;

public sealed class ChannelsFixture : KepuFactory, IAsyncLifetime
{
    public int Elder { get; private set; }
    public int Worker { get; private set; }
    public int Farmer { get; private set; }

    public async Task InitializeAsync()
    {
        Elder = await this.PublishAsync("老人冬季防跌倒", "雨雪天路滑，老人出门要穿防滑鞋。", "## 要点\n\n- 穿防滑鞋\n- 走路慢一点\n- 夜里起床先开灯", ["elderly"], ["体育锻炼"], elderFriendly: true);
        Worker = await this.PublishAsync("有限空间作业先通风", "先通风、再检测、后作业，严禁盲目施救。", "下水道、化粪池等有限空间可能缺氧或有有毒气体。作业前必须通风并检测气体。", ["workers"], ["安全生产"]);
        Farmer = await this.PublishAsync("柑橘冬季清园", "冬季清园可以减少来年病虫害。", "采果后剪除病虫枝，清扫落叶烂果，集中处理。", ["farmers"], ["农业实用技术"]);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class ChannelsTests(ChannelsFixture factory) : IClassFixture<ChannelsFixture>
{
    [Fact]
    public async Task Rss_IsValidRss20_AndFiltersByAudienceAndTopic()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/feeds/rss");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var all = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", all.Root!.Attribute("version")!.Value);
        Assert.Equal(3, all.Descendants("item").Count());
        Assert.All(all.Descendants("item"), i =>
        {
            Assert.False(string.IsNullOrEmpty(i.Element("title")?.Value));
            Assert.StartsWith("http", i.Element("link")!.Value);
            Assert.EndsWith("GMT", i.Element("pubDate")!.Value);
        });

        var elderly = XDocument.Parse(await client.GetStringAsync("/feeds/rss?audience=elderly"));
        Assert.Equal(["老人冬季防跌倒"], elderly.Descendants("item").Select(i => i.Element("title")!.Value).ToArray());
        Assert.Contains("老年人", elderly.Root!.Element("channel")!.Element("title")!.Value);

        var safety = XDocument.Parse(await client.GetStringAsync("/feeds/rss?topic=" + Uri.EscapeDataString("安全")));
        Assert.Equal(["有限空间作业先通风"], safety.Descendants("item").Select(i => i.Element("title")!.Value).ToArray());
    }

    [Fact]
    public async Task QrCode_AndPoster_ForPublishedItems_404ForOthers()
    {
        using var client = factory.CreateClient();
        var qr = await client.GetAsync($"/contents/{factory.Elder}/qr.svg");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());

        var poster = await client.GetStringAsync($"/contents/{factory.Elder}/poster");
        Assert.Contains("老人冬季防跌倒", poster);
        Assert.Contains("<svg", poster);
        Assert.Contains("穿防滑鞋", poster);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/contents/999999/qr.svg")).StatusCode);
    }

    [Fact]
    public async Task Screens_EditorBuildsAPlaylist_ThatPlaysInOrder()
    {
        using var editor = await factory.ApiClientAsync("editor");
        var created = await editor.PostAsJsonAsync("/api/v1/screens", new { name = "测试车载屏", districts = new[] { "500242" }, items = new[] { factory.Worker, factory.Elder }, secondsPerItem = 10 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var anonymous = factory.CreateClient();
        var playlist = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/screens/{id}/playlist");
        Assert.Equal(10, playlist.GetProperty("secondsPerItem").GetInt32());
        Assert.Equal([factory.Worker, factory.Elder], playlist.GetProperty("slides").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToArray());
        Assert.Equal(["穿防滑鞋", "走路慢一点", "夜里起床先开灯"], playlist.GetProperty("slides")[1].GetProperty("points").EnumerateArray().Select(p => p.GetString()!).ToArray());

        Assert.Contains("有限空间作业先通风", await anonymous.GetStringAsync($"/screens/{id}"));
        Assert.Contains("老人冬季防跌倒", await anonymous.GetStringAsync($"/screens/{id}?i=1"));
        Assert.Contains("有限空间作业先通风", await anonymous.GetStringAsync($"/screens/{id}?i=2"));
    }

    [Fact]
    public async Task Screens_BadInput_Is400_AndNonEditor_Is403()
    {
        using var editor = await factory.ApiClientAsync("editor");
        var empty = await editor.PostAsJsonAsync("/api/v1/screens", new { name = "空列表", items = Array.Empty<int>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.ProblemAsync()).GetProperty("errors").TryGetProperty("items", out _));
        var slow = await editor.PostAsJsonAsync("/api/v1/screens", new { name = "太慢", items = new[] { factory.Elder }, secondsPerItem = 3600 });
        Assert.Equal(HttpStatusCode.BadRequest, slow.StatusCode);

        using var org = await factory.ApiClientAsync("org");
        Assert.Equal(HttpStatusCode.Forbidden, (await org.PostAsJsonAsync("/api/v1/screens", new { name = "机构屏", items = new[] { factory.Elder } })).StatusCode);
    }

    [Fact]
    public async Task Campaign_LiftsItsItems_ForThePeopleItTargets_AndShowsABanner()
    {
        using var editor = await factory.ApiClientAsync("editor");
        var bad = await editor.PostAsJsonAsync("/api/v1/campaigns", new { name = "倒着的专题", banner = "时间倒了的专题", startsAt = DateTime.UtcNow, endsAt = DateTime.UtcNow.AddDays(-1), items = new[] { factory.Farmer } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var created = await editor.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = "冬季农事专题", banner = "冬季清园正当时", startsAt = DateTime.UtcNow.AddHours(-1), endsAt = DateTime.UtcNow.AddDays(7),
            audiences = new[] { "farmers", "elderly" }, items = new[] { factory.Farmer },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        factory.Services.GetRequiredService<ContentCatalog>().Invalidate();

        using var anonymous = factory.CreateClient();
        var elderly = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/feed?audience=elderly");
        Assert.Equal("冬季农事专题", elderly.GetProperty("campaigns")[0].GetProperty("name").GetString());
        var farmerCard = elderly.GetProperty("items").EnumerateArray().First(i => i.GetProperty("id").GetInt32() == factory.Farmer);
        Assert.Contains("专题：冬季农事专题", farmerCard.GetProperty("reason").GetString());

        var workers = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/feed?audience=workers");
        Assert.Equal(0, workers.GetProperty("campaigns").GetArrayLength());
        Assert.Contains("冬季清园正当时", await anonymous.GetStringAsync("/?audience=elderly"));
    }
}
