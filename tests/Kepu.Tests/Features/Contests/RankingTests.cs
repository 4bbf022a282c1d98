using Kepu.Web.Features.Contests.Review;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Tests.Features.Contests;

/// <summary>Ranking order, the tie rule and its Chinese explanation, and the advancement rules.</summary>
public sealed class RankingTests
{
    private static readonly DateTime Day = new(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void DistinctScores_RankByScoreDescending_WithoutTieBreaks()
    {
        var ranked = Ranking.Rank([new(1, 70.5, 70, 7, Day), new(2, 88.25, 60, 6, Day), new(3, 79, 90, 9, Day)]);

        Assert.Equal([2, 3, 1], ranked.Select(r => r.Entry));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
        Assert.Equal([88.25, 79, 70.5], ranked.Select(r => r.Score));
        Assert.All(ranked, r => Assert.Null(r.TieBreak));
    }

    [Fact]
    public void Ties_AreBrokenRuleByRule_AndExplained()
    {
        RankInput[] entries =
        [
            new(1, 80, 75, 8, Day),
            new(7, 80.00000001, 77, 8, Day),                  // float noise: tied with 1, ahead on raw mean
            new(3, 80, 75, 9, Day.AddHours(5)),              // tied with 1 on raw mean, ahead on the main criterion
            new(4, 80, 75, 8, Day.AddHours(-1)),             // tied with 1 on both, submitted earlier
            new(2, 80, 75, 8, Day.AddHours(-1)),             // tied with 4 on everything: smaller id first
            new(9, 80.0002, 10, 1, Day),                     // a real difference at the 4th decimal: alone in front
            new(5, 60, 99, 9, Day),                          // alone behind
        ];

        var ranked = Ranking.Rank(entries);

        Assert.Equal([9, 7, 3, 2, 4, 1, 5], ranked.Select(r => r.Entry));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], ranked.Select(r => r.Rank));
        Assert.Equal(
        [
            null,
            "与作品 3 同分，按原始平均分在前",
            "与作品 2 同分，按最高权重评分项平均分在前",
            "与作品 4 同分，按作品编号在前",
            "与作品 1 同分，按提交时间在前",
            "与作品 4 同分，按提交时间在后",
            null,
        ], ranked.Select(r => r.TieBreak));
    }

    [Fact]
    public void Rank_IgnoresInputOrder()
    {
        var random = new Random(5);
        var entries = Enumerable.Range(1, 30)
            .Select(i => new RankInput(i, random.Next(3) * 5.0, random.Next(2), random.Next(2), Day.AddMinutes(random.Next(2))))
            .ToList();

        var expected = Ranking.Rank(entries);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(expected, Ranking.Rank([.. entries.OrderBy(_ => random.Next())]));
        }

        // Every adjacent pair is in the documented order.
        var byId = entries.ToDictionary(e => e.Entry);
        foreach (var (a, b) in expected.Zip(expected.Skip(1)).Select(p => (byId[p.First.Entry], byId[p.Second.Entry])))
        {
            Assert.True(
                a.Score > b.Score || (a.Score == b.Score && (a.RawMean > b.RawMean || (a.RawMean == b.RawMean &&
                (a.BestCriterionMean > b.BestCriterionMean || (a.BestCriterionMean == b.BestCriterionMean &&
                (a.SubmittedAt < b.SubmittedAt || (a.SubmittedAt == b.SubmittedAt && a.Entry < b.Entry))))))),
                $"{a.Entry} before {b.Entry}");
        }
    }

    [Fact]
    public void Advance_TopN_Threshold_Both()
    {
        var ranked = Ranking.Rank([new(1, 91, 0, 0, Day), new(2, 85, 0, 0, Day), new(3, 79.99996, 0, 0, Day), new(4, 70, 0, 0, Day), new(5, 60, 0, 0, Day)]);

        Assert.Equal([1, 2], Ranking.Advance(ranked, new AdvanceRule(2, null)).Select(r => r.Entry));
        Assert.Equal([1, 2, 3], Ranking.Advance(ranked, new AdvanceRule(null, 80)).Select(r => r.Entry)); // 79.99996 rounds to 80
        Assert.Equal([1, 2, 3, 4], Ranking.Advance(ranked, new AdvanceRule(null, 70)).Select(r => r.Entry));
        Assert.Equal([1, 2], Ranking.Advance(ranked, new AdvanceRule(2, 70)).Select(r => r.Entry));    // the number binds
        Assert.Equal([1, 2, 3], Ranking.Advance(ranked, new AdvanceRule(4, 80)).Select(r => r.Entry)); // the threshold binds
        Assert.Equal(5, Ranking.Advance(ranked, new AdvanceRule(10, null)).Count);
        Assert.Empty(Ranking.Advance(ranked, new AdvanceRule(null, 95)));

        var neither = Assert.Throws<BusinessRuleException>(() => Ranking.Advance(ranked, new AdvanceRule(null, null)));
        Assert.Equal("晋级规则至少要设定晋级名额或分数线之一。", neither.Message);
        Assert.Throws<BusinessRuleException>(() => Ranking.Advance(ranked, new AdvanceRule(0, null)));
    }

    [Fact]
    public void Rank_RejectsDuplicateEntries()
    {
        Assert.Throws<ArgumentException>(() => Ranking.Rank([new(1, 1, 0, 0, Day), new(1, 2, 0, 0, Day)]));
    }
}
