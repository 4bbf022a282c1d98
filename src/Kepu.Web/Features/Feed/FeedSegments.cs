using System.Collections.Concurrent;

namespace Kepu.Web.Features.Feed;

/// <summary>
/// The part of an item's score that is the same for everyone in a segment: place, audience, freshness, popularity,
/// editorial priority, 长辈模式 and campaigns. Items sorted by it, best first; only the best <see cref="FeedSegments.Keep"/>
/// are kept.
/// </summary>
public sealed class FeedSegment(int[] order, double[] baseScores, double cutoff, int total, DateTime at)
{
    public int[] Order { get; } = order;
    public double[] Base { get; } = baseScores;

    /// <summary>The best base score left out of <see cref="Order"/>; negative infinity when every eligible item is in.</summary>
    public double Cutoff { get; } = cutoff;

    /// <summary>Items this segment may see at all.</summary>
    public int Total { get; } = total;

    public DateTime At { get; } = at;
}

/// <summary>Who shares a segment: same audiences, place, 长辈模式 and active campaigns.</summary>
public readonly record struct SegmentKey(int AudienceMask, string? District, string? Region, bool PriorityArea, bool ElderMode, string Campaigns);

/// <summary>
/// Two-stage ranking. A segment (people with the same groups, place, mode and campaigns) is ranked once a minute or
/// when the catalogue changes; a person's request then adds only their own terms (interests, recent topics, reading
/// history) while walking the segment best first, and stops as soon as no later item can still reach the page:
/// personal terms add at most <c>1.5 + 1</c>, so once an item's shared score plus that bound falls below the
/// page's last score, nothing after it can enter. The result is the same as scoring every item; when the kept part of
/// the segment runs out first (a person who has finished thousands of items), it falls back to scoring every item.
/// </summary>
public sealed class FeedSegments(TimeProvider clock, int keep = FeedSegments.Keep)
{
    public const int Keep = 4000;
    private const int MaxSegments = 4096;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private Generation _generation = new(null);

    public (IReadOnlyList<RankedItem> Items, int Total) Top(FeedColumns columns, FeedViewer viewer, IReadOnlyDictionary<int, string>? campaignLift, int take)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var segment = For(columns, viewer, campaignLift, now);
        var interests = Flags(columns, viewer.InterestTopics);
        var recent = Flags(columns, viewer.RecentTopics);
        var missed = Flags(columns, viewer.Missed);
        var bound = (interests is null ? 0 : 1.5) + (recent is null ? 0 : 1) + (missed is null ? 0 : FeedRanking.MissedBonus);
        var history = viewer.History;
        var bestIndex = new int[Math.Max(1, Math.Min(take, segment.Total))];
        var bestScore = new double[bestIndex.Length];
        var count = 0;
        var complete = false;
        for (var k = 0; k < segment.Order.Length; k++)
        {
            var baseScore = segment.Base[k];
            if (count == bestIndex.Length && baseScore + bound < bestScore[count - 1])
            {
                complete = true;
                break;
            }

            var i = segment.Order[k];
            var score = baseScore;
            var topics = columns.TopicIds[i];
            var viewed = history.Viewed.Count > 0 && history.Viewed.Contains(columns.Items[i].Id);
            if (interests is not null && Any(topics, interests))
            {
                score += 1.5;
            }

            if (recent is not null && !viewed && Any(topics, recent))
            {
                score += 1;
            }

            if (missed is not null && !viewed && Any(topics, missed))
            {
                score += FeedRanking.MissedBonus;
            }

            if (viewed)
            {
                score -= history.Finished.Contains(columns.Items[i].Id) ? 100 : 1;
            }

            count = TopK.Insert(bestIndex, bestScore, count, i, score, columns.PublishedTicks);
        }

        // Walked the whole kept part: exact only if nothing left out could still beat the page's last item.
        if (!complete && count == bestIndex.Length && segment.Cutoff + bound >= bestScore[count - 1])
        {
            return FeedRanking.Top(columns, viewer, segment.At, campaignLift, take);
        }

        if (!complete && count < bestIndex.Length && !double.IsNegativeInfinity(segment.Cutoff))
        {
            return FeedRanking.Top(columns, viewer, segment.At, campaignLift, take);
        }

        var ranked = new List<RankedItem>(count);
        for (var k = 0; k < count; k++)
        {
            ranked.Add(FeedRanking.Score(columns.Items[bestIndex[k]], viewer, segment.At, campaignLift)!);
        }

