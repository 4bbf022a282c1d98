using System.Security.Claims;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Features.Contests.Review;
using Kepu.Web.Features.Contests.Voting;
using Kepu.Web.Features.Notifications;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Results;

/// <summary>
/// The final ranking and 公示: the last round's normalised scores, combined with valid public votes by the call's weight, ranked with the
/// tie rule, and award levels given down the ranking. Results are public from 公示 on, with the entrants' names (review is over).
/// </summary>
public sealed class ResultDesk(AppDbContext db, Votes votes, Notifier notifier, TimeProvider clock)
{
    public async Task<ResultsView> RankAsync(int callId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContestAccess.EnsureRuns(user);
        var call = await ContestAccess.LoadCallAsync(db, callId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (call.IsVoting(now))
        {
            throw new BusinessRuleException("公众投票还没有结束，结束以后才能最终排名。");
        }

        call.StartPublicity(now);
        var last = await db.Set<ReviewRound>().AsNoTracking().FirstAsync(r => r.CallId == callId && r.Number == call.RoundCount, ct);
        var scores = await db.Set<RoundScore>().AsNoTracking().Where(s => s.RoundId == last.Id).ToListAsync(ct);
        var entryIds = scores.Select(s => s.EntryId).ToList();
        var entries = await db.Set<ContestEntry>().Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var valid = call.HasVoting ? await votes.TallyAsync(callId, ct) : new Dictionary<int, int>();
        var weight = call.HasVoting ? call.VoteWeight : 0;
        var combined = VoteWeighting.Combine([.. scores.Select(s => (s.EntryId, s.Scaled))], entryIds.ToDictionary(id => id, id => valid.GetValueOrDefault(id)), weight)
            .ToDictionary(c => c.Entry, c => c.Combined);
        var byEntry = scores.ToDictionary(s => s.EntryId);
        var reviews = await db.Set<EntryReview>().AsNoTracking().Where(a => a.RoundId == last.Id && a.Status == AssignmentStatus.Done).ToListAsync(ct);
        var top = call.Criteria.OrderByDescending(c => c.Weight).ThenBy(c => c.Position).First();
        var ranked = Ranking.Rank([.. scores.Select(s => new RankInput(s.EntryId, combined[s.EntryId], s.RawMean,
            RoundClosing.BestCriterionMean(reviews.Where(a => a.EntryId == s.EntryId), top), entries[s.EntryId].SubmittedAt))]);

        // Award levels go down the ranking in their order: the first Count entries get the first level, and so on.
        var levels = call.Awards.OrderBy(a => a.Position).SelectMany(a => Enumerable.Repeat(a.Id, a.Count)).ToList();
        foreach (var r in ranked)
        {
            var award = r.Rank <= levels.Count ? levels[r.Rank - 1] : (int?)null;
            db.Add(new ContestResult(callId, r.Entry, r.Rank, byEntry[r.Entry].Scaled, valid.GetValueOrDefault(r.Entry), Math.Round(combined[r.Entry], 2), r.TieBreak, award));
            entries[r.Entry].MarkRanked();
            notifier.Send(entries[r.Entry].SubmitterId, $"评审结果公示：{call.Title}", $"你的作品《{entries[r.Entry].Title}》排名第 {r.Rank}。公示期内可以查看结果和提出异议。",
                $"/contests/{callId}/results");
        }

        ContestAccess.Audit(db, callId, ContestAccess.Me(user), "rank",
            $"最终排名 {ranked.Count} 件；投票权重 {weight:0.##}；有效票 {valid.Values.Sum()}；获奖 {Math.Min(levels.Count, ranked.Count)} 件；公示至 {Display.Beijing(call.PublicityUntil!.Value)}", now);
        await db.SaveChangesAsync(ct);
        return await ResultsAsync(callId, user, ct);
    }

    /// <summary>The ranking, public from 公示 on; organisers can see it as soon as it exists.</summary>
    public async Task<ResultsView> ResultsAsync(int callId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var call = await ContestAccess.LoadVisibleCallAsync(db, callId, user, ct);
        if (call.Stage is not (CallStages.Publicity or CallStages.Published))
        {
            throw new BusinessRuleException("评审结束、排名公示以后才能查看结果。");
        }

        var results = await db.Set<ContestResult>().AsNoTracking().Where(r => r.CallId == callId).OrderBy(r => r.Rank).ToListAsync(ct);
        var ids = results.Select(r => r.EntryId).ToList();
        var entries = await db.Set<ContestEntry>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var awards = call.Awards.ToDictionary(a => a.Id);
        return new ResultsView(call.Id, call.Title, call.Stage, CallStages.Label(call.Stage), call.PublicityUntil, call.PublishedAt, call.HasVoting, call.VoteWeight,
            [.. results.Select(r => new ResultRow(r.EntryId, r.Rank, entries[r.EntryId].Title, entries[r.EntryId].Category, entries[r.EntryId].EntrantName,
                [.. entries[r.EntryId].Authors.OrderBy(a => a.Position).Select(a => a.Name)], r.ReviewScore, r.Votes, r.Combined,
                r.AwardId is { } a ? awards[a].Name : null, r.AwardId is { } f ? awards[f].FundingYuan : null, r.TieBreak, r.LibraryContentId, r.CertificateCode))]);
    }
}
