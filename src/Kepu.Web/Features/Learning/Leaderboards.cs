using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

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
/// </summary>
public sealed class Leaderboards(AppDbContext db, IAccountDirectory accounts, TimeProvider clock)
{
    public const int Size = 20;

    public async Task<Board> BoardAsync(string scope, string? code, string? userId, CancellationToken ct = default)
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

        var top = await query.Where(l => l.Total > 0).OrderByDescending(l => l.Total).ThenBy(l => l.UserId).Take(Size)
            .Select(l => new { l.UserId, l.Total, l.ShowName }).ToListAsync(ct);
        var names = await accounts.DisplayNamesAsync(top.Where(t => t.ShowName).Select(t => t.UserId), ct);
        var lines = top.Select((t, i) => new BoardLine(i + 1, t.ShowName ? names.GetValueOrDefault(t.UserId, "匿名学员") : "匿名学员", t.Total, t.UserId == userId)).ToList();
        int? myRank = null;
        var inBoard = me is not null && (scope == "district" ? me.DistrictCode == code : me.OrganizationId?.ToString(System.Globalization.CultureInfo.InvariantCulture) == code);
        if (inBoard && me!.Total > 0)
        {
            myRank = await query.CountAsync(l => l.Total > me.Total, ct) + 1;
        }

        return new Board(scope, code, title, lines, myRank, inBoard ? me!.Total : null);
    }

    public async Task<MyProgress> MineAsync(string userId, CancellationToken ct = default)
    {
        var me = await db.Set<Learner>().AsNoTracking().FirstOrDefaultAsync(l => l.UserId == userId, ct) ?? new Learner(userId);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var days = await db.Set<PointDay>().AsNoTracking().Where(d => d.UserId == userId && d.Day == today).ToDictionaryAsync(d => d.Kind, d => d.Points, ct);
        var rules = await db.Set<PointRule>().AsNoTracking().OrderBy(r => r.Kind).ToListAsync(ct);
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

    private static ValidationFailedException Invalid(string message) => new(new Dictionary<string, string[]> { ["scope"] = [message] });
}
