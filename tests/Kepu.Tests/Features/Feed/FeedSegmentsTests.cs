using Kepu.Web.Features.Feed;
using Kepu.Web.Features.Library;
using Microsoft.Extensions.Time.Testing;

namespace Kepu.Tests.Features.Feed;

/// <summary>The two-stage feed must rank exactly as scoring every item does, whatever the person has read.</summary>
public sealed class FeedSegmentsTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 8, 0, 0, DateTimeKind.Utc);
    private static readonly string[] AudienceCodes = ["youth", "farmers", "workers", "elderly", "officials", "public"];
    private static readonly string[] Topics = ["合理膳食", "慢病防治", "防范电信诈骗", "智能手机", "科学施肥", "地质灾害", "安全生产", "北斗应用"];
    private static readonly string[] Places = ["all", "all", "all", "all", "d:500242", "d:500101", "g:southeast", "g:core"];

    private static List<CatalogItem> Catalogue(Random random, int count) =>
        Enumerable.Range(1, count).Select(id =>
        {
            var audiences = AudienceCodes.Where(_ => random.NextDouble() < 0.25).DefaultIfEmpty("public").ToArray();
            var topics = Topics.Where(_ => random.NextDouble() < 0.2).DefaultIfEmpty(Topics[random.Next(Topics.Length)]).ToArray();
            var place = Places[random.Next(Places.Length)];
            return new CatalogItem(id, "article", $"条目{id}", "摘要", audiences, [.. topics, "健康"], [place],
                Now.AddMinutes(-random.Next(0, 400 * 24 * 60)), random.NextDouble() < 0.05 ? 1 : 0, random.NextDouble() < 0.3, 3,
                random.NextDouble() < 0.5 ? random.Next(0, 500) : 0);
        }).ToList();

    private static FeedViewer Viewer(Random random, IReadOnlyList<CatalogItem> items, int finished)
    {
        var audiences = AudienceCodes.Where(_ => random.NextDouble() < 0.3).ToArray();
        var (district, region) = random.Next(3) switch { 0 => ("500242", "southeast"), 1 => ("500101", "northeast"), _ => ((string?)null, (string?)null) };
        var interests = Topics.Where(_ => random.NextDouble() < 0.25).ToArray();
        var recent = Topics.Where(_ => random.NextDouble() < 0.2).ToArray();
        var viewed = items.OrderBy(_ => random.Next()).Take(finished * 2).Select(i => i.Id).ToHashSet();
        var done = viewed.Take(finished).ToHashSet();
        return new FeedViewer(audiences, district, region, district == "500242", interests, random.NextDouble() < 0.3,
            new ReadingHistory(viewed, done, viewed.Take(20).ToList()), recent);
    }

    [Theory]
    [InlineData(4000, 0)]
    [InlineData(150, 0)]
    [InlineData(150, 40)]
    [InlineData(30, 400)]
    public void Segmented_Ranking_Equals_ScoringEveryItem(int keep, int finished)
    {
        var random = new Random(keep * 31 + finished);
        var columns = FeedColumns.Of(Catalogue(random, 3000));
        var segments = new FeedSegments(new FakeTimeProvider(new DateTimeOffset(Now)), keep);
        for (var v = 0; v < 60; v++)
        {
            var viewer = Viewer(random, columns.Items, finished);
            IReadOnlyDictionary<int, string>? lift = v % 4 == 0 ? new Dictionary<int, string> { [random.Next(1, 3000)] = "汛期防灾" } : null;
            foreach (var take in new[] { 12, 36 })
            {
                var (expected, expectedTotal) = FeedRanking.Top(columns, viewer, Now, lift, take);
                var (actual, actualTotal) = segments.Top(columns, viewer, lift, take);
                Assert.Equal(expectedTotal, actualTotal);
                Assert.Equal(expected.Select(r => r.Item.Id), actual.Select(r => r.Item.Id));
                Assert.Equal(expected.Select(r => r.Reason), actual.Select(r => r.Reason));
            }
        }
    }

    [Fact]
    public void Segments_AreShared_AndRebuilt_WhenTheCatalogueChanges()
    {
        var random = new Random(7);
        var items = Catalogue(random, 500);
        var segments = new FeedSegments(new FakeTimeProvider(new DateTimeOffset(Now)));
        var viewer = new FeedViewer(["elderly"], "500242", "southeast", true, [], false, FeedRanking.NoHistory, []);
        var columns = FeedColumns.Of(items);

        var first = segments.For(columns, viewer, null, Now);
        Assert.Same(first, segments.For(columns, viewer with { InterestTopics = ["智能手机"] }, null, Now));
        Assert.NotSame(first, segments.For(columns, viewer with { ElderMode = true }, null, Now));

        var newer = new CatalogItem(9999, "article", "新条目", "摘要", ["elderly"], ["健康"], ["all"], Now, 20, true, 2, 0);
        var (top, _) = segments.Top(FeedColumns.Of([.. items, newer]), viewer, null, 1);
        Assert.Equal(9999, top[0].Item.Id);
    }
}
