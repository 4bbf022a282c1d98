using System.Globalization;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Contests.Review;

/// <summary>
/// Ranks entries (排名) and picks those that advance (晋级).
/// <para>
/// Order: score descending, compared after rounding to 4 decimals (so floating-point noise is not a difference). Entries
/// with equal rounded scores are tied and ordered by, in turn: raw mean total descending (原始平均分); mean on the rubric's
/// highest-weight criterion descending (最高权重评分项平均分); earlier submission (提交时间); and finally the smaller entry id
/// (作品编号), so the order is total and reproducible. Ranks are 1-based positions: no two entries share a rank.
/// </para>
/// <para>
/// TieBreak: for an entry tied with the next entry in the order, the rule that put it ahead of that entry
/// ("与作品 8 同分，按原始平均分在前"); for the last entry of a tied group, the rule that put it behind the previous one
/// ("与作品 7 同分，按提交时间在后"). Null for entries that tie with no one.
/// </para>
/// </summary>
public static class Ranking
{
    private static readonly string[] RuleNames = ["原始平均分", "最高权重评分项平均分", "提交时间", "作品编号"];

    /// <exception cref="ArgumentException">Duplicate entries or a score that is not a finite number.</exception>
    public static IReadOnlyList<RankedEntry> Rank(IReadOnlyList<RankInput> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Select(e => e.Entry).Distinct().Count() != entries.Count)
        {
            throw new ArgumentException("Entries must be distinct.", nameof(entries));
        }

        if (entries.Any(e => !double.IsFinite(e.Score)))
        {
            throw new ArgumentException("Scores must be finite numbers.", nameof(entries));
        }

        var ordered = entries.Order(Comparer<RankInput>.Create(Compare)).ToList();
        var result = new List<RankedEntry>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            string? tieBreak = null;
            if (i + 1 < ordered.Count && Key(ordered[i]) == Key(ordered[i + 1]))
            {
                tieBreak = Describe(ordered[i + 1].Entry, Decider(ordered[i], ordered[i + 1]), "在前");
            }
            else if (i > 0 && Key(ordered[i]) == Key(ordered[i - 1]))
            {
                tieBreak = Describe(ordered[i - 1].Entry, Decider(ordered[i - 1], ordered[i]), "在后");
            }

            result.Add(new RankedEntry(ordered[i].Entry, i + 1, ordered[i].Score, tieBreak));
        }

        return result;
    }

    /// <summary>
    /// The entries of <paramref name="ranked"/> that advance, in rank order: Rank ≤ TopN when TopN is set, and score (rounded
    /// to 4 decimals) ≥ Threshold when Threshold is set; with both set an entry must satisfy both.
    /// </summary>
    /// <exception cref="BusinessRuleException">The rule sets neither a number nor a threshold, or a number below 1.</exception>
    public static IReadOnlyList<RankedEntry> Advance(IReadOnlyList<RankedEntry> ranked, AdvanceRule rule)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.TopN is null && rule.Threshold is null)
        {
            throw new BusinessRuleException("晋级规则至少要设定晋级名额或分数线之一。");
        }

        if (rule.TopN is < 1)
        {
            throw new BusinessRuleException("晋级名额至少为 1。");
        }

        if (rule.Threshold is { } t && !double.IsFinite(t))
        {
            throw new BusinessRuleException("晋级分数线必须是有效的数字。");
        }

        return ranked
            .Where(e => (rule.TopN is not { } n || e.Rank <= n) && (rule.Threshold is not { } min || Key(e.Score) >= min))
            .OrderBy(e => e.Rank)
            .ToList();
    }

    private static double Key(RankInput e) => Key(e.Score);

    private static double Key(double score) => Math.Round(score, 4, MidpointRounding.AwayFromZero);

    private static int Compare(RankInput a, RankInput b)
    {
        var byScore = Key(b).CompareTo(Key(a));
        return byScore != 0 ? byScore : TieRules(a, b).FirstOrDefault(c => c != 0);
    }

    /// <summary>The tie rules in order, each negative when <paramref name="a"/> goes first.</summary>
    private static IEnumerable<int> TieRules(RankInput a, RankInput b)
    {
        yield return b.RawMean.CompareTo(a.RawMean);
        yield return b.BestCriterionMean.CompareTo(a.BestCriterionMean);
        yield return a.SubmittedAt.CompareTo(b.SubmittedAt);
        yield return a.Entry.CompareTo(b.Entry);
    }

    /// <summary>Index of the first tie rule that separates two tied entries.</summary>
    private static int Decider(RankInput first, RankInput second) =>
        TieRules(first, second).Select((c, i) => (c, i)).First(x => x.c != 0).i;

    private static string Describe(int other, int rule, string side) =>
        string.Create(CultureInfo.InvariantCulture, $"与作品 {other} 同分，按{RuleNames[rule]}{side}");
}
