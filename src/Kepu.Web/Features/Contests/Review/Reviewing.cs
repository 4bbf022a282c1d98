using System.Security.Claims;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Features.Contests.Entries;
using Kepu.Web.Features.Notifications;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Review;

/// <summary>Scores by criterion id, and a comment for the entrant (shown to them without the reviewer's name).</summary>
public sealed record ScoreRequest(IReadOnlyDictionary<int, int>? Scores, string? Comment);

public sealed record RecuseRequest(string? Reason);

public sealed record AssignmentSummary(int Id, int CallId, string CallTitle, string Round, string EntryCode, string EntryTitle, string Category,
    string Status, string StatusLabel, decimal? Total, bool RoundOpen);

public sealed record CriterionScoreView(int CriterionId, string Name, string Guidance, int Weight, int Min, int Max, int? Value);

/// <summary>What a reviewer sees: the entry without any name, the rubric, and their own scores.</summary>
public sealed record AssignmentView(int Id, int CallId, string CallTitle, string Round, BlindEntryView Entry, IReadOnlyList<CriterionScoreView> Criteria,
    string Status, string StatusLabel, decimal? Total, string Comment, bool RoundOpen);

/// <summary>The reviewer's side: their assignments, scoring, and recusal with a replacement.</summary>
public sealed class Reviewing(AppDbContext db, Conflicts conflicts, Notifier notifier, TimeProvider clock)
{
    public async Task<IReadOnlyList<AssignmentSummary>> MineAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = ContestAccess.Me(user);
        var rows = await (from a in db.Set<EntryReview>().AsNoTracking()
                          join r in db.Set<ReviewRound>() on a.RoundId equals r.Id
                          join c in db.Set<ContestCall>() on r.CallId equals c.Id
                          join e in db.Set<ContestEntry>() on a.EntryId equals e.Id
                          where a.ReviewerId == me
                          orderby r.OpenedAt descending, a.Id
                          select new { a.Id, CallId = c.Id, c.Title, r.Number, RoundStatus = r.Status, EntryId = e.Id, EntryTitle = e.Title, e.Category, a.Status, a.Total })
            .Take(1000).ToListAsync(ct);
        var callIds = rows.Select(r => r.CallId).Distinct().ToList();
        var rounds = await db.Set<ContestCall>().AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.RoundCount, ct);
        return [.. rows.Select(x => new AssignmentSummary(x.Id, x.CallId, x.Title, PhaseCodes.RoundLabel(x.Number, rounds[x.CallId]),
            BlindEntryView.CodeOf(x.EntryId), x.EntryTitle, x.Category, x.Status, AssignmentStatus.Label(x.Status), x.Total, x.RoundStatus == RoundStatus.Open))];
    }

    public async Task<AssignmentView> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (review, round, call) = await LoadMineAsync(id, user, ct);
        var entry = await db.Set<ContestEntry>().AsNoTracking().FirstAsync(e => e.Id == review.EntryId, ct);
        var mine = review.Scores.ToDictionary(s => s.CriterionId, s => s.Value);
        return new AssignmentView(review.Id, call.Id, call.Title, PhaseCodes.RoundLabel(round.Number, call.RoundCount), BlindEntryView.Of(entry),
            [.. call.Criteria.OrderBy(c => c.Position).Select(c => new CriterionScoreView(c.Id, c.Name, c.Guidance, c.Weight, c.Min, c.Max,
                mine.TryGetValue(c.Id, out var value) ? value : null))],
            review.Status, AssignmentStatus.Label(review.Status), review.Total, review.Comment, round.Status == RoundStatus.Open);
    }

    /// <summary>Every criterion scored within its range; rescoring is allowed until the round closes, and each score is audited.</summary>
    public async Task<AssignmentView> ScoreAsync(int id, ScoreRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (review, round, call) = await LoadMineAsync(id, user, ct);
        EnsureOpen(round);
        var v = new RequestValidator();
        var given = r.Scores ?? new Dictionary<int, int>();
        foreach (var c in call.Criteria.OrderBy(c => c.Position))
        {
            if (!given.TryGetValue(c.Id, out var value))
            {
                v.Add($"scores[{c.Id}]", $"请给“{c.Name}”打分（{c.Min}–{c.Max} 分）。");
            }
            else if (value < c.Min || value > c.Max)
            {
                v.Add($"scores[{c.Id}]", $"“{c.Name}”的分数须在 {c.Min} 到 {c.Max} 之间，你填的是 {value}。");
            }
        }

        foreach (var unknown in given.Keys.Where(k => call.Criteria.All(c => c.Id != k)))
        {
            v.Add($"scores[{unknown}]", $"评分项 {unknown} 不属于这个征集。");
        }

        var comment = (r.Comment ?? "").Trim();
        if (comment.Length > EntryReview.MaxComment || TextRules.HasMarkup(comment) || TextRules.HasControlCharacters(comment))
        {
            v.Add("comment", $"评语不能超过 {EntryReview.MaxComment} 个字，不能含标记。");
        }

        v.ThrowIfInvalid();
        var now = clock.GetUtcNow().UtcDateTime;
        var rescoring = review.Status == AssignmentStatus.Done;
        var total = call.Total(given);
        review.Score(given, total, comment, now);
        ContestAccess.Audit(db, call.Id, review.ReviewerId, rescoring ? "rescore" : "score",
            $"评审 {review.Id}：作品 {review.EntryId} {(rescoring ? "改分为" : "得分")} {total}（" + string.Join("，", call.Criteria.OrderBy(c => c.Position)
                .Select(c => $"{c.Name} {given[c.Id]}")) + "）", now);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, user, ct);
    }

    /// <summary>
    /// A reviewer who finds a conflict (they recognise the work) steps aside; the entry goes to the panelist with the lightest load who has
    /// no conflict and is not already reviewing it. When nobody is left the organisers are told, and the round cannot close until they act.
    /// </summary>
    public async Task<string> RecuseAsync(int id, RecuseRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (review, round, call) = await LoadMineAsync(id, user, ct);
        EnsureOpen(round);
        var reason = (r.Reason ?? "").Trim();
        if (reason.Length is < 2 or > 200 || TextRules.HasMarkup(reason))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["reason"] = ["请简单说明回避原因（2 到 200 个字，不会告诉申报者）。"] });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        review.Recuse(reason);
        var entry = await db.Set<ContestEntry>().FirstAsync(e => e.Id == review.EntryId, ct);
        var onEntry = await db.Set<EntryReview>().Where(a => a.RoundId == round.Id && a.EntryId == entry.Id).Select(a => a.ReviewerId).ToListAsync(ct);
        var candidates = round.Panel.Select(p => p.ReviewerId).Where(p => !onEntry.Contains(p)).ToList();
        var conflicted = await conflicts.FindAsync(call.Id, [entry], candidates, ct);
        var loads = await db.Set<EntryReview>().Where(a => a.RoundId == round.Id && a.Status != AssignmentStatus.Recused)
            .GroupBy(a => a.ReviewerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var replacement = candidates.Where(c => !conflicted.Contains((entry.Id, c))).OrderBy(c => loads.GetValueOrDefault(c)).ThenBy(c => c, StringComparer.Ordinal)
            .FirstOrDefault();
        string outcome;
        if (replacement is not null)
        {
            db.Add(new EntryReview(round.Id, entry.Id, replacement, now));
            notifier.Send(replacement, $"新增评审任务：{call.Title}", "有评审回避，一件作品改由你评审。", "/contests/review");
            outcome = "已改派给另一位评审";
        }
        else
        {
            notifier.Send(round.OpenedBy, $"评审回避后无人可改派：{call.Title}", $"{BlindEntryView.CodeOf(entry.Id)} 少了一位评审，请在评审组中增加专家。",
                $"/contests/{call.Id}/manage");
            outcome = "评审组中没有可改派的评审，已通知组织方";
        }

        ContestAccess.Audit(db, call.Id, review.ReviewerId, "recuse", $"评审 {review.Id} 回避作品 {entry.Id}；{outcome}", now);
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    private async Task<(EntryReview Review, ReviewRound Round, ContestCall Call)> LoadMineAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = ContestAccess.Me(user);
        var review = await db.Set<EntryReview>().FirstOrDefaultAsync(a => a.Id == id && a.ReviewerId == me, ct)
            ?? throw new NotFoundException($"评审任务 {id} 不存在，或没有分配给你。");
        var round = await db.Set<ReviewRound>().FirstAsync(x => x.Id == review.RoundId, ct);
        return (review, round, await ContestAccess.LoadCallAsync(db, round.CallId, ct));
    }

    private static void EnsureOpen(ReviewRound round)
    {
        if (round.Status != RoundStatus.Open)
        {
            throw new BusinessRuleException("这一轮评审已经结束，不能再打分或回避。");
        }
    }
}
