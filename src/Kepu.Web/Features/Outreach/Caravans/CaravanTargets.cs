using Kepu.Web.Features.Outreach.Caravans.Entities;
using Kepu.Web.Features.Outreach.Caravans.Planning;
using Kepu.Web.Features.Outreach.Geography;
using Kepu.Web.Features.Regions;
using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Caravans;

/// <summary>A place the caravans may visit, with its effective settings (an administrator's value, else the default).</summary>
public sealed record TargetView(string Code, string Name, string DistrictCode, string DistrictName, bool IsTown, GeoPoint Position, int DaysPerStop,
    bool Priority, bool PrioritySet, DateOnly? LastVisit, DateOnly? ImportedLastVisit)
{
    public PlanTarget ToPlanTarget() => new(Code, Name, Position, DaysPerStop, Priority, LastVisit);
}

public sealed record TargetSettingRequest(int? DaysPerStop, bool? Priority, DateOnly? LastVisit);

/// <summary>
/// The targets of caravan planning: the remote (R-flagged) districts, or towns imported into the Regions module. Defaults:
/// 2 days at a district, 1 at a town; a priority area when the district is an ethnic area, a former poverty county or a
/// revolutionary old area (E, P or O); the last visit is the latest done visit, or the date an administrator entered for
/// visits before the platform, whichever is later.
/// </summary>
public sealed class CaravanTargets(AppDbContext db, IRegionDirectory regions, TimeProvider clock)
{
    public const int DistrictDays = 2;
    public const int TownDays = 1;
    public const int MaxDays = 10;
    private static readonly string[] PriorityFlags = [DistrictFlag.Ethnic, DistrictFlag.Poverty, DistrictFlag.OldRevolutionary];

    public async Task<IReadOnlyList<DistrictInfo>> RemoteDistrictsAsync(CancellationToken ct = default) =>
        (await regions.DistrictsAsync(ct)).Where(d => d.Flags.Contains(DistrictFlag.Remote)).ToList();

    /// <summary>Remote districts (optionally only <paramref name="districts"/>).</summary>
    public async Task<IReadOnlyList<TargetView>> DistrictTargetsAsync(IReadOnlyCollection<string>? districts = null, CancellationToken ct = default)
    {
        var remote = (await RemoteDistrictsAsync(ct)).Where(d => districts is not { Count: > 0 } || districts.Contains(d.Code)).ToList();
        var codes = remote.Select(d => d.Code).ToList();
        var (settings, visits) = await FactsAsync(codes, ct);
        return remote.Select(d => View(d.Code, d.Name, d, false, DistrictSeats.Of(d.Code)!.Value, settings, visits)).ToList();
    }

    /// <summary>Imported towns of <paramref name="districts"/> (all districts when empty), positioned by <see cref="DistrictSeats.Town"/>.</summary>
    public async Task<IReadOnlyList<TargetView>> TownTargetsAsync(IReadOnlyCollection<string>? districts = null, CancellationToken ct = default)
    {
        var all = await regions.DistrictsAsync(ct);
        var chosen = all.Where(d => districts is not { Count: > 0 } || districts.Contains(d.Code)).ToList();
        var towns = new List<(TownInfo Town, DistrictInfo District, GeoPoint Position)>();
        foreach (var district in chosen)
        {
            var list = await regions.TownsAsync(district.Code, ct);
            towns.AddRange(list.Select((t, i) => (t, district, DistrictSeats.Town(district.Code, i, list.Count))));
        }

        var (settings, visits) = await FactsAsync(towns.Select(t => t.Town.Code).ToList(), ct);
        return towns.Select(t => View(t.Town.Code, t.Town.Name, t.District, true, t.Position, settings, visits)).ToList();
    }

    public async Task<TargetView> UpdateAsync(string code, TargetSettingRequest request, CancellationToken ct = default)
    {
        var isDistrict = (await RemoteDistrictsAsync(ct)).Any(d => d.Code == code);
        var town = isDistrict ? null : await regions.FindTownAsync(code, ct);
        if (!isDistrict && town is null)
        {
            throw new NotFoundException($"没有编码为 {code} 的边远涉农区县或乡镇。");
        }

        var errors = new Dictionary<string, string[]>();
        if (request.DaysPerStop is { } days && (days < 1 || days > MaxDays))
        {
            errors["daysPerStop"] = [$"每站天数应在 1 到 {MaxDays} 之间。"];
        }

        var today = Infrastructure.Web.Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        if (request.LastVisit is { } last && (last > today || last.Year < 2000))
        {
            errors["lastVisit"] = ["上次走访日期不能晚于今天，也不能早于 2000 年。"];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var setting = await db.Set<CaravanTargetSetting>().FirstOrDefaultAsync(s => s.Code == code, ct);
        if (setting is null)
        {
            setting = new CaravanTargetSetting(code);
            db.Add(setting);
        }

        setting.DaysPerStop = request.DaysPerStop;
        setting.Priority = request.Priority;
        setting.LastVisit = request.LastVisit;
        setting.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        var views = isDistrict ? await DistrictTargetsAsync([code], ct) : (await TownTargetsAsync([town!.DistrictCode], ct)).Where(t => t.Code == code).ToList();
        return views.Single();
    }

    /// <summary>The imported distance matrix, or estimates from coordinates when none was imported.</summary>
    public async Task<RoadMatrix> RoadsAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<CaravanDistance>().AsNoTracking().ToListAsync(ct);
        return rows.Count == 0 ? RoadMatrix.FromCoordinates : new RoadMatrix(rows.ToDictionary(r => (r.FromCode, r.ToCode), r => r.Km));
    }

    private async Task<(Dictionary<string, CaravanTargetSetting> Settings, Dictionary<string, DateOnly> LastDone)> FactsAsync(List<string> codes,
        CancellationToken ct)
    {
        var settings = await db.Set<CaravanTargetSetting>().AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct);
        var done = await db.Set<CaravanVisit>().AsNoTracking().Where(v => v.Status == VisitStates.Done && codes.Contains(v.TargetCode))
            .GroupBy(v => v.TargetCode).Select(g => new { g.Key, Last = g.Max(v => v.Date) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        return (settings, done);
    }

    private static TargetView View(string code, string name, DistrictInfo district, bool isTown, GeoPoint position,
        Dictionary<string, CaravanTargetSetting> settings, Dictionary<string, DateOnly> lastDone)
    {
        var setting = settings.GetValueOrDefault(code);
        DateOnly? last = lastDone.TryGetValue(code, out var done) ? done : null;
        if (setting?.LastVisit is { } imported && (last is null || imported > last))
        {
            last = imported;
        }

        return new TargetView(code, name, district.Code, district.Name, isTown, position,
            setting?.DaysPerStop ?? (isTown ? TownDays : DistrictDays),
            setting?.Priority ?? district.Flags.Any(f => PriorityFlags.Contains(f)), setting?.Priority is not null, last, setting?.LastVisit);
    }
}
