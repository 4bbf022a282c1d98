using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library.Media;
using Kepu.Web.Features.Outreach.People.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.People;

/// <summary>A town the envoy serves and, optionally, the villages named there.</summary>
public sealed record EnvoyTownRequest(string? TownCode, IReadOnlyList<string>? Villages);

/// <summary>An appointment: who (a user name), where (towns of the district), what they help with, and for how long.</summary>
public sealed record EnvoyRequest
{
    public string? UserName { get; init; }
    public string? DistrictCode { get; init; }

    [Display(Name = "服务专长")]
    [Required(ErrorMessage = "请填写服务专长，例如：柑橘栽培、畜禽养殖、农村电商。")]
    [StringLength(60, MinimumLength = 2, ErrorMessage = "服务专长需要 2 到 60 个字。")]
    [PlainText]
    public string? Specialty { get; init; }

    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public IReadOnlyList<EnvoyTownRequest>? Towns { get; init; }
}

public sealed record ServiceLogRequest
{
    public DateOnly? Date { get; init; }
    public string? TownCode { get; init; }

    [Display(Name = "村（社区）")]
    [StringLength(30, ErrorMessage = "村（社区）名不能超过 30 个字。")]
    [PlainText]
    public string? Village { get; init; }

    /// <summary>guidance 技术指导, training 培训授课, consulting 咨询答疑, demonstration 示范推广, other.</summary>
    public string? Kind { get; init; }

    /// <summary>0.5 to 24, in half hours.</summary>
    public decimal? Hours { get; init; }

    /// <summary>People served.</summary>
    public int? Served { get; init; }

    [Display(Name = "服务内容")]
    [Required(ErrorMessage = "请写一写做了什么（例如：指导 12 户果农春季修剪）。")]
    [StringLength(500, MinimumLength = 5, ErrorMessage = "服务内容需要 5 到 500 个字。")]
    [PlainText]
    public string? Summary { get; init; }

    /// <summary>Optional photo: a <c>/media/…</c> address from <c>POST /api/v1/media</c>.</summary>
    public string? Photo { get; init; }
}

public sealed record EnvoyTownView(string Code, string Name, IReadOnlyList<string> Villages);

public sealed record EnvoyView(int Id, string Name, string DistrictCode, string DistrictName, string Specialty, DateOnly From, DateOnly To,
    bool Active, IReadOnlyList<EnvoyTownView> Towns, int Logs, decimal Hours, bool CanManage);

public sealed record ServiceLogView(int Id, int EnvoyId, string EnvoyName, string DistrictCode, DateOnly Date, string TownCode, string TownName, string Village,
    string Kind, string KindLabel, decimal Hours, int Served, string Summary, string Photo, DateTime CreatedAt);

/// <summary>科技特派员: district administrators appoint people to towns of their district; envoys log their service there.</summary>
public sealed class Envoys(AppDbContext db, IRegionDirectory regions, IAccountDirectory accounts, MediaStore media, TimeProvider clock)
{
    public const int MaxTowns = 20;
    public const int MaxVillages = 10;
    public const int Shown = 500;

