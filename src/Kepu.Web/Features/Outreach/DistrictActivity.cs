using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.Caravans.Entities;
using Kepu.Web.Features.Outreach.Events.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach;

/// <summary>What happened in one place in one month: events held, people who took part, caravan or museum stops made.</summary>
public readonly record struct ActivityCell(int Events, int Participants, int CaravanStops)
{
    public bool IsEmpty => Events == 0 && CaravanStops == 0;

    public static ActivityCell operator +(ActivityCell a, ActivityCell b) =>
        new(a.Events + b.Events, a.Participants + b.Participants, a.CaravanStops + b.CaravanStops);
}

/// <param name="Code">A town code, or the district's code for what was not placed in a town.</param>
public sealed record ActivityRow(string Code, string Name, IReadOnlyList<ActivityCell> Months, ActivityCell Total);

public sealed record DistrictActivityView(string District, string DistrictName, IReadOnlyList<DateOnly> Months, IReadOnlyList<ActivityRow> Rows,
    IReadOnlyList<ActivityCell> MonthTotals, ActivityCell Total, int TownsReached, int TownCount);

/// <summary>
/// 乡镇覆盖: for a district administrator, events, participants and caravan/mobile-museum stops per town of their
/// district, by month, over the last twelve months. Participants are the reported attendance, or the people checked in
/// when no report was filed. Events and stops placed at the district rather than a town have their own row.
/// Cancelled events and caravan stops not marked done are not counted.
/// </summary>
public sealed class DistrictActivity(AppDbContext db, IRegionDirectory regions, TimeProvider clock)
{
    public const int MonthsShown = 12;

    public async Task<DistrictActivityView> GetAsync(ClaimsPrincipal user, string? district, CancellationToken ct = default)
    {
        var code = district is { Length: > 0 } ? district : user.ManagedDistrictCode()
            ?? throw new ValidationFailedException(new Dictionary<string, string[]> { ["code"] = ["请选择区县。"] });
        var info = await regions.FindDistrictAsync(code, ct) ?? throw new NotFoundException($"区县 {code} 不存在。");
        user.EnsureCanManageDistrict(info.Code);

        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - MonthsShown);
        var months = Enumerable.Range(0, MonthsShown).Select(first.AddMonths).ToList();
        var since = Display.FromBeijing(first, TimeOnly.MinValue);

        var events = await db.Set<OutreachEvent>().AsNoTracking()
            .Where(e => e.DistrictCode == info.Code && e.Status != EventStatus.Cancelled && e.StartsAt >= since && e.StartsAt <= clock.GetUtcNow().UtcDateTime)
            .Select(e => new { e.TownCode, e.StartsAt, e.Attendance, e.CheckedInCount }).ToListAsync(ct);
        var stops = await db.Set<CaravanVisit>().AsNoTracking()
            .Where(v => v.TargetDistrictCode == info.Code && v.Status == VisitStates.Done && v.Date >= first)
            .Select(v => new { v.PlanId, v.UnitId, v.Sequence, v.TargetCode, v.Date }).ToListAsync(ct);

        var cells = new Dictionary<(string Place, int Month), ActivityCell>();
        int MonthOf(DateOnly d) => (d.Year - first.Year) * 12 + d.Month - first.Month;
        void Add(string place, DateOnly day, ActivityCell cell)
        {
            var m = MonthOf(day);
            if (m is >= 0 and < MonthsShown)
            {
                cells[(place, m)] = cells.GetValueOrDefault((place, m)) + cell;
            }
        }

        foreach (var e in events)
        {
            Add(e.TownCode ?? info.Code, Display.BeijingDay(e.StartsAt), new ActivityCell(1, e.Attendance ?? e.CheckedInCount, 0));
        }

        // A stop lasts one or more days (one visit row per day): counted once, in the month it began.
        foreach (var stop in stops.GroupBy(v => (v.PlanId, v.UnitId, v.Sequence, v.TargetCode)))
        {
            Add(stop.Key.TargetCode, stop.Min(v => v.Date), new ActivityCell(0, 0, 1));
        }

        var towns = await regions.TownsAsync(info.Code, ct);
        var places = towns.Select(t => (Code: t.Code, Name: t.Name)).Append((Code: info.Code, Name: "全区县（未具体到乡镇）")).ToList();
        var rows = places.Select(p =>
        {
            var row = Enumerable.Range(0, MonthsShown).Select(m => cells.GetValueOrDefault((p.Code, m))).ToList();
            return new ActivityRow(p.Code, p.Name, row, row.Aggregate(default(ActivityCell), (a, b) => a + b));
        }).ToList();
        var monthTotals = Enumerable.Range(0, MonthsShown).Select(m => rows.Aggregate(default(ActivityCell), (a, r) => a + r.Months[m])).ToList();
        return new DistrictActivityView(info.Code, info.Name, months, rows, monthTotals, monthTotals.Aggregate(default(ActivityCell), (a, b) => a + b),
            rows.Count(r => r.Code != info.Code && !r.Total.IsEmpty), towns.Count);
    }
}
