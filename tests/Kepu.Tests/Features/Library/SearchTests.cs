using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Features.Library.Search;
using Kepu.Web.Infrastructure.Cli;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Library;

/// <summary>Items published once for the whole class, then searched many ways.</summary>
public sealed class SearchFixture : KepuFactory, IAsyncLifetime
{
    public int Fraud { get; private set; }
    public int Diet { get; private set; }
    public int Landslide { get; private set; }
    public int Phone { get; private set; }

    public async Task InitializeAsync()
    {
        Fraud = await this.PublishAsync("警惕冒充公检法的电信诈骗", "公检法不会电话办案，更不会让您转账到安全账户。",
            "接到自称公安局的电话，说您涉嫌洗钱，要把钱转到“安全账户”？这是典型的电信诈骗。挂断电话，拨打 110 或 96110 核实。", ["elderly"], ["防范电信诈骗"]);
        Diet = await this.PublishAsync("控盐控油的家常做法", "每天食盐不超过 5 克，烹调油 25 到 30 克。",
            "按照中国居民膳食指南，成年人每天食盐不超过 5 克。用限盐勺，少放酱油和味精，多用葱姜蒜和醋调味。", ["public", "elderly"], ["合理膳食"]);
        Landslide = await this.PublishAsync("暴雨后山区滑坡的前兆", "山体裂缝、泉水突然变浑，是滑坡的危险信号。",
            "连续暴雨后，如果发现山坡出现裂缝、房屋墙体开裂、井水泉水突然变浑，要立即撤离到安全地带，并报告村干部。", ["farmers"], ["防灾减灾"], ["500242"]);
        Phone = await this.PublishAsync("手机字太小怎么办", "三步把手机字体调大，看得清更方便。",
            "打开设置，找到显示与亮度，把字体大小拖到最大。很多应用还有长辈模式，字更大，按钮更少。", ["elderly"], ["智能手机"], ["500101"]);
        await Services.GetRequiredService<SearchProjector>().CatchUpAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class SearchTests(SearchFixture factory) : IClassFixture<SearchFixture>
{
    private async Task<JsonElement> SearchAsync(string query)
    {
        using var client = factory.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>("/api/v1/search?" + query);
    }

    private static int[] Ids(JsonElement result) => result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray();

    [Fact]
    public async Task Search_FindsByChineseWords_WithHighlightedSnippet()
    {
        var result = await SearchAsync("q=" + Uri.EscapeDataString("电信诈骗"));

        Assert.Equal(factory.Fraud, Ids(result)[0]);
        var snippet = result.GetProperty("items")[0].GetProperty("snippet").GetString()!;
        Assert.Contains("<mark>", snippet);
        Assert.Contains("诈骗</mark>", snippet);
        Assert.True(result.GetProperty("total").GetInt32() >= 1);
    }

    [Theory]
    [InlineData("電信詐騙")]     // traditional characters
    [InlineData("９６１１０")]   // full-width digits
    [InlineData("安全賬戶")]     // traditional, a phrase the segmenter may split differently
    public async Task Search_ToleratesTraditionalAndFullWidthInput(string query)
    {
        var result = await SearchAsync("q=" + Uri.EscapeDataString(query));

        Assert.Contains(factory.Fraud, Ids(result));
    }

    [Fact]
    public async Task Search_BigramsRecallPartsOfWords()
    {
        // 限盐 is not a word the segmenter keeps whole in every context; the bigram field still finds it.
        var result = await SearchAsync("q=" + Uri.EscapeDataString("限盐勺"));

        Assert.Contains(factory.Diet, Ids(result));
    }

    [Fact]
    public async Task Filters_ByAudienceTopicAndDistrict()
    {
        Assert.Equal([factory.Landslide], Ids(await SearchAsync("audience=farmers")));
        var safety = Ids(await SearchAsync("topic=" + Uri.EscapeDataString("安全")));
        Assert.Contains(factory.Fraud, safety);
        Assert.Contains(factory.Landslide, safety);
        Assert.DoesNotContain(factory.Diet, safety);

        var youyang = Ids(await SearchAsync("district=500242"));
        Assert.Contains(factory.Landslide, youyang);
        Assert.Contains(factory.Fraud, youyang);
        Assert.DoesNotContain(factory.Phone, youyang);
    }

    [Fact]
    public async Task SortByDate_PutsTheNewestFirst()
    {
        var ids = Ids(await SearchAsync("sort=date"));

        Assert.Equal([factory.Phone, factory.Landslide, factory.Diet, factory.Fraud], ids.Where(i => i <= factory.Phone).Take(4).ToArray());
    }

    [Fact]
    public async Task EveryPiece_IsRequired_UntilThatFindsNothing()
    {
        // Both pieces: only the item that has both.
        Assert.Equal([factory.Diet], Ids(await SearchAsync("q=" + Uri.EscapeDataString("食盐 酱油"))));
        Assert.Equal([factory.Landslide], Ids(await SearchAsync("q=" + Uri.EscapeDataString("暴雨，裂缝"))));

        // No item has both: the items with either piece.
        var either = Ids(await SearchAsync("q=" + Uri.EscapeDataString("食盐 滑坡")));
        Assert.Equal(new[] { factory.Diet, factory.Landslide }.Order(), either.Order());
    }

    [Fact]
    public async Task NoMatch_ReturnsEmpty_AndNonsenseInputIsSafe()
    {
        Assert.Equal(0, (await SearchAsync("q=" + Uri.EscapeDataString("量子纠缠星际旅行"))).GetProperty("total").GetInt32());
        var odd = await SearchAsync("q=" + Uri.EscapeDataString("AND OR ( [ \" * ? ~ ^ \\ 💡 http://x.cn #话题#"));
        Assert.True(odd.GetProperty("total").GetInt32() >= 0);
    }

    [Fact]
    public async Task Reindex_RebuildsFromTheDatabase_AndRendersBodiesOfOldRows()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<ContentItem>().Where(c => c.Id == factory.Fraud).ExecuteUpdateAsync(s => s.SetProperty(c => c.BodyHtml, (string?)null));
        }

        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(factory.Services, ["reindex"], TextReader.Null, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("完成", output.ToString());
        Assert.Contains(factory.Fraud, Ids(await SearchAsync("q=" + Uri.EscapeDataString("电信诈骗"))));
        Assert.Contains("已为 1 条旧内容生成正文 HTML", output.ToString());
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var html = await db.Set<ContentItem>().Where(c => c.Id == factory.Fraud).Select(c => c.BodyHtml).SingleAsync();
            Assert.StartsWith("<", html);
        }
    }
}

