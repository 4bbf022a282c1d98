using Kepu.Web.Features.Feed;
using Kepu.Web.Features.Library;

namespace Kepu.Tests.Features.Feed;

public sealed class FeedRankingTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 8, 0, 0, DateTimeKind.Utc);
    private static readonly ReadingHistory Nothing = new(new HashSet<int>(), new HashSet<int>(), []);

    private static CatalogItem Item(int id, string[] audiences, string[]? targets = null, int ageDays = 10, bool elder = false, string[]? topics = null, int priority = 0) =>
        new(id, "article", $"条目{id}", "摘要", audiences, topics ?? ["合理膳食", "健康"], targets ?? ["all"], Now.AddDays(-ageDays), priority, elder, 2, 0);

    private static FeedViewer Elder(ReadingHistory? history = null, bool elderMode = false) =>
        new(["elderly"], "500242", "southeast", true, ["健康"], elderMode, history ?? Nothing, []);

    [Fact]
    public void LocalItems_ComeFirst_AndOtherPlaces_AreLeftOut()
    {
        var items = new[] { Item(1, ["elderly"]), Item(2, ["elderly"], ["d:500242"]), Item(3, ["elderly"], ["d:500101"]), Item(4, ["elderly"], ["g:southeast"]) };

        var ranked = FeedRanking.Rank(items, Elder(), Now);

        Assert.Equal([2, 4, 1], ranked.Select(r => r.Item.Id).ToArray());
        Assert.Contains("本地内容", ranked[0].Reason);
        Assert.Contains("本地区内容", ranked[1].Reason);
    }

    [Fact]
    public void AudienceMatch_BeatsOtherGroups_AndSaysWhy()
    {
        var ranked = FeedRanking.Rank([Item(1, ["workers"]), Item(2, ["elderly"]), Item(3, ["public"])], Elder(), Now);

        Assert.Equal([2, 3, 1], ranked.Select(r => r.Item.Id).ToArray());
        Assert.Contains("适合老年人", ranked[0].Reason);
    }

    [Fact]
    public void FinishedItems_Sink_ToTheBottom()
    {
        var history = new ReadingHistory(new HashSet<int> { 1 }, new HashSet<int> { 1 }, [1]);
        var ranked = FeedRanking.Rank([Item(1, ["elderly"], ["d:500242"], ageDays: 0), Item(2, ["workers"], ageDays: 60)], Elder(history), Now);

        Assert.Equal(2, ranked[0].Item.Id);
        Assert.Equal(1, ranked[^1].Item.Id);
        Assert.StartsWith("您已读完", ranked[^1].Reason);
    }

    [Fact]
    public void ElderMode_PrefersElderFriendlyItems()
    {
        var items = new[] { Item(1, ["elderly"], elder: false), Item(2, ["elderly"], elder: true) };

        Assert.Equal(2, FeedRanking.Rank(items, Elder(elderMode: true), Now)[0].Item.Id);
        Assert.Contains("适老", FeedRanking.Rank(items, Elder(elderMode: true), Now)[0].Reason);
    }

    [Fact]
    public void Freshness_EditorialPriority_AndInterests_Count()
    {
        Assert.Equal(2, FeedRanking.Rank([Item(1, ["elderly"], ageDays: 40), Item(2, ["elderly"], ageDays: 0)], Elder(), Now)[0].Item.Id);
        Assert.Equal(1, FeedRanking.Rank([Item(1, ["elderly"], ageDays: 40, priority: 3), Item(2, ["elderly"], ageDays: 0)], Elder(), Now)[0].Item.Id);
        var interest = FeedRanking.Rank([Item(1, ["elderly"], topics: ["智能手机", "数字生活"]), Item(2, ["elderly"])], Elder(), Now);
        Assert.Equal(2, interest[0].Item.Id);
    }

    [Fact]
    public void AnonymousWithoutChoices_SeesEverything()
    {
        var viewer = new FeedViewer([], null, null, false, [], false, Nothing, []);
        var ranked = FeedRanking.Rank([Item(1, ["elderly"], ["d:500101"]), Item(2, ["workers"])], viewer, Now);

        Assert.Equal(2, ranked.Count);
        Assert.All(ranked, r => Assert.False(string.IsNullOrEmpty(r.Reason)));
    }

    [Fact]
    public void FastPath_ScoresExactlyAsTheFullRules()
    {
        var viewer = new FeedViewer(["elderly"], null, null, false, [], true, Nothing, []);
        var items = Enumerable.Range(1, 40).Select(i => Item(i, i % 3 == 0 ? ["public"] : i % 2 == 0 ? ["elderly"] : ["workers"], ageDays: i, elder: i % 4 == 0, priority: i % 5 == 0 ? 1 : 0)).ToList();

        var (top, total) = FeedRanking.Top(items, viewer, Now, null, 10);

        Assert.Equal(40, total);
        var expected = items.Select(i => FeedRanking.Score(i, viewer, Now)!).OrderByDescending(r => r.Score).ThenByDescending(r => r.Item.PublishedAt).Take(10).ToList();
        Assert.Equal(expected.Select(r => r.Item.Id), top.Select(r => r.Item.Id));
        Assert.Equal(expected.Select(r => Math.Round(r.Score, 9)), top.Select(r => Math.Round(r.Score, 9)));
    }
}
