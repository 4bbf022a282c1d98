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
    public static IReadOnlyList<RankedItem> Rank(IReadOnlyList<CatalogItem> items, FeedViewer viewer, DateTime now, IReadOnlyDictionary<int, string>? campaignLift = null)
    {
        var ranked = new List<RankedItem>(Math.Min(items.Count, 1024));
        foreach (var item in items)
        {
            if (Score(item, viewer, now, campaignLift) is { } r)
            {
                ranked.Add(r);
            }
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c : b.Item.PublishedAt.CompareTo(a.Item.PublishedAt));
        return ranked;
    }

    public static RankedItem? Score(CatalogItem item, FeedViewer viewer, DateTime now, IReadOnlyDictionary<int, string>? campaignLift = null)
    {
        var reasons = new List<(double Weight, string Text)>();
        var score = 0.0;

        // Place: local items first; items for other places are not for this person.
        if (!item.Targets.Contains("all"))
        {
            if (viewer.District is not null && item.Targets.Contains("d:" + viewer.District))
            {
                reasons.Add((3, viewer.PriorityArea ? "本地内容（重点帮扶地区）" : "本区县内容"));
                score += viewer.PriorityArea ? 3.5 : 3;
            }
            else if (viewer.RegionGroup is not null && item.Targets.Contains("g:" + viewer.RegionGroup))
            {
                reasons.Add((2, "本地区内容"));
                score += 2;
            }
            else if (viewer.District is not null || viewer.RegionGroup is not null)
            {
                return null;
            }
        }

        var forMe = item.Audiences.Where(viewer.Audiences.Contains).ToList();
        if (forMe.Count > 0)
        {
            score += 3;
            reasons.Add((3, "适合" + string.Join("、", forMe.Select(Accounts.Entities.Audiences.Label))));
        }
        else if (item.Audiences.Contains("public"))
        {
            score += 0.8;
        }
        else if (viewer.Audiences.Count > 0)
        {
            score -= 1;
        }

        if (item.Topics.FirstOrDefault(viewer.InterestTopics.Contains) is { } interest)
        {
            score += 1.5;
            reasons.Add((1.5, $"您关注“{interest}”"));
        }

        if (item.Topics.FirstOrDefault(viewer.RecentTopics.Contains) is { } recent && !viewer.History.Viewed.Contains(item.Id))
        {
            score += 1;
            reasons.Add((1, $"与您最近看的“{recent}”相关"));
        }

        var ageDays = Math.Max(0, (now - item.PublishedAt).TotalDays);
        var freshness = 2 * Math.Exp(-ageDays / 14);
        score += freshness;
        if (ageDays < 3)
        {
            reasons.Add((freshness, "最新发布"));
        }

        if (item.RecentViews > 0)
        {
            var popularity = 0.6 * Math.Log10(1 + item.RecentViews);
            score += popularity;
            if (item.RecentViews >= 50)
            {
                reasons.Add((popularity, "大家都在看"));
            }
        }

        if (item.Priority > 0)
        {
            score += item.Priority;
            reasons.Add((item.Priority, "编辑推荐"));
        }

        if (viewer.ElderMode && item.ElderFriendly)
        {
            score += 1.5;
            reasons.Add((2, "适老内容，字大好读"));
        }

        if (campaignLift?.TryGetValue(item.Id, out var campaign) == true)
        {
            score += 2.5;
            reasons.Add((2.5, $"专题：{campaign}"));
        }

        if (viewer.History.Finished.Contains(item.Id))
        {
            score -= 100;
            reasons.Insert(0, (100, "您已读完"));
        }
        else if (viewer.History.Viewed.Contains(item.Id))
        {
            score -= 1;
        }

        var reason = reasons.Count == 0 ? "为大家精选" : string.Join(" · ", reasons.OrderByDescending(r => r.Weight).Take(2).Select(r => r.Text));
        return new RankedItem(item, score, reason);
    }
}
