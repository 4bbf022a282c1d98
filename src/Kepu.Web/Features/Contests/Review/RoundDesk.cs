using System.Security.Claims;
using System.Security.Cryptography;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Features.Notifications;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Review;

/// <summary>Opening a round: a panel of experts (by user name), k reviewers per entry, and the rule for advancing.</summary>
public sealed record OpenRoundRequest(IReadOnlyList<string>? Reviewers, int? K, int? AdvanceTopN, double? AdvanceThreshold);

public sealed record DeclareConflictRequest(string? Name);

/// <summary>
/// The organisers' side of a review round: open it (panel, conflicts, balanced assignment), and record reviewers' declared ties.
/// Closing a round is <see cref="RoundClosing"/>.
/// </summary>
public sealed class RoundDesk(AppDbContext db, IAccountDirectory accounts, Conflicts conflicts, Notifier notifier, TimeProvider clock)
{
    public const int MaxPanel = 200;

    public async Task<RoundView> OpenAsync(int callId, OpenRoundRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContestAccess.EnsureRuns(user);
        var me = ContestAccess.Me(user);
        var call = await ContestAccess.LoadCallAsync(db, callId, ct);
        var number = call.CurrentRound + 1;
        var v = RequestValidator.For(r);
        var experts = (await accounts.ExpertsAsync(ct)).Select(e => e.Id).ToHashSet();
        var reviewers = new List<string>();
        foreach (var name in (r.Reviewers ?? []).Select(n => n?.Trim() ?? "").Where(n => n.Length > 0).Distinct())
        {
            var id = await accounts.UserIdByNameAsync(name, ct);
            if (id is null || !experts.Contains(id))
            {
                v.Add(nameof(r.Reviewers), $"“{name}”不是平台上的专家账号；评审须是专家。");
            }
            else
            {
                reviewers.Add(id);
            }
        }

        if (reviewers.Count is 0 or > MaxPanel)
        {
            v.Add(nameof(r.Reviewers), $"请填写 1 到 {MaxPanel} 位评审专家的用户名。");
        }

        if (r.K is not (>= 1 and <= 9))
        {
            v.Add(nameof(r.K), "每件作品的评审人数须在 1 到 9 之间。");
        }
        else if (reviewers.Count > 0 && r.K > reviewers.Count)
        {
            v.Add(nameof(r.K), $"每件作品要 {r.K} 位评审，但评审组只有 {reviewers.Count} 位。");
        }

        var final = number == call.RoundCount;
        if (!final && r.AdvanceTopN is null && r.AdvanceThreshold is null)
        {
            v.Add(nameof(r.AdvanceTopN), "请设置晋级规则：前 N 名、分数线，或两者同时满足。");
        }

        if (r.AdvanceTopN is < 1 || r.AdvanceThreshold is < 0 or > 200)
        {
            v.Add(nameof(r.AdvanceTopN), "晋级名额至少 1 名，分数线在 0 到 200 之间。");
        }

        v.ThrowIfInvalid();
        var now = clock.GetUtcNow().UtcDateTime;
        call.StartRound(number, now);
        var entries = await EntriesForAsync(call, number, ct);
        if (entries.Count == 0)
        {
            throw new BusinessRuleException(number == 1 ? "没有可以评审的作品。" : "上一轮没有晋级的作品。");
        }

        var found = await conflicts.FindAsync(callId, entries, reviewers, ct);
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var assignment = ReviewAssignment.Assign(new AssignmentProblem([.. entries.Select(e => e.Id)], reviewers, r.K!.Value, found, seed));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var round = new ReviewRound(callId, number, r.K.Value, final ? null : r.AdvanceTopN, final ? null : r.AdvanceThreshold, seed, me, now);
        round.Panel.AddRange(reviewers.Select(id => new Panelist(id)));
        db.Add(round);
        await db.SaveChangesAsync(ct);
        foreach (var entry in entries)
        {
            entry.EnterRound(number);
            foreach (var reviewer in assignment.ReviewersByEntry[entry.Id])
            {
                db.Add(new EntryReview(round.Id, entry.Id, reviewer, now));
            }
        }

        var label = PhaseCodes.RoundLabel(number, call.RoundCount);
        foreach (var (reviewer, load) in assignment.Loads.Where(l => l.Value > 0))
        {
            notifier.Send(reviewer, $"请评审：{call.Title}（{label}）", $"分配给你 {load} 件作品，请在评审期内完成打分。", "/contests/review");
        }

        ContestAccess.Audit(db, callId, me, "open-round",
            $"开始{label}：{entries.Count} 件作品，{reviewers.Count} 位评审，每件 {r.K} 位；排除利益冲突 {found.Count} 对；分配种子 {seed}；"
            + $"负担 {assignment.Loads.Values.Min()}–{assignment.Loads.Values.Max()} 件", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await RoundViews.GetAsync(db, accounts, call, number, ct);
    }

    /// <summary>A reviewer names a person or organisation they have ties with, before the assignment (回避申报).</summary>
    public async Task DeclareConflictAsync(int callId, DeclareConflictRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = ContestAccess.Me(user);
        if (!user.IsInRole(Accounts.Entities.Roles.Expert))
        {
            throw new ForbiddenException("只有评审专家需要申报回避。");
        }

        var call = await ContestAccess.LoadVisibleCallAsync(db, callId, user, ct);
        var name = r.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 100 || TextRules.HasMarkup(name) || TextRules.HasControlCharacters(name))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["name"] = ["请填写需要回避的人或单位的名称（2 到 100 个字）。"] });
        }

        if (await db.Set<DeclaredConflict>().AnyAsync(d => d.CallId == callId && d.ReviewerId == me && d.Name == name, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new DeclaredConflict(call.Id, me, name, now));
        ContestAccess.Audit(db, call.Id, me, "declare-conflict", "评审申报回避一项（名称不公开）", now);
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<ContestEntry>> EntriesForAsync(ContestCall call, int number, CancellationToken ct)
    {
        if (number == 1)
        {
            return await db.Set<ContestEntry>().Where(e => e.CallId == call.Id && e.Status == EntryStatus.Submitted).OrderBy(e => e.Id).ToListAsync(ct);
        }

        var previous = await db.Set<ReviewRound>().AsNoTracking().FirstAsync(x => x.CallId == call.Id && x.Number == number - 1, ct);
        var advanced = await db.Set<RoundScore>().AsNoTracking().Where(s => s.RoundId == previous.Id && s.Advanced).Select(s => s.EntryId).ToListAsync(ct);
        return await db.Set<ContestEntry>().Where(e => advanced.Contains(e.Id) && e.Status == EntryStatus.Submitted).OrderBy(e => e.Id).ToListAsync(ct);
    }
}
