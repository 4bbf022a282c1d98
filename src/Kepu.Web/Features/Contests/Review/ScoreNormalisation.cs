using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Contests.Review;

/// <summary>
/// Removes each reviewer's personal scale from the scores of a round (分数标准化), so a harsh and a lenient reviewer weigh the same.
/// <list type="bullet">
/// <item><b>z-score</b>: for each reviewer, z = (total − reviewer mean) / reviewer population SD (divide by n, not n − 1:
/// the reviewer's scores in the round are the whole population we rescale). A reviewer with fewer than 2 scores, or whose
/// scores are all equal (SD = 0), cannot discriminate between entries: all their z are 0, so they move no entry up or down.</item>
/// <item><b>Entry score</b>: MeanZ = mean of the entry's z; Scaled = 70 + 10 × MeanZ rounded to 2 decimals (away from zero),
/// a familiar exam-like scale where an average entry scores 70. It is not clipped to 0–100, so the order is never lost.
/// RawMean = mean of the raw totals rounded to 2 decimals (used to break ties).</item>
/// <item><b>Outlier</b> (离群评分): a review whose z differs by more than <see cref="NormalisationOptions.OutlierThreshold"/>
/// from the mean z of the <em>other</em> reviews of the same entry. It needs at least two other reviews: with only two
/// reviews on an entry we cannot tell which one is out of line, so neither is flagged. Outliers are flagged for the
/// organisers to look at, never dropped automatically.</item>
/// <item><b>Harsh / lenient</b> (偏严 / 偏松): a reviewer whose raw mean is more than one panel SD below / above the panel
/// mean, where the panel mean and population SD are taken over all raw totals of the round. A reviewer with fewer than 2
/// scores is never flagged (one score says nothing about a person's scale).</item>
/// </list>
/// Arithmetic on totals is done in <see cref="decimal"/> (means, deviations, variances), and only the square root and the
/// division by it in <see cref="double"/>, so equal totals give exactly equal z.
/// </summary>
public static class ScoreNormalisation
{
    /// <summary>Centre of the scaled score: an entry whose reviews are all at their reviewers' means.</summary>
    public const double ScaledCentre = 70;

    /// <summary>Points of the scaled score per unit of mean z.</summary>
    public const double ScaledPerZ = 10;

    /// <exception cref="BusinessRuleException">The outlier threshold is not positive.</exception>
    /// <exception cref="ArgumentException">One reviewer scored one entry twice.</exception>
    public static NormalisedRound Normalise(IReadOnlyList<ReviewScore> scores, NormalisationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        options ??= new NormalisationOptions();
        if (!(options.OutlierThreshold > 0))
        {
            throw new BusinessRuleException("离群判定阈值必须大于 0。");
        }

        var seen = new HashSet<(int, string)>();
        foreach (var s in scores)
        {
            if (!seen.Add((s.Entry, s.Reviewer)))
            {
                throw new ArgumentException($"Reviewer {s.Reviewer} scored entry {s.Entry} more than once.", nameof(scores));
            }
        }

        var reviewerScale = new Dictionary<string, (decimal Mean, double Sd)>(StringComparer.Ordinal);
        var stats = new List<ReviewerStats>();
        var (panelMean, panelSd) = scores.Count == 0 ? (0m, 0.0) : MeanSd(scores.Select(s => s.Total).ToList());
        foreach (var group in scores.GroupBy(s => s.Reviewer, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var totals = group.Select(s => s.Total).ToList();
            var (mean, sd) = MeanSd(totals);
            var discriminates = totals.Count >= 2 && sd > 0;
            reviewerScale[group.Key] = (mean, discriminates ? sd : 0);
            var rated = totals.Count >= 2;
            stats.Add(new ReviewerStats(group.Key, totals.Count, (double)mean, sd,
                Harsh: rated && (double)(mean - panelMean) < -panelSd,
                Lenient: rated && (double)(mean - panelMean) > panelSd));
        }

        var z = new double[scores.Count];
        for (var i = 0; i < scores.Count; i++)
        {
            var (mean, sd) = reviewerScale[scores[i].Reviewer];
            z[i] = sd > 0 ? (double)(scores[i].Total - mean) / sd : 0;
        }

        var outlier = new bool[scores.Count];
        var entries = new List<EntryScore>();
        foreach (var group in Enumerable.Range(0, scores.Count).GroupBy(i => scores[i].Entry).OrderBy(g => g.Key))
        {
            var indices = group.ToList();
            var sum = indices.Sum(i => z[i]);
            if (indices.Count >= 3)
            {
                foreach (var i in indices)
                {
                    var othersMean = (sum - z[i]) / (indices.Count - 1);
                    outlier[i] = Math.Abs(z[i] - othersMean) > options.OutlierThreshold;
                }
            }

            var meanZ = sum / indices.Count;
            var rawMean = Math.Round(indices.Sum(i => scores[i].Total) / indices.Count, 2, MidpointRounding.AwayFromZero);
            entries.Add(new EntryScore(group.Key, meanZ, Scale(meanZ), rawMean, indices.Count, indices.Any(i => outlier[i])));
        }

        var reviews = scores.Select((s, i) => new NormalisedReview(s.Entry, s.Reviewer, s.Total, z[i], outlier[i])).ToList();
        return new NormalisedRound(reviews, stats, entries);
    }

    /// <summary>70 + 10 × mean z, rounded to 2 decimals away from zero.</summary>
    public static double Scale(double meanZ) =>
        Math.Round(ScaledCentre + ScaledPerZ * meanZ, 2, MidpointRounding.AwayFromZero);

    /// <summary>Mean and population SD; the SD is exactly 0 when all values are equal.</summary>
    private static (decimal Mean, double Sd) MeanSd(List<decimal> values)
    {
        var mean = values.Sum() / values.Count;
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return (mean, variance == 0 ? 0 : Math.Sqrt((double)variance));
    }
}
