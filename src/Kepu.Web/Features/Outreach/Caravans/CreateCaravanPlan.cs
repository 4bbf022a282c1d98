using Kepu.Web.Features.Outreach.Caravans.Entities;
using Kepu.Web.Features.Outreach.Caravans.Planning;
using Kepu.Web.Features.Outreach.Geography;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Caravans;

/// <param name="Targets">remote: the remote districts; towns: the imported towns (of <paramref name="Districts"/>, or all).</param>
/// <param name="Districts">Only these districts (optional).</param>
/// <param name="TimeLimitSeconds">How long the solver may search (1–60, default 5).</param>
public sealed record PlanRequest(string? Name, DateOnly? From, DateOnly? To, string? Targets, IReadOnlyList<int>? UnitIds,
    IReadOnlyList<string>? Districts = null, int? TimeLimitSeconds = null);

/// <summary>
/// Builds a draft plan: checks the request, gathers the targets with their settings, gives each unit its working days in
/// the period minus the days adopted plans already booked, solves (<see cref="CaravanPlanner"/>) and stores the result.
/// Nothing is stored when the request is refused.
/// </summary>
public sealed class CreateCaravanPlan(AppDbContext db, CaravanTargets targets, IRegionDirectory regions, TimeProvider clock)
{
    public const int MaxPeriodDays = 366;
    public const int DefaultSeconds = 5;

    public async Task<int> HandleAsync(PlanRequest request, string createdBy, CancellationToken ct = default)
    {
        var (name, from, to, kind, units, districts, seconds) = await CheckAsync(request, ct);
        return (await SolveAsync(name, from, to, kind, units, districts, seconds, createdBy, ct)).Id;
    }

    /// <summary>Solves and stores a checked request (the demo seeder plans the current quarter, which has begun, through here).</summary>
    internal async Task<CaravanPlan> SolveAsync(string name, DateOnly from, DateOnly to, string kind, IReadOnlyList<CaravanUnit> units,
        IReadOnlyList<string> districts, int seconds, string createdBy, CancellationToken ct)
    {
        var list = kind == PlanTargetKinds.Towns ? await targets.TownTargetsAsync(districts, ct) : await targets.DistrictTargetsAsync(districts, ct);
        if (list.Count == 0)
        {
            throw new BusinessRuleException(kind == PlanTargetKinds.Towns
                ? "所选区县还没有乡镇（街道）数据：请管理员先在“区县管理 › 导入乡镇”导入乡镇名单（命令 import towns FILE）。"
                : "所选区县中没有边远涉农区县。");
        }

        var planUnits = await PlanUnitsAsync(units, from, to, ct);
        var result = CaravanPlanner.Solve(planUnits, list.Select(t => t.ToPlanTarget()).ToList(), await targets.RoadsAsync(ct),
            new PlannerOptions { TimeLimit = TimeSpan.FromSeconds(seconds) }, from);

        var plan = new CaravanPlan(name, from, to, kind, [.. districts], createdBy, clock.GetUtcNow().UtcDateTime);
        plan.Solved(result.TravelKm, result.LowerBoundKm, result.SolveMs, [.. result.Unplanned]);
        var byCode = list.ToDictionary(t => t.Code);
        foreach (var unit in units)
        {
            plan.Units.Add(new CaravanPlanUnit(unit.Id, unit.Name, result.UnitKm[unit.Id], result.ReturnKm[unit.Id]));
        }

        foreach (var stop in result.Stops)
        {
            var target = byCode[stop.TargetCode];
            for (var day = 0; day < stop.Dates.Count; day++)
            {
                plan.Visits.Add(new CaravanVisit(stop.UnitId, stop.Sequence, day + 1, target.Code, target.Name, target.DistrictCode, stop.Dates[day],
                    day == 0 ? stop.KmFromPrevious : 0));
            }
        }

        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>Each unit with its working days in the period, minus the days adopted plans already booked for it.</summary>
    public async Task<IReadOnlyList<PlanUnit>> PlanUnitsAsync(IReadOnlyList<CaravanUnit> units, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        var ids = units.Select(u => u.Id).ToList();
        var booked = await db.Set<CaravanVisit>().AsNoTracking()
            .Where(v => ids.Contains(v.UnitId) && v.BookedDay != null && v.BookedDay >= from && v.BookedDay <= to)
            .Select(v => new { v.UnitId, Day = v.BookedDay!.Value }).ToListAsync(ct);
        return units.Select(u => new PlanUnit(u.Id, u.Name, u.HomeDistrictCode, DistrictSeats.Of(u.HomeDistrictCode)!.Value,
            WorkingCalendar.Days(from, to, u.WorkingDays, booked.Where(b => b.UnitId == u.Id).Select(b => b.Day).ToHashSet()))).ToList();
    }

    private async Task<(string Name, DateOnly From, DateOnly To, string Kind, List<CaravanUnit> Units, List<string> Districts, int Seconds)> CheckAsync(
        PlanRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > CaravanPlan.MaxName || Infrastructure.Validation.TextRules.HasControlCharacters(name)
            || Infrastructure.Validation.TextRules.HasMarkup(name))
        {
            errors["name"] = [$"请填写计划名称（不超过 {CaravanPlan.MaxName} 个字，不含尖括号等特殊符号）。"];
        }

        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        if (request.From is not { } from)
        {
            errors["from"] = ["请填写开始日期。"];
        }
        else if (from < today)
        {
            errors["from"] = ["开始日期不能早于今天。"];
        }

        if (request.To is not { } to)
        {
            errors["to"] = ["请填写结束日期。"];
        }
        else if (request.From is { } start && to < start)
        {
            errors["to"] = ["结束日期不能早于开始日期。"];
        }
        else if (request.From is { } begin && to.DayNumber - begin.DayNumber + 1 > MaxPeriodDays)
        {
            errors["to"] = [$"计划期最长 {MaxPeriodDays} 天（一年）。"];
        }

        var kind = string.IsNullOrEmpty(request.Targets) ? PlanTargetKinds.Remote : request.Targets;
        if (kind is not (PlanTargetKinds.Remote or PlanTargetKinds.Towns))
        {
            errors["targets"] = ["目标只能是 remote（边远涉农区县）或 towns（乡镇街道）。"];
        }

        var ids = (request.UnitIds ?? []).Distinct().ToList();
        var units = await db.Set<CaravanUnit>().AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            errors["unitIds"] = ["请至少选择一个流动科普单元（大篷车或展品）。"];
        }
        else if (units.Count != ids.Count)
        {
            errors["unitIds"] = [$"单元 {string.Join("、", ids.Except(units.Select(u => u.Id)))} 不存在。"];
        }
        else if (units.FirstOrDefault(u => !u.Active) is { } inactive)
        {
            errors["unitIds"] = [$"“{inactive.Name}”已停用，不能参加排程。"];
        }

        var known = (await regions.DistrictsAsync(ct)).Select(d => d.Code).ToHashSet();
        var districts = (request.Districts ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Distinct().ToList();
        if (districts.FirstOrDefault(d => !known.Contains(d)) is { } unknown)
        {
            errors["districts"] = [$"没有编码为 {unknown} 的区县。"];
        }

        var seconds = request.TimeLimitSeconds ?? DefaultSeconds;
        if (seconds is < 1 or > 60)
        {
            errors["timeLimitSeconds"] = ["计算时间应在 1 到 60 秒之间。"];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        return (name, request.From!.Value, request.To!.Value, kind, units, districts, seconds);
    }
}
