using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Caching.Memory;

namespace Kepu.Web.Features.Learning;

public sealed record BoardLine(int Rank, string Name, int Total, bool Me);

public sealed record Board(string Scope, string Code, string Title, IReadOnlyList<BoardLine> Top, int? MyRank, int? MyTotal);

public sealed record MyProgress(int Total, int Streak, int BestStreak, int CoursesCompleted, int QuestionsAnswered, int QuestionsRight, bool ShowName,
    IReadOnlyList<PointsToday> Today);

/// <summary>Points of one kind earned today, and the day's cap.</summary>
public sealed record PointsToday(string Kind, string Label, int Points, int Cap);

/// <summary>
/// Leaderboards by district and by organisation, and 我的进度: each reads the running totals through an index
/// (the top of a board, one person's row, and a count of those ahead in the same board), never the point events.
/// People are named only when they agreed to be; others appear as 匿名学员.
/// A rank is counted exactly in the index while fewer than <see cref="ExactRanks"/> people are ahead; further down
/// (counting there would walk most of a board of tens of thousands on every request) it is read from the board's
/// totals in memory, at most <see cref="SnapshotLifetime"/> old.
/// </summary>
public sealed class Leaderboards(AppDbContext db, IAccountDirectory accounts, TimeProvider clock, IMemoryCache cache)
{
    public const int Size = 20;
    public const int ExactRanks = 1000;
    public static readonly TimeSpan SnapshotLifetime = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RulesLifetime = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan TopLifetime = TimeSpan.FromSeconds(5);

    internal const string RulesKey = "learning:point-rules";

    internal static string TopKey(string scope, string code) => $"learning:top:{scope}:{code}";

    public async Task<Board> BoardAsync(string scope, string? code, string? userId, CancellationToken ct = default)
    {
        // Several small queries: one connection for all of them (not one open, with its pragmas, per query).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await ReadBoardAsync(scope, code, userId, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Board> ReadBoardAsync(string scope, string? code, string? userId, CancellationToken ct)
    {
        var me = userId is null ? null : await db.Set<Learner>().AsNoTracking().FirstOrDefaultAsync(l => l.UserId == userId, ct);
        IQueryable<Learner> query = db.Set<Learner>().AsNoTracking();
        string title;
        switch (scope)
        {
            case "district":
                code ??= me?.DistrictCode ?? throw Invalid("请选择区县。");
                var district = code;
                query = query.Where(l => l.DistrictCode == district);
                title = "区县排行";
                break;
            case "organization":
                var organization = int.TryParse(code, out var id) ? id : me?.OrganizationId ?? throw Invalid("请选择单位。");
                query = query.Where(l => l.OrganizationId == organization);
                code = organization.ToString(System.Globalization.CultureInfo.InvariantCulture);
                title = "单位排行";
                break;
            default:
                throw Invalid("排行范围须为 district（区县）或 organization（单位）。");
        }

        // The top of a board is the same for everyone: kept in memory a few seconds, forgotten when a learner of
        // the board is saved (LeaderboardCacheEviction), so in this process it is never stale.
        var topKey = TopKey(scope, code);
        if (!cache.TryGetValue(topKey, out List<TopRow>? top) || top is null)
        {
            top = await query.Where(l => l.Total > 0).OrderByDescending(l => l.Total).ThenBy(l => l.UserId).Take(Size)
                .Select(l => new TopRow(l.UserId, l.Total, l.ShowName)).ToListAsync(ct);
            cache.Set(topKey, top, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TopLifetime, Size = 256 + (128L * top.Count) });
        }

        var names = await accounts.DisplayNamesAsync(top.Where(t => t.ShowName).Select(t => t.UserId), ct);
        var lines = top.Select((t, i) => new BoardLine(i + 1, t.ShowName ? names.GetValueOrDefault(t.UserId, "匿名学员") : "匿名学员", t.Total, t.UserId == userId)).ToList();
        int? myRank = null;
        var inBoard = me is not null && (scope == "district" ? me.DistrictCode == code : me.OrganizationId?.ToString(System.Globalization.CultureInfo.InvariantCulture) == code);
        if (inBoard && me!.Total > 0)
        {
            var mine = me.Total;
            var ahead = await query.Where(l => l.Total > mine).OrderByDescending(l => l.Total).Select(l => l.Total).Take(ExactRanks).CountAsync(ct);
            myRank = ahead < ExactRanks ? ahead + 1 : await SnapshotRankAsync($"learning:board:{scope}:{code}", query, mine, ct);
        }

        return new Board(scope, code, title, lines, myRank, inBoard ? me!.Total : null);
    }

