using System.Net;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Features.Contests.Entries;
using Kepu.Web.Features.Contests.Review;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Voting;

public sealed record VoteResult(int EntryId, DateOnly Day, int VotesLeftToday, string Message);

public sealed record VotingEntryView(BlindEntryView Entry, int ValidVotes, bool VotedToday);

public sealed record FlaggedVotesView(int EntryId, string Code, string Title, int Valid, int Flagged, IReadOnlyList<string> Reasons);

/// <summary>
/// Public voting: one vote per verified (实名核验) account per entry per Beijing day (a unique index holds it under races), at most
/// <see cref="DailyLimit"/> votes per account per call per day, and a per-address rate limit on the endpoint. Bursts from one network and
/// votes from new accounts are flagged when votes are tallied and do not count.
/// </summary>
public sealed class Votes(AppDbContext db, IAccountDirectory accounts, TimeProvider clock)
{
    public const int DailyLimit = 10;

    /// <summary>Votes from accounts younger than this are kept but do not count (the same age as <see cref="VoteAnomalyOptions"/>' default).</summary>
    public static readonly TimeSpan NewAccountAge = TimeSpan.FromDays(7);

    public async Task<VoteResult> VoteAsync(int entryId, ClaimsPrincipal user, IPAddress? address, CancellationToken ct = default)
    {
        var me = ContestAccess.Me(user);
        var entry = await db.Set<ContestEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct)
            ?? throw new NotFoundException($"作品 {entryId} 不存在。");
        var call = await ContestAccess.LoadVisibleCallAsync(db, entry.CallId, user, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!call.IsVoting(now))
        {
            throw new BusinessRuleException(call.HasVoting ? "现在不在投票时间内。" : "这个征集不设公众投票。");
        }

        if (!entry.IsActive)
        {
            throw new BusinessRuleException("这件作品已撤回或未晋级，不能投票。");
        }

        var standing = await accounts.StandingAsync(me, ct) ?? throw new ForbiddenException("请先登录。");
        if (!standing.Verified)
        {
            throw new ForbiddenException("投票需要经过实名核验的账号。请到区县科协服务点或联系管理员核验。");
        }

        if (entry.SubmitterId == me || entry.Authors.Any(a => a.UserId == me))
        {
            throw new BusinessRuleException("不能给自己的作品投票。");
        }

        var day = Display.BeijingDay(now);
        if (await db.Set<ContestVote>().AnyAsync(v => v.EntryId == entryId && v.UserId == me && v.Day == day, ct))
        {
            throw new BusinessRuleException("今天已经给这件作品投过票了，明天可以再投。");
        }

        var today = await db.Set<ContestVote>().CountAsync(v => v.CallId == call.Id && v.UserId == me && v.Day == day, ct);
        if (today >= DailyLimit)
        {
            throw new BusinessRuleException($"每天最多投 {DailyLimit} 票，明天再来。");
        }

        var vote = new ContestVote(call.Id, entryId, me, day, now, address is null ? "unknown" : VoteAnomalies.NetworkOf(address));
        if (now - standing.CreatedAt < NewAccountAge)
        {
            vote.Flag("新注册账号（注册不满 7 天）");
        }

        db.Add(vote);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (entry, account, day) caught a second click racing the first.
            throw new BusinessRuleException("今天已经给这件作品投过票了，明天可以再投。");
        }

        return new VoteResult(entryId, day, DailyLimit - today - 1, "投票成功，谢谢参与！");
    }

    /// <summary>Entries open to voting, without names, with valid vote counts.</summary>
    public async Task<IReadOnlyList<VotingEntryView>> BallotAsync(int callId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var call = await ContestAccess.LoadVisibleCallAsync(db, callId, user, ct);
        if (!call.HasVoting)
        {
            return [];
        }

        var entries = await db.Set<ContestEntry>().AsNoTracking().Where(e => e.CallId == callId && (e.Status == EntryStatus.Submitted || e.Status == EntryStatus.Ranked))
            .OrderBy(e => e.Id).ToListAsync(ct);
        var valid = await ValidCountsAsync(callId, ct);
        var me = user.UserId();
        var day = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var mine = me is null ? [] : await db.Set<ContestVote>().Where(v => v.CallId == callId && v.UserId == me && v.Day == day).Select(v => v.EntryId).ToListAsync(ct);
        return [.. entries.Select(e => new VotingEntryView(BlindEntryView.Of(e), valid.GetValueOrDefault(e.Id), mine.Contains(e.Id)))];
    }

    /// <summary>Flags every vote of the call afresh (bursts, new accounts) and returns the valid votes per entry.</summary>
    public async Task<IReadOnlyDictionary<int, int>> TallyAsync(int callId, CancellationToken ct = default)
    {
        var votes = await db.Set<ContestVote>().Where(v => v.CallId == callId).ToListAsync(ct);
        var userIds = votes.Select(v => v.UserId).Distinct().ToList();
        var created = new Dictionary<string, DateTime>();
        foreach (var id in userIds)
        {
            created[id] = (await accounts.StandingAsync(id, ct))?.CreatedAt ?? DateTime.MinValue;
        }

        var flags = VoteAnomalies.Flag([.. votes.Select(v => new VoteRecord(v.Id, v.EntryId, v.UserId, v.At, v.Network, created[v.UserId]))], new VoteAnomalyOptions(NewAccountAge: NewAccountAge))
            .ToDictionary(f => f.VoteId);
        foreach (var vote in votes)
        {
            if (flags.TryGetValue(vote.Id, out var flag) && (flag.Burst || flag.NewAccount))
            {
                vote.Flag(flag.Reason ?? (flag.Burst ? "同一网络短时间集中投票" : "新注册账号"));
            }
            else
            {
                vote.ClearFlag();
            }
        }

        await db.SaveChangesAsync(ct);
        return votes.Where(v => !v.Flagged).GroupBy(v => v.EntryId).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>For the organisers: valid and flagged votes per entry, with the reasons.</summary>
    public async Task<IReadOnlyList<FlaggedVotesView>> ReportAsync(int callId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContestAccess.EnsureRuns(user);
        await TallyAsync(callId, ct);
        var rows = await db.Set<ContestVote>().AsNoTracking().Where(v => v.CallId == callId).Select(v => new { v.EntryId, v.Flagged, v.FlagReason }).ToListAsync(ct);
        var ids = rows.Select(r => r.EntryId).Distinct().ToList();
        var titles = await db.Set<ContestEntry>().AsNoTracking().IgnoreAutoIncludes().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        return [.. rows.GroupBy(r => r.EntryId).OrderByDescending(g => g.Count(r => !r.Flagged)).Select(g => new FlaggedVotesView(g.Key, BlindEntryView.CodeOf(g.Key),
            titles[g.Key], g.Count(r => !r.Flagged), g.Count(r => r.Flagged), [.. g.Where(r => r.Flagged).Select(r => r.FlagReason!).Distinct()]))];
    }

    private async Task<Dictionary<int, int>> ValidCountsAsync(int callId, CancellationToken ct) =>
        await db.Set<ContestVote>().AsNoTracking().Where(v => v.CallId == callId && !v.Flagged).GroupBy(v => v.EntryId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
