using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Features.Library;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Contests.Demo;

namespace Kepu.Tests.Features.Contests;

/// <summary>The demo (Demo:Content): a creation call in the middle of review (30 entries, 6 reviewers) and a 五小 call open for entries.</summary>
public sealed class ContestsDemoTests(DemoContentFactory factory) : IClassFixture<DemoContentFactory>
{
    [Fact]
    public async Task Demo_HasACreationCallMidReview_AndAnOpenWuxiaoCall()
    {
        using var anonymous = factory.CreateClient();
        var calls = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/contests")).EnumerateArray().ToList();
        var creation = Assert.Single(calls, c => c.GetProperty("title").GetString() == ContestsSeeder.CreationTitle);
        Assert.Equal("review", creation.GetProperty("stage").GetString());
        Assert.Equal(30, creation.GetProperty("entries").GetInt32());
        Assert.True(creation.GetProperty("voting").GetBoolean());
        var wuxiao = Assert.Single(calls, c => c.GetProperty("title").GetString() == ContestsSeeder.WuxiaoTitle);
        Assert.True(wuxiao.GetProperty("collecting").GetBoolean());
        Assert.Equal("wuxiao", wuxiao.GetProperty("kind").GetString());

        using var editor = await factory.ApiClientAsync("editor");
        var round = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/contests/{creation.GetProperty("id").GetInt32()}/rounds/1");
        Assert.Equal("open", round.GetProperty("status").GetString());
        Assert.Equal(6, round.GetProperty("panel").GetArrayLength());
        var loads = round.GetProperty("panel").EnumerateArray().Select(p => p.GetProperty("assigned").GetInt32()).ToList();
        Assert.Equal(90, loads.Sum());
        Assert.True(loads.Max() - loads.Min() <= 1);
        Assert.All(round.GetProperty("entries").EnumerateArray(), e => Assert.Equal(3, e.GetProperty("reviews").GetInt32()));
        var pending = round.GetProperty("pending").GetInt32();
        Assert.InRange(pending, 25, 35); // about a third still to score

        // expert-wz declared a tie to 渝创动画工作室 and got none of its works.
        using var wzClient = await factory.ApiClientAsync("expert-wz");
        var titles = (await wzClient.GetFromJsonAsync<JsonElement>("/api/v1/contests/reviews")).EnumerateArray().Select(a => a.GetProperty("entryTitle").GetString()).ToList();
        Assert.Equal(15, titles.Count);
        foreach (var work in new[] { "一颗芯片的诞生", "老人跌倒怎么办", "山地农机小改造", "手机里的“陷阱”", "滑坡来临前" }) // 渝创动画工作室's works
        {
            Assert.DoesNotContain(work, titles);
        }
    }
}
