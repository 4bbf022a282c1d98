using Kepu.Web.Features.Library;

namespace Kepu.Web.Features.Feed;

/// <summary>Who the feed is for: declared or chosen, plus what they have read.</summary>
public sealed record FeedViewer(
    IReadOnlyList<string> Audiences,
    string? District,
    string? RegionGroup,
    bool PriorityArea,
    IReadOnlyList<string> InterestTopics,
    bool ElderMode,
    ReadingHistory History,
    IReadOnlyList<string> RecentTopics,
    IReadOnlyList<string>? MissedTopics = null)
{
    /// <summary>Topics of questions this person got wrong lately (學习 → 每日答题, 测验): shown more on them.</summary>
    public IReadOnlyList<string> Missed => MissedTopics ?? [];
}

public sealed record RankedItem(CatalogItem Item, double Score, string Reason);

/// <summary>
/// 为你推荐: a transparent, additive score per item, and the strongest reasons, in Chinese, on every card.
/// Items aimed at other districts or regions are left out; finished items sink to the bottom.
/// </summary>
public static class FeedRanking
{
    /// <summary>Lift for an unread item on a topic the person answered wrongly of late.</summary>
    public const double MissedBonus = 1.2;

    /// <summary>Ranks every item, then explains only the ones returned (explaining 100,000 cards per request would dominate).</summary>
    public static IReadOnlyList<RankedItem> Rank(IReadOnlyList<CatalogItem> items, FeedViewer viewer, DateTime now, IReadOnlyDictionary<int, string>? campaignLift = null) =>
        Top(items, viewer, now, campaignLift, int.MaxValue).Items;

    public static (IReadOnlyList<RankedItem> Items, int Total) Top(IReadOnlyList<CatalogItem> items, FeedViewer viewer, DateTime now,
        IReadOnlyDictionary<int, string>? campaignLift, int take) =>
        Top(FeedColumns.Of(items), viewer, now, campaignLift, take);

    /// <summary>
    /// The hot loop reads flat arrays (<see cref="FeedColumns"/>), not 100,000 objects and their lists: chasing those
    /// pointers cost more than the arithmetic. Items with an exact reason to differ (a place, the person's history,
    /// interests) go through the full <see cref="Compute"/>.
    /// </summary>
    public static (IReadOnlyList<RankedItem> Items, int Total) Top(FeedColumns columns, FeedViewer viewer, DateTime now,
        IReadOnlyDictionary<int, string>? campaignLift, int take)
    {
        var scores = BaseScores(columns, viewer, now, campaignLift);
        var bestIndex = new int[Math.Max(1, Math.Min(take, scores.Length))];
        var bestScore = new double[bestIndex.Length];
        var count = 0;
        var total = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (double.IsNegativeInfinity(scores[i]))
            {
                continue;
            }

            total++;
            count = TopK.Insert(bestIndex, bestScore, count, i, scores[i], columns.PublishedTicks);
        }

        var ranked = new List<RankedItem>(count);
        for (var k = 0; k < count; k++)
        {
            ranked.Add(Score(columns.Items[bestIndex[k]], viewer, now, campaignLift)!);
        }

