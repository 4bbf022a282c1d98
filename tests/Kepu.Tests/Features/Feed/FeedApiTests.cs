using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Library;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Feed;

public sealed class FeedFixture : KepuFactory, IAsyncLifetime
{
    public int Youyang { get; private set; }
    public int Wanzhou { get; private set; }
    public int Workers { get; private set; }
    public int Elderly { get; private set; }

    public async Task InitializeAsync()
    {
        Youyang = await this.PublishAsync("酉阳山区老人冬季取暖安全", "烧炭取暖要开窗通风，谨防一氧化碳中毒。", "冬季山区气温低，很多老人烧炭取暖。门窗紧闭时容易一氧化碳中毒。要留缝通风，安装报警器。", ["elderly"], ["应急避险"], ["500242"], elderFriendly: true);
        Wanzhou = await this.PublishAsync("万州江边防溺水", "汛期江水上涨，不到江边游泳。", "三峡库区汛期水位变化大，江边湿滑，不要下水游泳，看到有人落水要大声呼救并报警。", ["elderly", "youth"], ["防灾减灾"], ["500101"]);
        Workers = await this.PublishAsync("高温天车间防中暑", "高温作业要多喝淡盐水、勤休息。", "重庆夏季高温，车间温度高。工友要多喝淡盐水，出现头晕乏力要立即到阴凉处休息。", ["workers"], ["安全生产"]);
        Elderly = await this.PublishAsync("老人如何看懂药品说明书", "先看适应症和用法用量，再看禁忌。", "药品说明书字小内容多。老人可以先看适应症、用法用量和禁忌，拿不准就问医生或药师。", ["elderly"], ["合理用药"], elderFriendly: true);
        Services.GetRequiredService<ContentCatalog>().Invalidate();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class FeedApiTests(FeedFixture factory) : IClassFixture<FeedFixture>
{
    private static int[] Ids(JsonElement feed) => feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray();

    [Fact]
    public async Task Anonymous_ChoosesAudienceAndDistrict_AndEveryCardSaysWhy()
    {
        using var client = factory.CreateClient();
        var feed = await client.GetFromJsonAsync<JsonElement>("/api/v1/feed?audience=elderly&district=500242");
        var ids = Ids(feed);

        Assert.Equal(factory.Youyang, ids[0]);
        Assert.DoesNotContain(factory.Wanzhou, ids);
        Assert.True(Array.IndexOf(ids, factory.Elderly) < Array.IndexOf(ids, factory.Workers));
        Assert.All(feed.GetProperty("items").EnumerateArray(), card => Assert.False(string.IsNullOrWhiteSpace(card.GetProperty("reason").GetString())));
        Assert.Contains("本地内容", feed.GetProperty("items")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task SignedIn_UsesTheProfile_AndFinishedItemsSink()
    {
        // citizen: 老年人 in 万州区 (500101)
        using var citizen = await factory.ApiClientAsync("citizen");
        var before = Ids(await citizen.GetFromJsonAsync<JsonElement>("/api/v1/feed"));
        Assert.Equal(factory.Wanzhou, before[0]);
        Assert.DoesNotContain(factory.Youyang, before);

        Assert.Equal(HttpStatusCode.NoContent, (await citizen.PostAsync($"/api/v1/contents/{factory.Wanzhou}/finish", null)).StatusCode);
        factory.Services.GetRequiredService<ContentCatalog>().Invalidate();
        var after = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/feed");
        Assert.Equal(factory.Wanzhou, Ids(after)[^1]);
        Assert.Contains("已读完", after.GetProperty("items").EnumerateArray().Last().GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Finish_WithoutToken_Is401_AndUnknownItem_Is404()
    {
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/v1/contents/{factory.Elderly}/finish", null)).StatusCode);
        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostAsync("/api/v1/contents/999999/finish", null)).StatusCode);
    }
}