public sealed class SearchProjectionTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    [Fact]
    public async Task OfflineItems_LeaveTheIndex()
    {
        using var org = await factory.ApiClientAsync("org");
        var created = await org.PostAsJsonAsync("/api/v1/contents", new
        {
            kind = "article", title = "将被下线的独特文章", summary = "这是一段足够长的摘要文字，用于测试。", body = "独角兽牧场的正文。",
            audiences = new[] { "public" }, topics = new[] { "生态环境" },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await org.PostAsync($"/api/v1/contents/{id}/submit", null);
        using var expert = await factory.ApiClientAsync("expert");
        await expert.PostAsJsonAsync($"/api/v1/contents/{id}/review", new { approve = true });
        using var editor = await factory.ApiClientAsync("editor");
        await editor.PostAsync($"/api/v1/contents/{id}/publish", null);

        var projector = factory.Services.GetRequiredService<SearchProjector>();
        await projector.CatchUpAsync();
        using var client = factory.CreateClient();
        var found = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString("独角兽"));
        Assert.Equal(1, found.GetProperty("total").GetInt32());

        await editor.PostAsJsonAsync($"/api/v1/contents/{id}/offline", new { reason = "测试下线" });
        await projector.CatchUpAsync();
        var gone = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString("独角兽"));
        Assert.Equal(0, gone.GetProperty("total").GetInt32());
    }
}