        return (ranked, total);
    }

    public static readonly ReadingHistory NoHistory = new(new HashSet<int>(), new HashSet<int>(), []);

    /// <summary>Every item's score for this viewer; negative infinity for items not for them.</summary>
    public static double[] BaseScores(FeedColumns columns, FeedViewer viewer, DateTime now, IReadOnlyDictionary<int, string>? campaignLift)
    {
        var items = columns.Items;
        var place = new Place(viewer.District is null ? null : "d:" + viewer.District, viewer.RegionGroup is null ? null : "g:" + viewer.RegionGroup);
        var viewerMask = FeedColumns.Mask(viewer.Audiences);
        var simple = viewer.InterestTopics.Count == 0 && viewer.RecentTopics.Count == 0 && viewer.Missed.Count == 0 && viewer.History.Viewed.Count == 0;
        var lift = campaignLift is { Count: > 0 } ? campaignLift : null;
        var nowTicks = now.Ticks;
        var scores = new double[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (!simple || !columns.Everywhere[i])
            {
                scores[i] = Compute(items[i], viewer, place, now, lift, null);
                continue;
            }

            var mask = columns.AudienceMask[i];
            var score = (mask & viewerMask) != 0 ? 3 : (mask & FeedColumns.PublicBit) != 0 ? 0.8 : viewerMask != 0 ? -1 : 0;
            var ageDays = Math.Max(0, (nowTicks - columns.PublishedTicks[i]) / (double)TimeSpan.TicksPerDay);
            score += 2 * Math.Exp(-ageDays / 14) + columns.Static[i];
            if (viewer.ElderMode && columns.Elder[i])
            {
                score += 1.5;
            }

            if (lift is not null && lift.ContainsKey(items[i].Id))
            {
                score += 2.5;
            }

            scores[i] = score;
        }

        return scores;
    }

    private readonly record struct Place(string? District, string? Region);

    public static RankedItem? Score(CatalogItem item, FeedViewer viewer, DateTime now, IReadOnlyDictionary<int, string>? campaignLift = null)
    {
        var reasons = new List<(double Weight, string Text)>();
        var place = new Place(viewer.District is null ? null : "d:" + viewer.District, viewer.RegionGroup is null ? null : "g:" + viewer.RegionGroup);
        var score = Compute(item, viewer, place, now, campaignLift, reasons);
        if (double.IsNegativeInfinity(score))
        {
            return null;
        }

        var reason = reasons.Count == 0 ? "为大家精选" : string.Join(" · ", reasons.OrderByDescending(r => r.Weight).Take(2).Select(r => r.Text));
        return new RankedItem(item, score, reason);
    }

    /// <summary>The score; reasons are collected only when a list is given. Negative infinity: not for this person.</summary>
    private static double Compute(CatalogItem item, FeedViewer viewer, Place place, DateTime now, IReadOnlyDictionary<int, string>? campaignLift,
        List<(double Weight, string Text)>? reasons)
    {
        var score = 0.0;

        // Place: local items first; items for other places are not for this person.
        if (!item.Everywhere)
        {
            if (place.District is not null && item.Targets.Contains(place.District))
            {
                reasons?.Add((3, viewer.PriorityArea ? "本地内容（重点帮扶地区）" : "本区县内容"));
                score += viewer.PriorityArea ? 3.5 : 3;
            }
            else if (place.Region is not null && item.Targets.Contains(place.Region))
            {
                reasons?.Add((2, "本地区内容"));
                score += 2;
            }
            else if (viewer.District is not null || viewer.RegionGroup is not null)
            {
                return double.NegativeInfinity;
            }
        }

        var matched = false;
        for (var a = 0; a < item.Audiences.Count && !matched; a++)
        {
            for (var v = 0; v < viewer.Audiences.Count; v++)
            {
                if (string.Equals(item.Audiences[a], viewer.Audiences[v], StringComparison.Ordinal))
                {
                    matched = true;
                    break;
                }
            }
        }

        if (matched)
        {
            score += 3;
            reasons?.Add((3, "适合" + string.Join("、", item.Audiences.Where(viewer.Audiences.Contains).Select(Accounts.Entities.Audiences.Label))));
        }
        else if (item.ForPublic)
        {
            score += 0.8;
        }
        else if (viewer.Audiences.Count > 0)
        {
            score -= 1;
        }

        if (viewer.InterestTopics.Count > 0 && item.Topics.FirstOrDefault(viewer.InterestTopics.Contains) is { } interest)
        {
            score += 1.5;
            reasons?.Add((1.5, $"您关注“{interest}”"));
        }

        if (viewer.RecentTopics.Count > 0 && item.Topics.FirstOrDefault(viewer.RecentTopics.Contains) is { } recent && !viewer.History.Viewed.Contains(item.Id))
        {
            score += 1;
            reasons?.Add((1, $"与您最近看的“{recent}”相关"));
        }

        if (viewer.Missed.Count > 0 && item.Topics.FirstOrDefault(viewer.Missed.Contains) is { } missed && !viewer.History.Viewed.Contains(item.Id))
        {
            score += MissedBonus;
            reasons?.Add((MissedBonus, $"您答错过“{missed}”的题，看看这篇"));
        }

        var ageDays = Math.Max(0, (now - item.PublishedAt).TotalDays);
        var freshness = 2 * Math.Exp(-ageDays / 14);
        score += freshness;
        if (ageDays < 3)
        {
            reasons?.Add((freshness, "最新发布"));
        }

        if (item.RecentViews > 0)
        {
            var popularity = 0.6 * Math.Log10(1 + item.RecentViews);
            score += popularity;
            if (item.RecentViews >= 50)
            {
                reasons?.Add((popularity, "大家都在看"));
            }
        }

        if (item.Priority > 0)
        {
            score += item.Priority;
            reasons?.Add((item.Priority, "编辑推荐"));
        }

        if (viewer.ElderMode && item.ElderFriendly)
        {
            score += 1.5;
            reasons?.Add((2, "适老内容，字大好读"));
        }

        if (campaignLift is { Count: > 0 } && campaignLift.TryGetValue(item.Id, out var campaign))
        {
            score += 2.5;
            reasons?.Add((2.5, $"专题：{campaign}"));
        }

        if (viewer.History.Viewed.Count == 0)
        {
            return score;
        }

        if (viewer.History.Finished.Contains(item.Id))
        {
            score -= 100;
            reasons?.Insert(0, (100, "您已读完"));
        }
        else if (viewer.History.Viewed.Contains(item.Id))
        {
            score -= 1;
        }

        return score;
    }
}

