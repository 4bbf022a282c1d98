using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.Caravans.Entities;
using Kepu.Web.Features.Outreach.Geography;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Caravans;

public sealed record PlanSummary(int Id, string Name, DateOnly From, DateOnly To, string Targets, string TargetsLabel, string Status, string StatusLabel,
    int Stops, int Unplanned, double TravelKm, DateTime CreatedAt);

/// <param name="VisitId">The stop's first day (actions on it act on the whole stop).</param>
public sealed record StopView(int VisitId, int UnitId, string UnitName, int Sequence, string TargetCode, string TargetName, string DistrictCode,
    IReadOnlyList<DateOnly> Dates, double KmFromPrevious, string Status, string StatusLabel, GeoPoint Position, bool CanUpdate);

public sealed record PlanUnitView(int UnitId, string UnitName, string HomeDistrictCode, string HomeName, GeoPoint Home, double Km, double ReturnKm,
    int Stops, int Days);

public sealed record GapView(string Code, string Name, string DistrictCode);

public sealed record PlanView(int Id, string Name, DateOnly From, DateOnly To, string Targets, string TargetsLabel, IReadOnlyList<string> Districts,
    string Status, string StatusLabel, DateTime CreatedAt, DateTime? AdoptedAt, double TravelKm, double LowerBoundKm, long SolveMs,
    IReadOnlyList<PlanUnitView> Units, IReadOnlyList<StopView> Stops, IReadOnlyList<GapView> Unplanned);

