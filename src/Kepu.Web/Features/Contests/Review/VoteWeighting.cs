using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Contests.Review;

/// <summary>
/// Combines the expert review with the public vote (大众投票) for contests that count votes.
/// <para>
/// Combined = (1 − w) × ReviewScaled + w × VoteScore, where VoteScore = 100 × votes / (most votes of any entry being
/// combined), so the most-voted entry gets 100 and the others a share of it; VoteScore is 0 for every entry when no entry
/// has a vote. Only valid votes count (the caller removes votes it has voided, e.g. after <see cref="VoteAnomalies"/>
/// flags are reviewed). Votes for entries not in <c>review</c> are ignored and do not set the maximum; an entry missing
/// from <c>validVotes</c> has 0 votes. The vote weight w is at most 0.5, so experts always weigh at least as much as the public.
/// The result is not rounded and keeps the order of <c>review</c>.
/// </para>
/// </summary>
public static class VoteWeighting
{
    /// <summary>The largest allowed vote weight.</summary>
    public const double MaxVoteWeight = 0.5;

    /// <exception cref="BusinessRuleException">The weight is outside [0, 0.5].</exception>
    /// <exception cref="ArgumentException">Negative votes or duplicate entries.</exception>
    public static IReadOnlyList<(int Entry, double Combined)> Combine(
        IReadOnlyList<(int Entry, double ReviewScaled)> review,
        IReadOnlyDictionary<int, int> validVotes,
        double voteWeight)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(validVotes);
        if (!(voteWeight is >= 0 and <= MaxVoteWeight))
        {
            throw new BusinessRuleException("大众投票的权重必须在 0 到 0.5 之间。");
        }

        if (review.Select(r => r.Entry).Distinct().Count() != review.Count)
        {
            throw new ArgumentException("Entries must be distinct.", nameof(review));
        }

        if (validVotes.Values.Any(v => v < 0))
        {
            throw new ArgumentException("Vote counts cannot be negative.", nameof(validVotes));
        }

        var votes = review.Select(r => validVotes.TryGetValue(r.Entry, out var v) ? v : 0).ToList();
        var max = votes.Count == 0 ? 0 : votes.Max();
        return review.Select((r, i) =>
        {
            var voteScore = max == 0 ? 0 : 100.0 * votes[i] / max;
            return (r.Entry, (1 - voteWeight) * r.ReviewScaled + voteWeight * voteScore);
        }).ToList();
    }
}