    public async Task<EnvoyView> AppointAsync(EnvoyRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var district = await regions.FindDistrictAsync(r.DistrictCode, ct)
            ?? throw new ValidationFailedException(new Dictionary<string, string[]> { ["districtCode"] = ["请选择区县。"] });
        user.EnsureCanManageDistrict(district.Code);
        var (userId, specialty, from, to, towns) = await CheckAsync(r, district.Code, ct);
        if (await db.Set<Envoy>().AnyAsync(e => e.UserId == userId && e.DistrictCode == district.Code, ct))
        {
            throw new BusinessRuleException($"{r.UserName!.Trim()} 已是{district.Name}的科技特派员，请修改原派驻（乡镇和期限）。");
        }

        var envoy = new Envoy(userId, district.Code, specialty, from, to, me, clock.GetUtcNow().UtcDateTime);
        envoy.Assign(towns);
        db.Add(envoy);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([envoy], user, ct))[0];
    }

    /// <summary>New towns, specialty or period for an envoy of the administrator's district (the person and district stay).</summary>
    public async Task<EnvoyView> UpdateAsync(int id, EnvoyRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var envoy = await db.Set<Envoy>().Include(e => e.Towns).FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw Missing(id);
        user.EnsureCanManageDistrict(envoy.DistrictCode);
        var (userId, specialty, from, to, towns) = await CheckAsync(r with { DistrictCode = envoy.DistrictCode }, envoy.DistrictCode, ct);
        if (userId != envoy.UserId)
        {
            throw new BusinessRuleException("派驻的人不能更换：请为新的人另行派驻。");
        }

        envoy.Set(specialty, from, to, OutreachAccess.Me(user), clock.GetUtcNow().UtcDateTime);
        envoy.Assign(towns);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([envoy], user, ct))[0];
    }

    /// <summary>Envoys of a district (all when null): who, where, what they help with. Public: farmers look for their envoy.</summary>
    public async Task<IReadOnlyList<EnvoyView>> ListAsync(string? district, ClaimsPrincipal? user, CancellationToken ct = default)
    {
        var query = db.Set<Envoy>().AsNoTracking().Include(e => e.Towns).AsQueryable();
        if (!string.IsNullOrEmpty(district))
        {
            query = query.Where(e => e.DistrictCode == district);
        }

        return await ViewsAsync(await query.OrderBy(e => e.DistrictCode).ThenBy(e => e.Id).Take(Shown).ToListAsync(ct), user, ct);
    }

    /// <summary>The caller's own appointments.</summary>
    public async Task<IReadOnlyList<EnvoyView>> MineAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var rows = await db.Set<Envoy>().AsNoTracking().Include(e => e.Towns).Where(e => e.UserId == me).OrderBy(e => e.Id).ToListAsync(ct);
        return await ViewsAsync(rows, user, ct);
    }

    /// <summary>The envoy records a service in one of their towns, within their period. <paramref name="upload"/>: a photo from the page.</summary>
    public async Task<ServiceLogView> LogAsync(int envoyId, ServiceLogRequest r, ClaimsPrincipal user, Stream? upload = null, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var envoy = await db.Set<Envoy>().AsNoTracking().Include(e => e.Towns).FirstOrDefaultAsync(e => e.Id == envoyId, ct) ?? throw Missing(envoyId);
        if (envoy.UserId != me)
        {
            throw new ForbiddenException("只有特派员本人可以记录自己的服务日志。");
        }

        var v = RequestValidator.For(r);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        if (r.Date is not { } date || date > today)
        {
            v.Add(nameof(r.Date), "请填写服务日期（不能晚于今天）。");
        }

        if (string.IsNullOrWhiteSpace(r.TownCode))
        {
            v.Add(nameof(r.TownCode), "请选择服务的乡镇。");
        }

        if (!ServiceKinds.IsValid(r.Kind))
        {
            v.Add(nameof(r.Kind), "请选择服务类型：" + string.Join("、", ServiceKinds.All.Select(k => k.Label)) + "。");
        }

        if (r.Hours is not { } hours || hours < 0.5m || hours > 24m || hours % 0.5m != 0)
        {
            v.Add(nameof(r.Hours), "服务时长须在 0.5 到 24 小时之间，以半小时计。");
        }

        if (r.Served is not (>= 0 and <= 100_000))
        {
            v.Add(nameof(r.Served), "服务人数须是 0 到 100000 之间的整数（不清楚可填 0）。");
        }

        var photo = string.IsNullOrWhiteSpace(r.Photo) ? null : r.Photo.Trim();
        if (photo is not null && (upload is not null || !photo.StartsWith(MediaStore.PublicPrefix, StringComparison.Ordinal)
                || media.Find(photo[MediaStore.PublicPrefix.Length..]) is null))
        {
            v.Add(nameof(r.Photo), "照片须是已上传文件的 /media/… 地址（先上传，再填写得到的地址）。");
        }

        v.ThrowIfInvalid();
        envoy.EnsureMayLog(r.TownCode!.Trim(), r.Date!.Value);
        if (upload is not null)
        {
            photo = (await media.SaveAsync(upload, null, ct)).Url;
        }

        var log = new ServiceLog(envoy.Id, r.Date.Value, r.TownCode.Trim(), r.Village?.Trim() ?? "", r.Kind!, r.Hours!.Value, r.Served!.Value,
            r.Summary!.Trim(), photo ?? "", clock.GetUtcNow().UtcDateTime);
        db.Add(log);
        await db.SaveChangesAsync(ct);
        return (await LogViewsAsync([log], ct))[0];
    }

    /// <summary>
    /// Service logs: of one envoy (the envoy themself, or who manages the district), of a district (its administrator,
    /// administrators), all (administrators). With neither given: a district administrator's district, everything for
    /// administrators, otherwise the caller's own.
    /// </summary>
    public async Task<IReadOnlyList<ServiceLogView>> LogsAsync(string? district, int? envoyId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var envoys = db.Set<Envoy>().AsNoTracking();
        if (envoyId is { } id)
        {
            var envoy = await envoys.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw Missing(id);
            if (envoy.UserId != me)
            {
                user.EnsureCanManageDistrict(envoy.DistrictCode);
            }

            envoys = envoys.Where(e => e.Id == id);
        }
        else if (!string.IsNullOrEmpty(district))
        {
            user.EnsureCanManageDistrict(district);
            envoys = envoys.Where(e => e.DistrictCode == district);
        }
        else if (user.IsInRole(Roles.DistrictAdmin) && !user.IsInRole(Roles.Admin))
        {
            var managed = user.ManagedDistrictCode();
            envoys = envoys.Where(e => e.DistrictCode == managed);
        }
        else if (!user.IsInRole(Roles.Admin))
        {
            envoys = envoys.Where(e => e.UserId == me);
        }

        var ids = envoys.Select(e => e.Id);
        var rows = await db.Set<ServiceLog>().AsNoTracking().Where(l => ids.Contains(l.EnvoyId)).OrderByDescending(l => l.Date).ThenByDescending(l => l.Id)
            .Take(Shown).ToListAsync(ct);
        return await LogViewsAsync(rows, ct);
    }

    private async Task<(string UserId, string Specialty, DateOnly From, DateOnly To, List<(string, string)> Towns)> CheckAsync(EnvoyRequest r,
        string district, CancellationToken ct)
    {
        var v = RequestValidator.For(r);
        var userId = string.IsNullOrWhiteSpace(r.UserName) ? null : await accounts.UserIdByNameAsync(r.UserName, ct);
        if (userId is null)
        {
            v.Add(nameof(r.UserName), string.IsNullOrWhiteSpace(r.UserName) ? "请填写特派员的用户名。" : $"找不到用户名为“{r.UserName.Trim()}”的账号。");
        }

        if (r.From is not { } from || r.To is not { } to)
        {
            v.Add(nameof(r.From), "请填写派驻期限的开始和结束日期。");
        }
        else if (to < from)
        {
            v.Add(nameof(r.To), "结束日期不能早于开始日期。");
        }
        else if (to > from.AddYears(5))
        {
            v.Add(nameof(r.To), "一次派驻最长 5 年。");
        }

        var towns = new List<(string, string)>();
        var known = (await regions.TownsAsync(district, ct)).ToDictionary(t => t.Code, t => t.Name);
        var requested = r.Towns ?? [];
        if (requested.Count is 0 or > MaxTowns)
        {
            v.Add(nameof(r.Towns), $"请选择派驻的乡镇（1 到 {MaxTowns} 个）。");
        }

        foreach (var t in requested)
        {
            var code = t.TownCode?.Trim() ?? "";
            var villages = (t.Villages ?? []).Select(x => x.Trim()).Where(x => x.Length > 0).Distinct().ToList();
            if (!known.TryGetValue(code, out var name))
            {
                v.Add(nameof(r.Towns), $"乡镇 {code} 不在本区县。");
            }
            else if (towns.Any(x => x.Item1 == code))
            {
                v.Add(nameof(r.Towns), $"{name}选了两次。");
            }
            else if (villages.Count > MaxVillages || villages.Any(x => x.Length > 20 || x.Contains(',', StringComparison.Ordinal) || x.Contains('，', StringComparison.Ordinal)
                         || TextRules.HasControlCharacters(x) || TextRules.HasMarkup(x)))
            {
                v.Add(nameof(r.Towns), $"{name}的村名最多 {MaxVillages} 个，每个不超过 20 个字，不含逗号和 < >。");
            }
            else
            {
                towns.Add((code, string.Join(',', villages)));
            }
        }

        v.ThrowIfInvalid();
        return (userId!, r.Specialty!.Trim(), r.From!.Value, r.To!.Value, towns);
    }

    private static NotFoundException Missing(int id) => new($"特派员 {id} 不存在。");

    private async Task<IReadOnlyList<EnvoyView>> ViewsAsync(IReadOnlyList<Envoy> rows, ClaimsPrincipal? user, CancellationToken ct)
    {
        var names = await accounts.DisplayNamesAsync(rows.Select(e => e.UserId).Distinct(), ct);
        var districts = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
        var towns = await TownNamesAsync(rows.Select(e => e.DistrictCode), ct);
        var ids = rows.Select(e => e.Id).ToList();
        var totals = await db.Set<ServiceLog>().AsNoTracking().Where(l => ids.Contains(l.EnvoyId)).GroupBy(l => l.EnvoyId)
            .Select(g => new { g.Key, Count = g.Count(), Hours = g.Sum(l => l.Hours) }).ToDictionaryAsync(g => g.Key, ct);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        return rows.Select(e => new EnvoyView(e.Id, names.GetValueOrDefault(e.UserId, "已注销用户"), e.DistrictCode,
                districts.GetValueOrDefault(e.DistrictCode, e.DistrictCode), e.Specialty, e.From, e.To, e.Serves(today),
                e.Towns.OrderBy(t => t.TownCode).Select(t => new EnvoyTownView(t.TownCode, towns.GetValueOrDefault(t.TownCode, t.TownCode),
                    t.Villages.Split(',', StringSplitOptions.RemoveEmptyEntries))).ToList(),
                totals.TryGetValue(e.Id, out var total) ? total.Count : 0, total?.Hours ?? 0, user?.CanManageDistrict(e.DistrictCode) == true))
            .ToList();
    }

    private async Task<IReadOnlyList<ServiceLogView>> LogViewsAsync(IReadOnlyList<ServiceLog> rows, CancellationToken ct)
    {
        var envoyIds = rows.Select(l => l.EnvoyId).Distinct().ToList();
        var envoys = await db.Set<Envoy>().AsNoTracking().Where(e => envoyIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var names = await accounts.DisplayNamesAsync(envoys.Values.Select(e => e.UserId).Distinct(), ct);
        var towns = await TownNamesAsync(envoys.Values.Select(e => e.DistrictCode), ct);
        return rows.Select(l => new ServiceLogView(l.Id, l.EnvoyId, names.GetValueOrDefault(envoys[l.EnvoyId].UserId, "已注销用户"), envoys[l.EnvoyId].DistrictCode,
            l.Date, l.TownCode, towns.GetValueOrDefault(l.TownCode, l.TownCode), l.Village, l.Kind, ServiceKinds.Label(l.Kind), l.Hours, l.Served, l.Summary,
            l.Photo, l.CreatedAt)).ToList();
    }

    private async Task<Dictionary<string, string>> TownNamesAsync(IEnumerable<string> districts, CancellationToken ct)
    {
        var names = new Dictionary<string, string>();
        foreach (var d in districts.Distinct())
        {
            foreach (var t in await regions.TownsAsync(d, ct))
            {
                names[t.Code] = t.Name;
            }
        }

        return names;
    }
}
