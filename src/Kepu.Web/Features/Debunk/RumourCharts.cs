using System.Globalization;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Debunk;

/// <summary>流言榜: draft a month's chart, let an editor edit and approve it, and show approved ones (page and RSS).</summary>
public sealed class RumourCharts(AppDbContext db, TimeProvider clock)
{
    public const int Size = 10;

    public static bool IsMonth(string? month) =>
        month is { Length: 7 } && DateTime.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>
    /// The largest clusters last seen in the month (with their verdict when published), then the month's new debunks,
    /// up to <see cref="Size"/> lines. Months are Beijing months.
    /// </summary>
    public async Task<RumourChart> DraftAsync(string month, ClaimsPrincipal user, CancellationToken ct = default)
    {
        EnsureEditor(user);
        if (!IsMonth(month))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["month"] = ["月份格式须为 YYYY-MM。"] });
        }

        var start = DateTime.SpecifyKind(DateTime.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc).AddHours(-8);
        var end = start.AddMonths(1);
        var clusters = await db.Set<ClaimCluster>().AsNoTracking()
            .Where(c => c.LastSeen >= start && c.LastSeen < end && c.State != ClusterStates.Rejected)
            .OrderByDescending(c => c.Count).ThenBy(c => c.Id).Take(Size).ToListAsync(ct);
        var linked = clusters.Where(c => c.EntryId != null).Select(c => c.EntryId!.Value).ToList();
        var entries = await db.Set<DebunkEntry>().AsNoTracking()
            .Where(e => linked.Contains(e.Id) || (e.PublishedAt >= start && e.PublishedAt < end))
            .Select(e => new { e.Id, e.Claim, e.Verdict, e.Conclusion, e.PublishedAt }).ToListAsync(ct);
        var byId = entries.ToDictionary(e => e.Id);
        var items = clusters.Select(c => c.EntryId is { } id && byId.TryGetValue(id, out var e)
                ? new ChartItem(0, e.Claim, e.Id, c.Id, c.Count, e.Verdict, e.Conclusion)
                : new ChartItem(0, c.Text.Length > DebunkRules.MaxClaim ? c.Text[..DebunkRules.MaxClaim] : c.Text, null, c.Id, c.Count, null, "专家核查中"))
            .ToList();
        foreach (var e in entries.Where(e => !linked.Contains(e.Id)).OrderByDescending(e => e.PublishedAt))
        {
            if (items.Count >= Size)
            {
                break;
            }

            items.Add(new ChartItem(0, e.Claim, e.Id, null, 0, e.Verdict, e.Conclusion));
        }

        items = [.. items.Select((item, i) => item with { Rank = i + 1 })];
        var now = clock.GetUtcNow().UtcDateTime;
        var intro = $"{month[..4]}年{int.Parse(month[5..], CultureInfo.InvariantCulture)}月流言榜：本月传得最广的说法和新发布的辟谣。";
        var chart = await db.Set<RumourChart>().FirstOrDefaultAsync(c => c.Month == month, ct);
        if (chart is null)
        {
            chart = new RumourChart(month, intro, items, now);
            db.Add(chart);
        }
        else
        {
            chart.Redraft(intro, items, now);
        }

        await db.SaveChangesAsync(ct);
        return chart;
    }

    public async Task EditAsync(string month, string intro, IReadOnlyList<(int Rank, string Note, bool Keep)> lines, ClaimsPrincipal user, CancellationToken ct = default)
    {
        EnsureEditor(user);
        var chart = await FindAsync(month, ct);
        chart.Edit(intro, lines, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public async Task ApproveAsync(string month, ClaimsPrincipal user, CancellationToken ct = default)
    {
        EnsureEditor(user);
        var chart = await FindAsync(month, ct);
        chart.Approve(user.UserId()!, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A chart: approved ones for everyone, drafts for editors only.</summary>
    public async Task<RumourChart> GetAsync(string month, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var chart = await db.Set<RumourChart>().AsNoTracking().FirstOrDefaultAsync(c => c.Month == month, ct);
        return chart is not null && (chart.Approved || IsEditor(user)) ? chart : throw new NotFoundException($"{month} 的流言榜尚未发布。");
    }

    public async Task<IReadOnlyList<RumourChart>> ApprovedAsync(int take, CancellationToken ct = default) =>
        await db.Set<RumourChart>().AsNoTracking().Where(c => c.Approved).OrderByDescending(c => c.Month).Take(take).ToListAsync(ct);

    private async Task<RumourChart> FindAsync(string month, CancellationToken ct) =>
        await db.Set<RumourChart>().FirstOrDefaultAsync(c => c.Month == month, ct) ?? throw new NotFoundException($"{month} 还没有流言榜草稿。");

    private static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);

    private static void EnsureEditor(ClaimsPrincipal user)
    {
        if (!IsEditor(user))
        {
            throw new ForbiddenException("只有编辑可以编制流言榜。");
        }
    }
}
