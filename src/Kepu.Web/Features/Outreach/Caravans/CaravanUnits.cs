using Kepu.Web.Features.Outreach.Caravans.Entities;
using Kepu.Web.Features.Outreach.Caravans.Planning;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Caravans;

public sealed record UnitView(int Id, string Name, string Kind, string KindLabel, string HomeDistrictCode, string HomeDistrictName, int WorkingDays,
    string WorkingDaysLabel, bool Active);

/// <param name="WorkingDays">Weekday mask, bit 0 = Monday … bit 6 = Sunday; 31 (Monday to Friday) when left out.</param>
public sealed record UnitRequest(string? Name, string? Kind, string? HomeDistrictCode, int? WorkingDays, bool? Active);

/// <summary>The caravans and exhibition sets (administrators add and change them; district administrators see them).</summary>
public sealed class CaravanUnits(AppDbContext db, IRegionDirectory regions, TimeProvider clock)
{
    public async Task<IReadOnlyList<UnitView>> ListAsync(bool activeOnly = false, CancellationToken ct = default)
    {
        var units = await db.Set<CaravanUnit>().AsNoTracking().Where(u => !activeOnly || u.Active).OrderBy(u => u.Id).ToListAsync(ct);
        var districts = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
        return units.Select(u => View(u, districts)).ToList();
    }

    public async Task<UnitView> CreateAsync(UnitRequest request, CancellationToken ct = default)
    {
        var (name, kind, home, mask) = await CheckAsync(request, null, ct);
        var unit = new CaravanUnit(name, kind, home, mask, clock.GetUtcNow().UtcDateTime);
        if (request.Active == false)
        {
            unit.Set(name, kind, home, mask, false);
        }

        db.Add(unit);
        await db.SaveChangesAsync(ct);
        return View(unit, (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Name));
    }

    public async Task<UnitView> UpdateAsync(int id, UnitRequest request, CancellationToken ct = default)
    {
        var unit = await db.Set<CaravanUnit>().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException($"流动科普单元 {id} 不存在。");
        var (name, kind, home, mask) = await CheckAsync(request, id, ct);
        unit.Set(name, kind, home, mask, request.Active ?? unit.Active);
        await db.SaveChangesAsync(ct);
        return View(unit, (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Name));
    }

    private async Task<(string Name, string Kind, string Home, int Mask)> CheckAsync(UnitRequest request, int? id, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > CaravanUnit.MaxName || TextRules.HasControlCharacters(name) || TextRules.HasMarkup(name))
        {
            errors["name"] = [$"请填写名称（不超过 {CaravanUnit.MaxName} 个字，不含尖括号等特殊符号）。"];
        }
        else if (await db.Set<CaravanUnit>().AnyAsync(u => u.Name == name && u.Id != id, ct))
        {
            errors["name"] = [$"已有名为“{name}”的单元。"];
        }

        var kind = string.IsNullOrEmpty(request.Kind) ? CaravanKinds.Caravan : request.Kind;
        if (!CaravanKinds.IsValid(kind))
        {
            errors["kind"] = ["类型只能是 caravan（科普大篷车）或 exhibition（流动科技馆展品）。"];
        }

        if (await regions.FindDistrictAsync(request.HomeDistrictCode, ct) is null)
        {
            errors["homeDistrictCode"] = ["请选择驻地所在的区县。"];
        }

        var mask = request.WorkingDays ?? WorkingCalendar.Weekdays;
        if (mask is <= 0 or > 127)
        {
            errors["workingDays"] = ["请至少选择一个工作日。"];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        return (name, kind, request.HomeDistrictCode!, mask);
    }

    private static UnitView View(CaravanUnit u, Dictionary<string, string> districts) =>
        new(u.Id, u.Name, u.Kind, CaravanKinds.Label(u.Kind), u.HomeDistrictCode, districts.GetValueOrDefault(u.HomeDistrictCode, u.HomeDistrictCode),
            u.WorkingDays, WorkingCalendar.Label(u.WorkingDays), u.Active);
}