/// <summary>The catalogue as flat columns for ranking; built once per catalogue load.</summary>
public sealed class FeedColumns
{
    public const int PublicBit = 1 << 5;
    private static readonly string[] Order = ["youth", "farmers", "workers", "elderly", "officials", "public"];

    private FeedColumns(IReadOnlyList<CatalogItem> items)
    {
        Items = items;
        AudienceMask = new int[items.Count];
        Everywhere = new bool[items.Count];
        Elder = new bool[items.Count];
        PublishedTicks = new long[items.Count];
        Static = new double[items.Count];
        TopicIds = new int[items.Count][];
        var topicIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            AudienceMask[i] = Mask(item.Audiences);
            Everywhere[i] = item.Everywhere;
            Elder[i] = item.ElderFriendly;
            PublishedTicks[i] = item.PublishedAt.Ticks;
            Static[i] = (item.RecentViews > 0 ? 0.6 * Math.Log10(1 + item.RecentViews) : 0) + item.Priority;
            TopicIds[i] = item.Topics.Distinct().Select(t => topicIndex.TryGetValue(t, out var id) ? id : topicIndex[t] = topicIndex.Count).ToArray();
        }

        TopicIndex = topicIndex;
    }

    public IReadOnlyList<CatalogItem> Items { get; }
    public int[] AudienceMask { get; }
    public bool[] Everywhere { get; }
    public bool[] Elder { get; }
    public long[] PublishedTicks { get; }

    /// <summary>Popularity and editorial priority, which do not depend on the viewer.</summary>
    public double[] Static { get; }

    /// <summary>Each item's topics (with their ancestors) as numbers into <see cref="TopicIndex"/>.</summary>
    public int[][] TopicIds { get; }

    public IReadOnlyDictionary<string, int> TopicIndex { get; }

    public static FeedColumns Of(IReadOnlyList<CatalogItem> items) => new(items);

    public static int Mask(IReadOnlyList<string> audiences)
    {
        var mask = 0;
        foreach (var audience in audiences)
        {
            var i = Array.IndexOf(Order, audience);
            if (i >= 0)
            {
                mask |= 1 << i;
            }
        }

        return mask;
    }
}