    /// <summary>The rank of <paramref name="mine"/> points among the board's totals in memory (read through the index, ascending).</summary>
    private async Task<int> SnapshotRankAsync(string key, IQueryable<Learner> board, int mine, CancellationToken ct)
    {
        if (!cache.TryGetValue(key, out int[]? totals) || totals is null)
        {
            totals = (await board.Where(l => l.Total > 0).OrderBy(l => l.Total).Select(l => l.Total).ToListAsync(ct)).ToArray();
            cache.Set(key, totals, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = SnapshotLifetime, Size = 64 + (4L * totals.Length) });
        }

        // The first total above mine: everyone from there on is ahead.
        int low = 0, high = totals.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (totals[middle] <= mine)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return Math.Max(ExactRanks, totals.Length - low) + 1;
    }

    public async Task<MyProgress> MineAsync(string userId, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await ReadMineAsync(userId, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<MyProgress> ReadMineAsync(string userId, CancellationToken ct)
    {
        var me = await db.Set<Learner>().AsNoTracking().FirstOrDefaultAsync(l => l.UserId == userId, ct) ?? new Learner(userId);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var days = await db.Set<PointDay>().AsNoTracking().Where(d => d.UserId == userId && d.Day == today).ToDictionaryAsync(d => d.Kind, d => d.Points, ct);
        // The rules change rarely (administrators): read at most every few seconds, not on every request.
        var rules = await cache.GetOrCreateAsync(RulesKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = RulesLifetime;
            entry.Size = 1024;
            return await db.Set<PointRule>().AsNoTracking().OrderBy(r => r.Kind).ToListAsync(ct);
        }) ?? [];
        return new MyProgress(me.Total, me.StreakOn(today), me.BestStreak, me.CoursesCompleted, me.QuestionsAnswered, me.QuestionsRight, me.ShowName,
            rules.Select(r => new PointsToday(r.Kind, r.Label, days.GetValueOrDefault(r.Kind), r.DailyCap)).ToList());
    }

    public async Task ConsentAsync(string userId, bool showName, CancellationToken ct = default)
    {
        var me = await db.Set<Learner>().FirstOrDefaultAsync(l => l.UserId == userId, ct);
        if (me is null)
        {
            me = new Learner(userId);
            db.Add(me);
        }

        me.Consent(showName);
        await db.SaveChangesAsync(ct);
    }

    private sealed record TopRow(string UserId, int Total, bool ShowName);

    private static ValidationFailedException Invalid(string message) => new(new Dictionary<string, string[]> { ["scope"] = [message] });
}

/// <summary>Forgets the cached top of the boards (district and organisation, before and after) of every learner saved.</summary>
internal sealed class LeaderboardCacheEviction(IMemoryCache cache) : EvictOnSave<string>
{
    protected override IEnumerable<string> Changed(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries<Learner>().Where(IsChange))
        {
            foreach (var values in new[] { entry.OriginalValues, entry.CurrentValues })
            {
                if (values[nameof(Learner.DistrictCode)] is string district)
                {
                    yield return Leaderboards.TopKey("district", district);
                }

                if (values[nameof(Learner.OrganizationId)] is int organization)
                {
                    yield return Leaderboards.TopKey("organization", organization.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }

    protected override void Forget(string key) => cache.Remove(key);
}