        return (ranked, segment.Total);
    }

    /// <summary>The segment for this viewer, computed at most once a minute per catalogue.</summary>
    public FeedSegment For(FeedColumns columns, FeedViewer viewer, IReadOnlyDictionary<int, string>? campaignLift, DateTime now)
    {
        var generation = _generation;
        if (!ReferenceEquals(generation.Columns, columns))
        {
            generation = new Generation(columns);
            _generation = generation;
        }

        var key = new SegmentKey(FeedColumns.Mask(viewer.Audiences), viewer.District, viewer.RegionGroup, viewer.PriorityArea, viewer.ElderMode,
            campaignLift is { Count: > 0 } ? string.Join(',', campaignLift.Keys.Order()) : "");
        if (!generation.Segments.TryGetValue(key, out var entry))
        {
            if (generation.Segments.Count >= MaxSegments)
            {
                generation.Segments.Clear();
            }

            entry = generation.Segments.GetOrAdd(key, _ => new Entry(new Lazy<FeedSegment>(() => Build(columns, viewer, campaignLift, now, keep))));
        }

        // A minute old: keep answering from it while one background task computes the next (freshness moves slowly).
        var segment = entry.Current.Value;
        if ((now - segment.At >= Lifetime || now < segment.At) && Interlocked.CompareExchange(ref entry.Refreshing, 1, 0) == 0)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    var next = Build(columns, viewer, campaignLift, clock.GetUtcNow().UtcDateTime, keep);
                    entry.Current = new Lazy<FeedSegment>(next);
                }
                finally
                {
                    Volatile.Write(ref entry.Refreshing, 0);
                }
            });
        }

        return segment;
    }

    private static FeedSegment Build(FeedColumns columns, FeedViewer viewer, IReadOnlyDictionary<int, string>? campaignLift, DateTime now, int keep)
    {
        var shared = viewer with { InterestTopics = [], RecentTopics = [], MissedTopics = null, History = FeedRanking.NoHistory };
        var scores = FeedRanking.BaseScores(columns, shared, now, campaignLift);
        var eligible = 0;
        foreach (var s in scores)
        {
            if (!double.IsNegativeInfinity(s))
            {
                eligible++;
            }
        }

        // Sort by score, newest first among equals (the page's own tie rule).
        var keys = new (double Score, long Ticks)[eligible];
        var indexes = new int[eligible];
        var n = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsNegativeInfinity(scores[i]))
            {
                keys[n] = (-scores[i], -columns.PublishedTicks[i]);
                indexes[n++] = i;
            }
        }

        Array.Sort(keys, indexes);
        var kept = Math.Min(keep, eligible);
        var order = indexes[..kept];
        var baseScores = new double[kept];
        for (var k = 0; k < kept; k++)
        {
            baseScores[k] = -keys[k].Score;
        }

        return new FeedSegment(order, baseScores, kept < eligible ? -keys[kept].Score : double.NegativeInfinity, eligible, now);
    }

    private static bool[]? Flags(FeedColumns columns, IReadOnlyList<string> topics)
    {
        bool[]? flags = null;
        foreach (var topic in topics)
        {
            if (columns.TopicIndex.TryGetValue(topic, out var id))
            {
                flags ??= new bool[columns.TopicIndex.Count];
                flags[id] = true;
            }
        }

        return flags;
    }

    private static bool Any(int[] topics, bool[] flags)
    {
        foreach (var t in topics)
        {
            if (flags[t])
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Generation(FeedColumns? columns)
    {
        public FeedColumns? Columns { get; } = columns;
        public ConcurrentDictionary<SegmentKey, Entry> Segments { get; } = new();
    }

    private sealed class Entry(Lazy<FeedSegment> current)
    {
        public int Refreshing;

        public Lazy<FeedSegment> Current { get; set; } = current;
    }
}

/// <summary>Keeps the best few (score, then newer first) by insertion: a page or two, so this beats a heap or a sort.</summary>
internal static class TopK
{
    public static int Insert(int[] bestIndex, double[] bestScore, int count, int index, double score, long[] publishedTicks)
    {
        if (count == bestIndex.Length && !Better(score, index, bestScore[count - 1], bestIndex[count - 1], publishedTicks))
        {
            return count;
        }

        var at = count == bestIndex.Length ? count - 1 : count++;
        while (at > 0 && Better(score, index, bestScore[at - 1], bestIndex[at - 1], publishedTicks))
        {
            bestScore[at] = bestScore[at - 1];
            bestIndex[at] = bestIndex[at - 1];
            at--;
        }

        bestScore[at] = score;
        bestIndex[at] = index;
        return count;
    }

    private static bool Better(double score, int index, double otherScore, int otherIndex, long[] publishedTicks) =>
        score > otherScore || (score == otherScore && publishedTicks[index] > publishedTicks[otherIndex]);
}
