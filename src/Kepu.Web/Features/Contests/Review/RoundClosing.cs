using System.Globalization;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Review;

/// <summary>
/// Closing a round: every assigned review must be in; scores are normalised per reviewer (z-scores), outliers flagged, entries ranked
/// with the documented tie rule, and (before the final round) the entries meeting the round's rule advance; the rest drop out.
/// </summary>
public sealed class RoundClosing(AppDbContext db, IAccountDirectory accounts, TimeProvider clock)
{
    public async Task<RoundView> CloseAsync(int callId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContestAccess.EnsureRuns(user);
        var call = await ContestAccess.LoadCallAsync(db, callId, ct);
        if (call.Stage != CallStages.Review)
        {
            throw new BusinessRuleException("现在没有进行中的评审轮次。");
        }

        var round = await db.Set<ReviewRound>().FirstAsync(r => r.CallId == callId && r.Number == call.CurrentRound, ct);
        var reviews = await db.Set<EntryReview>().Where(a => a.RoundId == round.Id).ToListAsync(ct);
        var pending = reviews.Count(a => a.Status == AssignmentStatus.Pending);
        if (pending > 0)
        {
            throw new BusinessRuleException($"还有 {pending} 份评审没有完成，全部评完才能结束这一轮。");
        }

        var done = reviews.Where(a => a.Status == AssignmentStatus.Done).ToList();
        var entryIds = reviews.Select(a => a.EntryId).Distinct().ToList();
        if (entryIds.FirstOrDefault(id => done.All(a => a.EntryId != id)) is var missing and > 0)
        {
            throw new BusinessRuleException($"{Entries.BlindEntryView.CodeOf(missing)} 没有任何有效评审（评审都已回避），请增加评审后再结束。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var normalised = ScoreNormalisation.Normalise([.. done.Select(a => new ReviewScore(a.EntryId, a.ReviewerId, a.Total!.Value))]);
        foreach (var n in normalised.Reviews)
        {
            done.First(a => a.EntryId == n.Entry && a.ReviewerId == n.Reviewer).Normalised(n.Z, n.Outlier);
        }

        var entries = await db.Set<ContestEntry>().Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var top = call.Criteria.OrderByDescending(c => c.Weight).ThenBy(c => c.Position).First();
        var ranked = Ranking.Rank([.. normalised.Entries.Select(e => new RankInput(e.Entry, e.Scaled, e.RawMean,
            BestCriterionMean(done.Where(a => a.EntryId == e.Entry), top), entries[e.Entry].SubmittedAt))]);
        var final = round.Number == call.RoundCount;
        var advancing = final ? ranked.Select(r => r.Entry).ToHashSet()
            : Ranking.Advance(ranked, new AdvanceRule(round.AdvanceTopN, round.AdvanceThreshold)).Select(r => r.Entry).ToHashSet();
        var byEntry = normalised.Entries.ToDictionary(e => e.Entry);
        foreach (var r in ranked)
        {
            var e = byEntry[r.Entry];
            db.Add(new RoundScore(round.Id, r.Entry, e.RawMean, e.MeanZ, e.Scaled, r.Rank, r.TieBreak, e.HasOutlier, advancing.Contains(r.Entry)));
            if (!advancing.Contains(r.Entry))
            {
                entries[r.Entry].DropOut();
            }
        }

        round.Close(now);
        var label = PhaseCodes.RoundLabel(round.Number, call.RoundCount);
        ContestAccess.Audit(db, callId, ContestAccess.Me(user), "close-round",
            $"结束{label}：{ranked.Count} 件作品排名，{(final ? "进入最终排名" : $"{advancing.Count} 件晋级")}；异常评分 {normalised.Reviews.Count(x => x.Outlier)} 份；"
            + "规则：" + (final ? "终评不设晋级" : Rule(round)), now);
        await db.SaveChangesAsync(ct);
        return await RoundViews.GetAsync(db, accounts, call, round.Number, ct);
    }

    public async Task<RoundView> GetAsync(int callId, int number, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContestAccess.EnsureRuns(user);
        return await RoundViews.GetAsync(db, accounts, await ContestAccess.LoadCallAsync(db, callId, ct), number, ct);
    }

    /// <summary>The mean score an entry's reviews gave on the rubric's highest-weight criterion (the second tie-breaker).</summary>
    internal static decimal BestCriterionMean(IEnumerable<EntryReview> reviews, ContestCriterion top)
    {
        var values = reviews.Select(a => a.Scores.FirstOrDefault(s => s.CriterionId == top.Id)?.Value).OfType<int>().ToList();
        return values.Count > 0 ? Math.Round((decimal)values.Average(), 2) : 0;
    }

    private static string Rule(ReviewRound round) => string.Join("且", new[]
    {
        round.AdvanceTopN is { } n ? $"前 {n} 名" : null,
        round.AdvanceThreshold is { } t ? $"标准分不低于 {t.ToString(CultureInfo.InvariantCulture)}" : null,
    }.OfType<string>());
}