/// <summary>Plans: list, read, adopt (books the days; a clash with another adopted plan is refused), and mark stops done or cancelled.</summary>
public sealed class CaravanPlans(AppDbContext db, IRegionDirectory regions, Insights.Activity.ActivityLog activity, TimeProvider clock)
{
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken ct = default)
    {
        var plans = await db.Set<CaravanPlan>().AsNoTracking().OrderByDescending(p => p.CreatedAt).Take(100)
            .Select(p => new { p.Id, p.Name, p.From, p.To, p.Targets, p.Status, p.Unplanned, p.TravelKm, p.CreatedAt,
                Stops = p.Visits.Count(v => v.DayOfStop == 1) })
            .ToListAsync(ct);
        return plans.Select(p => new PlanSummary(p.Id, p.Name, p.From, p.To, p.Targets, PlanTargetKinds.Label(p.Targets), p.Status,
            PlanStates.Label(p.Status), p.Stops, p.Unplanned.Count, p.TravelKm, p.CreatedAt)).ToList();
    }

    public async Task<PlanView> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var plan = await db.Set<CaravanPlan>().AsNoTracking().Include(p => p.Units).Include(p => p.Visits).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw Missing(id);
        var homes = await db.Set<CaravanUnit>().AsNoTracking().Where(u => plan.Units.Select(x => x.UnitId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.HomeDistrictCode, ct);
        var districts = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
        var places = await PlacesAsync(plan.Visits.Select(v => v.TargetCode).Concat(plan.Unplanned), ct);
        var names = plan.Units.ToDictionary(u => u.UnitId, u => u.UnitName);
        var stops = plan.Visits.GroupBy(v => (v.UnitId, v.Sequence)).Select(g =>
            {
                var first = g.OrderBy(v => v.DayOfStop).First();
                return new StopView(first.Id, first.UnitId, names.GetValueOrDefault(first.UnitId, ""), first.Sequence, first.TargetCode, first.TargetName,
                    first.TargetDistrictCode, g.OrderBy(v => v.Date).Select(v => v.Date).ToList(), first.KmFromPrevious, first.Status,
                    VisitStates.Label(first.Status), places.TryGetValue(first.TargetCode, out var p) ? p.Position : DistrictSeats.Of(first.TargetDistrictCode)!.Value,
                    plan.Status == PlanStates.Adopted && first.Status == VisitStates.Planned && user.CanManageDistrict(first.TargetDistrictCode));
            })
            .OrderBy(s => s.Dates[0]).ThenBy(s => s.UnitId).ToList();
        var units = plan.Units.OrderBy(u => u.UnitId).Select(u =>
        {
            var home = homes.GetValueOrDefault(u.UnitId, "500105");
            var mine = stops.Where(s => s.UnitId == u.UnitId).ToList();
            return new PlanUnitView(u.UnitId, u.UnitName, home, districts.GetValueOrDefault(home, home), DistrictSeats.Of(home)!.Value, u.Km, u.ReturnKm,
                mine.Count, mine.Sum(s => s.Dates.Count));
        }).ToList();
        var gaps = plan.Unplanned.Select(c => places.TryGetValue(c, out var p) ? new GapView(c, p.Name, p.DistrictCode) : new GapView(c, c, c[..Math.Min(6, c.Length)]))
            .ToList();
        return new PlanView(plan.Id, plan.Name, plan.From, plan.To, plan.Targets, PlanTargetKinds.Label(plan.Targets), plan.Districts, plan.Status,
            PlanStates.Label(plan.Status), plan.CreatedAt, plan.AdoptedAt, plan.TravelKm, plan.LowerBoundKm, plan.SolveMs, units, stops, gaps);
    }

    /// <summary>Adopts a draft: refused, with nothing changed, when one of its units is already booked on one of its days by another adopted plan.</summary>
    public async Task AdoptAsync(int id, CancellationToken ct = default)
    {
        var plan = await db.Set<CaravanPlan>().Include(p => p.Visits).Include(p => p.Units).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw Missing(id);
        if (plan.Status == PlanStates.Adopted)
        {
            throw new BusinessRuleException("这个计划已经采用过了。");
        }

        var units = plan.Units.Select(u => u.UnitId).ToList();
        var booked = await db.Set<CaravanVisit>().AsNoTracking()
            .Where(v => units.Contains(v.UnitId) && v.BookedDay != null && v.BookedDay >= plan.From && v.BookedDay <= plan.To)
            .Select(v => new { v.UnitId, v.BookedDay, v.PlanId, v.TargetName }).ToListAsync(ct);
        var clashes = plan.Visits.Where(v => v.Status != VisitStates.Cancelled)
            .Join(booked, v => (v.UnitId, (DateOnly?)v.Date), b => (b.UnitId, b.BookedDay), (v, b) => (Visit: v, Other: b))
            .OrderBy(c => c.Visit.Date).ToList();
        if (clashes.Count > 0)
        {
            var names = plan.Units.ToDictionary(u => u.UnitId, u => u.UnitName);
            var first = clashes.Take(3).Select(c =>
                $"{names.GetValueOrDefault(c.Visit.UnitId)} {c.Visit.Date:yyyy-MM-dd} 已在计划 {c.Other.PlanId} 中安排去{c.Other.TargetName}");
            throw new BusinessRuleException($"与已采用的计划冲突（共 {clashes.Count} 天）：{string.Join("；", first)}。请重新生成计划（会避开已安排的日子）后再采用。");
        }

        plan.Adopt(clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another plan was adopted at the same moment and took one of these days (the unique index on unit and day).
            throw new BusinessRuleException("采用失败：其中有单元的日子刚被另一个计划占用，请刷新后重新生成计划。");
        }
    }

    /// <summary>Marks a whole stop done (its days have come) or cancelled (its days are freed): administrators, or the district administrator of the stop's district.</summary>
    public async Task<StopView> UpdateStopAsync(int visitId, string state, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var visit = await db.Set<CaravanVisit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct)
            ?? throw new NotFoundException($"走访记录 {visitId} 不存在。");
        user.EnsureCanManageDistrict(visit.TargetDistrictCode);
        var plan = await db.Set<CaravanPlan>().AsNoTracking().FirstAsync(p => p.Id == visit.PlanId, ct);
        if (plan.Status != PlanStates.Adopted)
        {
            throw new BusinessRuleException("计划还没有采用，不能登记走访结果。");
        }

        var days = await db.Set<CaravanVisit>().Where(v => v.PlanId == visit.PlanId && v.UnitId == visit.UnitId && v.Sequence == visit.Sequence)
            .OrderBy(v => v.Date).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var me = user.UserId() ?? throw new ForbiddenException("请先登录。");
        foreach (var day in days)
        {
            if (state == VisitStates.Done)
            {
                day.MarkDone(days[0].Date, Display.BeijingDay(now), me, now);
            }
            else if (state == VisitStates.Cancelled)
            {
                day.Cancel(me, now);
            }
            else
            {
                throw new ValidationFailedException(new Dictionary<string, string[]> { ["state"] = ["状态只能是 done（已完成）或 cancelled（已取消）。"] });
            }
        }

        if (state == VisitStates.Done)
        {
            await activity.RecordAsync(Insights.Activity.ActivityKinds.Caravan, null, visit.TargetDistrictCode, at: Display.FromBeijing(days[0].Date, new TimeOnly(9, 0)), ct: ct);
        }

        await db.SaveChangesAsync(ct);
        return (await GetAsync(visit.PlanId, user, ct)).Stops.Single(s => s.UnitId == visit.UnitId && s.Sequence == visit.Sequence);
    }

    /// <summary>Names, districts and map positions of district and town codes.</summary>
    public async Task<Dictionary<string, (string Name, string DistrictCode, GeoPoint Position)>> PlacesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        var districts = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code);
        var places = new Dictionary<string, (string, string, GeoPoint)>();
        foreach (var code in wanted.Where(districts.ContainsKey))
        {
            places[code] = (districts[code].Name, code, DistrictSeats.Of(code)!.Value);
        }

        foreach (var district in wanted.Where(c => c.Length > 6).Select(c => c[..6]).Distinct().Where(districts.ContainsKey))
        {
            var towns = await regions.TownsAsync(district, ct);
            for (var i = 0; i < towns.Count; i++)
            {
                if (wanted.Contains(towns[i].Code))
                {
                    places[towns[i].Code] = (towns[i].Name, district, DistrictSeats.Town(district, i, towns.Count));
                }
            }
        }

        return places;
    }

    public static bool MayPlan(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    private static NotFoundException Missing(int id) => new($"排程计划 {id} 不存在。");
}
