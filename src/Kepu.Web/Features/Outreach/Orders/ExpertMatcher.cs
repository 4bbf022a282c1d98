using System.Globalization;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Library;
using Kepu.Web.Features.Outreach.Events.Entities;
using Kepu.Web.Features.Outreach.Experts;
using Kepu.Web.Features.Outreach.Geography;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Orders;

/// <summary>One proposed expert: the score, its parts, the free days in the order's range and the reason in words.</summary>
public sealed record Proposal(string ExpertId, string Name, double Score, double Fit, double? Kilometres, int RecentLoad, IReadOnlyList<DateOnly> FreeDays,
    double? Rating, string Reason);

/// <summary>An expert who fits the topic but cannot take this order, and why.</summary>
public sealed record Unavailable(string ExpertId, string Name, string Why);

public sealed record Proposals(IReadOnlyList<Proposal> Ranked, IReadOnlyList<Unavailable> Unavailable);

/// <summary>
/// Proposes experts for an order. An expert qualifies when their disciplines cover the topic (the taxonomy decides),
/// they serve the district, and they have a free day in the range: a weekday they offer, no other event that day,
/// and fewer events that month than their monthly limit. Qualified experts are ranked by
/// <c>0.35·fit + 0.30·nearness + 0.25·fair share + 0.10·dialect</c>: fit 1 for the exact discipline and 0.8 for a broader
/// one; nearness 1 − road km / 500 (0 beyond); fair share 1 / (1 + events in the last 90 days and booked ahead), so
/// lectures spread over the pool; dialect 1 when they speak the dialect the order asks for. docs/outreach.md.
/// </summary>
public sealed class ExpertMatcher(AppDbContext db, IAccountDirectory accounts, Taxonomy taxonomy, TimeProvider clock)
{
    public const int Shown = 5;
    private const double FarKm = 500;

    public async Task<Proposals> ProposeAsync(LectureOrder order, CancellationToken ct = default)
    {
        var experts = await accounts.ExpertsAsync(ct);
        var profiles = await db.Set<ExpertProfile>().AsNoTracking().ToDictionaryAsync(p => p.UserId, ct);
        var ratings = await OrderRatings.ByExpertAsync(db, ct);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var windowStart = Utc(today.AddDays(-90));
        var rangeStart = Utc(new DateOnly(order.From.Year, order.From.Month, 1));
        var rangeEnd = Utc(order.To.AddDays(1));
        var booked = await db.Set<OutreachEvent>().AsNoTracking()
            .Where(e => e.ExpertId != null && e.Status != EventStatus.Cancelled && (e.StartsAt >= windowStart || (e.StartsAt >= rangeStart && e.StartsAt < rangeEnd)))
            .Select(e => new { e.ExpertId, e.StartsAt }).ToListAsync(ct);
        var byExpert = booked.GroupBy(b => b.ExpertId!).ToDictionary(g => g.Key, g => g.Select(b => Display.BeijingDay(b.StartsAt)).ToList());
        var orderSeat = DistrictSeats.Of(order.DistrictCode);

        var ranked = new List<Proposal>();
        var unavailable = new List<Unavailable>();
        foreach (var e in experts)
        {
            if (!await taxonomy.CoversAsync(e.Disciplines, [order.Topic], ct))
            {
                continue;
            }

            var profile = profiles.GetValueOrDefault(e.Id) ?? new ExpertProfile(e.Id);
            if (!profile.Serves(order.DistrictCode))
            {
                unavailable.Add(new Unavailable(e.Id, e.Name, "不去这个区县服务"));
                continue;
            }

            var days = byExpert.GetValueOrDefault(e.Id) ?? [];
            var free = FreeDays(order, profile, days, today);
            if (free.Count == 0)
            {
                unavailable.Add(new Unavailable(e.Id, e.Name, "这段时间没有空（已有安排、不在可约的星期或本月场次已满）"));
                continue;
            }

            var exact = e.Disciplines.Contains(order.Topic);
            var fit = exact ? 1.0 : 0.8;
            double? km = orderSeat is { } to && DistrictSeats.Of(profile.HomeDistrict) is { } from ? DistrictSeats.RoadKilometres(from, to) : null;
            var nearness = km is { } k ? Math.Max(0, 1 - k / FarKm) : 0.3;
            var load = days.Count(d => d >= today.AddDays(-90));
            var share = 1.0 / (1 + load);
            var speaks = order.Dialect is { Length: > 0 } dialect && profile.Dialects.Contains(dialect);
            var score = Math.Round(0.35 * fit + 0.30 * nearness + 0.25 * share + 0.10 * (speaks ? 1 : 0), 3);
            List<string> broader = exact ? [] : (await taxonomy.WithAncestorsAsync([order.Topic], ct)).Where(e.Disciplines.Contains).ToList();
            var reason = string.Join("；", new[]
            {
                exact ? $"专业对口：{order.Topic}" : $"专业相关：{string.Join("、", broader)}（{order.Topic}所属大类）",
                km is { } d ? $"约 {d.ToString("0", CultureInfo.InvariantCulture)} 公里" : "常住区县未登记",
                load == 0 ? "近 90 天还没有安排" : $"近 90 天已安排 {load} 场",
                $"{free[0]:M月d日}起有空",
                speaks ? $"会说{order.Dialect}" : null,
                ratings.TryGetValue(e.Id, out var r) ? $"点单评分 {r:0.0}" : null,
            }.Where(s => s is not null));
            ranked.Add(new Proposal(e.Id, e.Name, score, fit, km is null ? null : Math.Round(km.Value, 1), load, free, ratings.GetValueOrDefault(e.Id), reason));
        }

        return new Proposals([.. ranked.OrderByDescending(p => p.Score).ThenBy(p => p.RecentLoad).ThenBy(p => p.ExpertId, StringComparer.Ordinal).Take(Shown)],
            unavailable);
    }

    /// <summary>The days in the order's range (from tomorrow on) the expert could come.</summary>
    public static List<DateOnly> FreeDays(LectureOrder order, ExpertProfile profile, IReadOnlyList<DateOnly> bookedDays, DateOnly today)
    {
        var free = new List<DateOnly>();
        var busy = bookedDays.ToHashSet();
        for (var d = order.From > today ? order.From : today.AddDays(1); d <= order.To; d = d.AddDays(1))
        {
            var thisMonth = bookedDays.Count(b => b.Year == d.Year && b.Month == d.Month);
            if (profile.FreeOn(d.DayOfWeek) && !busy.Contains(d) && thisMonth < profile.MaxPerMonth)
            {
                free.Add(d);
            }
        }

        return free;
    }

    private static DateTime Utc(DateOnly beijingDay) => Display.FromBeijing(beijingDay, TimeOnly.MinValue);
}
