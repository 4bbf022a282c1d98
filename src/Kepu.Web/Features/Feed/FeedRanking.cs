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
    IReadOnlyList<string> RecentTopics);

public sealed record RankedItem(CatalogItem Item, double Score, string Reason);

/// <summary>
/// 为你推荐: a transparent, additive score per item, and the strongest reasons, in Chinese, on every card.
/// Items aimed at other districts or regions are left out; finished items sink to the bottom.
/// </summary>
public static class FeedRanking
{
    /// <summary>Ranks every item, then explains only the ones returned (explaining 100,000 cards per request would dominate).</summary>
    public static IReadOnlyList<RankedItem> Rank(IReadOnlyList<CatalogItem> items, FeedViewer viewer, DateTime now, IReadOnlyDictionary<int, string>? campaignLift = null) =>
        Top(items, viewer, now, campaignLift, int.MaxValue).Items;

    public static (IReadOnlyList<RankedItem> Items, int Total) Top(IReadOnlyList<CatalogItem> items, FeedViewer viewer, DateTime now,
        IReadOnlyDictionary<int, string>? campaignLift, int take)
    {
        var scores = new List<(int Index, double Score)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var score = Compute(items[i], viewer, now, campaignLift, null);
            if (!double.IsNegativeInfinity(score))
            {
                scores.Add((i, score));
            }
        }

        Comparison<(int Index, double Score)> order = (a, b) =>
            b.Score.CompareTo(a.Score) is var c && c != 0 ? c : items[b.Index].PublishedAt.CompareTo(items[a.Index].PublishedAt);
        IEnumerable<(int Index, double Score)> best;
        if (take >= scores.Count)
        {
            scores.Sort(order);
            best = scores;
        }
        else
        {
            // Partial selection: keep the best `take` in a bounded heap instead of sorting everything.
            var heap = new PriorityQueue<(int Index, double Score), (int Index, double Score)>(Comparer<(int Index, double Score)>.Create((a, b) => order(b, a)));
            foreach (var s in scores)
            {
                heap.Enqueue(s, s);
                if (heap.Count > take)
                {
                    heap.Dequeue();
                }
            }

            var list = new List<(int Index, double Score)>(heap.Count);
            while (heap.Count > 0)
            {
                list.Add(heap.Dequeue());
            }

            list.Sort(order);
            best = list;
        }

        var ranked = best.Select(b => Score(items[b.Index], viewer, now, campaignLift)!).ToList();
        return (ranked, scores.Count);
    }

    public static RankedItem? Score(CatalogItem item, FeedViewer viewer, DateTime now, IReadOnlyDictionary<int, string>? campaignLift = null)
    {
        var reasons = new List<(double Weight, string Text)>();
        var score = Compute(item, viewer, now, campaignLift, reasons);
        if (double.IsNegativeInfinity(score))
        {
            return null;
        }

        var reason = reasons.Count == 0 ? "为大家精选" : string.Join(" · ", reasons.OrderByDescending(r => r.Weight).Take(2).Select(r => r.Text));
        return new RankedItem(item, score, reason);
    }

    /// <summary>The score; reasons are collected only when a list is given. Negative infinity: not for this person.</summary>
    private static double Compute(CatalogItem item, FeedViewer viewer, DateTime now, IReadOnlyDictionary<int, string>? campaignLift, List<(double Weight, string Text)>? reasons)
    {
        var score = 0.0;

        // Place: local items first; items for other places are not for this person.
        if (!item.Targets.Contains("all"))
        {
            if (viewer.District is not null && item.Targets.Contains("d:" + viewer.District))
            {
                reasons?.Add((3, viewer.PriorityArea ? "本地内容（重点帮扶地区）" : "本区县内容"));
                score += viewer.PriorityArea ? 3.5 : 3;
            }
            else if (viewer.RegionGroup is not null && item.Targets.Contains("g:" + viewer.RegionGroup))
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
        foreach (var audience in item.Audiences)
        {
            if (viewer.Audiences.Contains(audience))
            {
                matched = true;
                break;
            }
        }

        if (matched)
        {
            score += 3;
            reasons?.Add((3, "适合" + string.Join("、", item.Audiences.Where(viewer.Audiences.Contains).Select(Accounts.Entities.Audiences.Label))));
        }
        else if (item.Audiences.Contains("public"))
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
