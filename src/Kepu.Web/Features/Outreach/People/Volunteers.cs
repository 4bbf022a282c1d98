using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Learning.Activities;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Outreach.People.Entities;
using Kepu.Web.Features.Outreach.Venues.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.People;

public sealed record VolunteerRequest
{
    /// <summary>senior 银龄科普（退休科技工作者）, student 学生, staff 在职职工, other 其他.</summary>
    public string? Kind { get; init; }

    /// <summary>Skills as short tags (at most 8, each at most 12 characters): 果树栽培, 急救, 智能手机教学 …</summary>
    public IReadOnlyList<string>? Skills { get; init; }

    /// <summary>Days usually free: 1 (Monday) to 7 (Sunday).</summary>
    public IReadOnlyList<int>? Weekdays { get; init; }

    [Display(Name = "可服务时间说明")]
    [StringLength(100, ErrorMessage = "可服务时间说明不能超过 100 个字。")]
    [PlainText]
    public string? Availability { get; init; }

    public string? DistrictCode { get; init; }

    [Display(Name = "个人背景")]
    [StringLength(100, ErrorMessage = "个人背景不能超过 100 个字。")]
    [PlainText]
    public string? Background { get; init; }
}

public sealed record HoursRequest
{
    public DateOnly? Date { get; init; }

    /// <summary>0.5 to 24, in half hours.</summary>
    public decimal? Hours { get; init; }

    [Display(Name = "服务内容")]
    [Required(ErrorMessage = "请填写服务内容（例如：社区防诈骗讲座志愿讲解）。")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "服务内容需要 2 到 100 个字。")]
    [PlainText]
    public string? Activity { get; init; }

    [Display(Name = "服务地点")]
    [Required(ErrorMessage = "请填写服务地点。")]
    [StringLength(100, ErrorMessage = "服务地点不能超过 100 个字。")]
    [PlainText]
    public string? Place { get; init; }

    /// <summary>Where the service took place (its administrator confirms); the volunteer's own district when left out.</summary>
    public string? DistrictCode { get; init; }

    /// <summary>The organising organisation, whose staff may confirm instead.</summary>
    public int? OrganizationId { get; init; }

    /// <summary>People served; 0 when unknown.</summary>
    public int? Served { get; init; }
}

public sealed record RejectRequest(string? Reason);

public sealed record VolunteerView(int Id, string Name, string Kind, string KindLabel, IReadOnlyList<string> Skills, IReadOnlyList<int> Weekdays,
    string WeekdayText, string Availability, string DistrictCode, string DistrictName, string Background, decimal ConfirmedHours);

public sealed record HoursView(int Id, string VolunteerName, string VolunteerKind, DateOnly Date, decimal Hours, string Activity, string Place,
    string DistrictCode, string DistrictName, int? OrganizationId, string? OrganizationName, int Served, string State, string StateLabel, string? Reason,
    string? DecidedByName, DateTime? DecidedAt, int? ActivityId, long? LedgerSequence, decimal? Credits, bool CanDecide);

/// <summary>
/// 志愿者: people register what they can do and when; they record hours served; the administrator of the district
/// where they served, or the organising organisation, confirms them, and confirmed hours become 科普工作实绩 (志愿服务)
/// through the Learning module, with a ledger grant, in the same transaction.
/// </summary>
public sealed class Volunteers(AppDbContext db, IRegionDirectory regions, IAccountDirectory accounts, OutreachAccess access, ScienceActivities activities,
    TimeProvider clock)
{
    public const int MaxSkills = 8;
    public const int MaxSkillLength = 12;
    public const int Shown = 500;

    /// <summary>Registers the caller as a volunteer, or updates their registration.</summary>
    public async Task<VolunteerView> SaveAsync(VolunteerRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var v = RequestValidator.For(r);
        if (!VolunteerKinds.IsValid(r.Kind))
        {
            v.Add(nameof(r.Kind), "请选择志愿者类别：银龄科普、学生、在职职工或其他。");
        }

        var skills = (r.Skills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (skills.Count is 0 or > MaxSkills)
        {
            v.Add(nameof(r.Skills), $"请填写 1 到 {MaxSkills} 项特长。");
        }
        else if (skills.Any(s => s.Length > MaxSkillLength || TextRules.HasControlCharacters(s) || TextRules.HasMarkup(s)))
        {
            v.Add(nameof(r.Skills), $"每项特长不超过 {MaxSkillLength} 个字，不能包含 < >。");
        }

        var days = r.Weekdays ?? [];
        if (days.Any(d => d is < 1 or > 7))
        {
            v.Add(nameof(r.Weekdays), "可服务的日子须是 1（周一）到 7（周日）。");
        }

        if (days.Count == 0 && string.IsNullOrWhiteSpace(r.Availability))
        {
            v.Add(nameof(r.Weekdays), "请勾选通常有空的日子，或写一写什么时候有空。");
        }

        if (await regions.FindDistrictAsync(r.DistrictCode, ct) is null)
        {
            v.Add(nameof(r.DistrictCode), "请选择服务的区县。");
        }

        v.ThrowIfInvalid();
        var volunteer = await db.Set<Volunteer>().FirstOrDefaultAsync(x => x.UserId == me, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (volunteer is null)
        {
            volunteer = new Volunteer(me, now);
            db.Add(volunteer);
        }

        volunteer.Set(r.Kind!, skills, days.Distinct().Sum(d => 1 << (d - 1)), r.Availability?.Trim() ?? "", r.DistrictCode!, r.Background?.Trim() ?? "", now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new BusinessRuleException("您刚刚已登记过，请刷新后再修改。");
        }

        return (await ViewsAsync([volunteer], ct))[0];
    }

    public async Task<VolunteerView?> MineAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var volunteer = await db.Set<Volunteer>().AsNoTracking().FirstOrDefaultAsync(x => x.UserId == me, ct);
        return volunteer is null ? null : (await ViewsAsync([volunteer], ct))[0];
    }

    /// <summary>Volunteers of a district, for its administrator (administrators: any district, or all), filtered by kind and skill.</summary>
    public async Task<IReadOnlyList<VolunteerView>> ListAsync(string? district, string? kind, string? skill, ClaimsPrincipal user, CancellationToken ct = default)
    {
        district = string.IsNullOrEmpty(district) && !user.IsInRole(Roles.Admin) ? user.ManagedDistrictCode() : district;
        var query = db.Set<Volunteer>().AsNoTracking();
        if (string.IsNullOrEmpty(district))
        {
            if (!user.IsInRole(Roles.Admin))
            {
                throw new ForbiddenException("只有区县管理员和管理员可以查看志愿者名单。");
            }
        }
        else
        {
            user.EnsureCanManageDistrict(district);
            query = query.Where(x => x.DistrictCode == district);
        }

        if (!string.IsNullOrEmpty(kind))
        {
            query = query.Where(x => x.Kind == kind);
        }

        var rows = await query.OrderBy(x => x.Id).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(skill))
        {
            // Skills are a list column (JSON on SQLite, an array on PostgreSQL); a district's volunteers are few, so filter here.
            rows = rows.Where(x => x.Skills.Any(s => s.Contains(skill.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();
        }

        return await ViewsAsync(rows.Take(Shown).ToList(), ct);
    }

    public async Task<HoursView> RecordHoursAsync(HoursRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var volunteer = await db.Set<Volunteer>().AsNoTracking().FirstOrDefaultAsync(x => x.UserId == me, ct)
            ?? throw new BusinessRuleException("请先登记为志愿者，再记录服务时长。");
        var v = RequestValidator.For(r);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        if (r.Date is not { } date || date > today)
        {
            v.Add(nameof(r.Date), "请填写服务日期（不能晚于今天）。");
        }
        else if (date < today.AddDays(-365))
        {
            v.Add(nameof(r.Date), "只能记录一年之内的服务。");
        }

        if (r.Hours is not { } hours || hours < 0.5m || hours > VolunteerHours.MaxHours || hours % 0.5m != 0)
        {
            v.Add(nameof(r.Hours), "服务时长须在 0.5 到 24 小时之间，以半小时计。");
        }

        var district = string.IsNullOrEmpty(r.DistrictCode) ? volunteer.DistrictCode : r.DistrictCode;
        if (await regions.FindDistrictAsync(district, ct) is null)
        {
            v.Add(nameof(r.DistrictCode), "没有这个区县。");
        }

        if (r.OrganizationId is { } org && !(await accounts.OrganizationNamesAsync([org], ct)).ContainsKey(org))
        {
            v.Add(nameof(r.OrganizationId), "找不到这个组织单位。");
        }

        if (r.Served is < 0 or > 100_000)
        {
            v.Add(nameof(r.Served), "服务人数须是 0 到 100000 之间的整数。");
        }

        v.ThrowIfInvalid();
        var row = new VolunteerHours(volunteer.Id, me, r.Date!.Value, r.Hours!.Value, r.Activity!.Trim(), r.Place!.Trim(), district, r.OrganizationId,
            r.Served ?? 0, clock.GetUtcNow().UtcDateTime);
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return (await HoursViewsAsync([row], user, ct))[0];
    }

    public async Task<IReadOnlyList<HoursView>> MyHoursAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var rows = await db.Set<VolunteerHours>().AsNoTracking().Where(h => h.UserId == me).OrderByDescending(h => h.Date).ThenByDescending(h => h.Id)
            .Take(Shown).ToListAsync(ct);
        return await HoursViewsAsync(rows, user, ct);
    }

    /// <summary>Hours the caller may confirm: their district's (district administrators), their organisations', everything (administrators).</summary>
    public async Task<IReadOnlyList<HoursView>> ToConfirmAsync(string? state, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        state = string.IsNullOrEmpty(state) ? HoursStates.Submitted : state;
        if (state is not (HoursStates.Submitted or HoursStates.Confirmed or HoursStates.Rejected or "all"))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["state"] = ["状态只能是 submitted、confirmed、rejected 或 all。"] });
        }

        var query = db.Set<VolunteerHours>().AsNoTracking().Where(h => h.UserId != me);
        if (!user.IsInRole(Roles.Admin))
        {
            var district = user.IsInRole(Roles.DistrictAdmin) ? user.ManagedDistrictCode() : null;
            var orgs = await access.StaffOrganizationIdsAsync(user, ct);
            query = query.Where(h => h.DistrictCode == district || (h.OrganizationId != null && orgs.Contains(h.OrganizationId.Value)));
        }

        if (state != "all")
        {
            query = query.Where(h => h.State == state);
        }

        var rows = await query.OrderBy(h => h.Date).ThenBy(h => h.Id).Take(Shown).ToListAsync(ct);
        return await HoursViewsAsync(rows, user, ct);
    }

    /// <summary>Confirms hours: they become an approved 志愿服务 activity with its ledger grant, all in one transaction, once.</summary>
    public async Task<HoursView> ConfirmAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var asOrganization = await EnsureMayDecideAsync(id, user, ct);
        VolunteerHours? row = null;
        try
        {
            await activities.RecordConfirmedAsync(async c =>
            {
                // Read again under the ledger's lock: a second confirmation waits, then finds it confirmed.
                row = await db.Set<VolunteerHours>().FirstAsync(h => h.Id == id, c);
                row.Confirm(me, clock.GetUtcNow().UtcDateTime);
                return new ConfirmedWork(row.UserId, ActivityKinds.Volunteering, row.Activity, row.Date, row.Place, row.Served, row.Hours, "/outreach/volunteers",
                    asOrganization, me, user.Identity?.Name);
            }, recorded => row!.Recorded(recorded.ActivityId, recorded.LedgerSequence), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException("这条服务记录刚被别人处理过，请刷新后再看。");
        }

        return (await HoursViewsAsync([row!], user, ct))[0];
    }

    public async Task<HoursView> RejectAsync(int id, RejectRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        await EnsureMayDecideAsync(id, user, ct);
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > VolunteerHours.MaxReason || TextRules.HasControlCharacters(reason) || TextRules.HasMarkup(reason))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["reason"] = [$"请说明不予确认的原因（最多 {VolunteerHours.MaxReason} 个字，不含 < >）。"] });
        }

        var row = await db.Set<VolunteerHours>().FirstAsync(h => h.Id == id, ct);
        row.Reject(me, reason, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException("这条服务记录刚被别人处理过，请刷新后再看。");
        }

        return (await HoursViewsAsync([row], user, ct))[0];
    }

    /// <summary>
    /// The district's administrator (or an administrator) decides in their own name; otherwise staff of the organising
    /// organisation decide for it (the organisation is returned, so the 实绩 shows it as the reviewer).
    /// </summary>
    private async Task<int?> EnsureMayDecideAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = await db.Set<VolunteerHours>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException($"服务记录 {id} 不存在。");
        if (row.UserId == OutreachAccess.Me(user))
        {
            throw new ForbiddenException("不能确认自己的服务时长。");
        }

        if (user.CanManageDistrict(row.DistrictCode))
        {
            return null;
        }

        if (row.OrganizationId is { } org && await access.IsStaffAsync(user, org, ct))
        {
            return org;
        }

        throw new ForbiddenException(user.IsInRole(Roles.DistrictAdmin)
            ? "区县管理员只能确认在本区县的志愿服务。"
            : "只有服务所在区县的管理员、组织单位或管理员可以确认服务时长。");
    }

    private async Task<IReadOnlyList<VolunteerView>> ViewsAsync(IReadOnlyList<Volunteer> rows, CancellationToken ct)
    {
        var names = await accounts.DisplayNamesAsync(rows.Select(x => x.UserId), ct);
        var districts = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
        var ids = rows.Select(x => x.Id).ToList();
        var hours = await db.Set<VolunteerHours>().AsNoTracking().Where(h => ids.Contains(h.VolunteerId) && h.State == HoursStates.Confirmed)
            .GroupBy(h => h.VolunteerId).Select(g => new { g.Key, Hours = g.Sum(h => h.Hours) }).ToDictionaryAsync(g => g.Key, g => g.Hours, ct);
        return rows.Select(x =>
        {
            var days = Enumerable.Range(1, 7).Where(d => (x.Weekdays & (1 << (d - 1))) != 0).ToList();
            return new VolunteerView(x.Id, names.GetValueOrDefault(x.UserId, "已注销用户"), x.Kind, VolunteerKinds.Label(x.Kind), x.Skills, days,
                string.Join("、", days.Select(d => WeeklyHours.DayNames[d - 1])), x.Availability, x.DistrictCode, districts.GetValueOrDefault(x.DistrictCode, ""),
                x.Background, hours.GetValueOrDefault(x.Id));
        }).ToList();
    }

    private async Task<IReadOnlyList<HoursView>> HoursViewsAsync(IReadOnlyList<VolunteerHours> rows, ClaimsPrincipal user, CancellationToken ct)
    {
        var people = rows.SelectMany(h => new[] { h.UserId, h.DecidedBy }).OfType<string>().Distinct();
        var names = await accounts.DisplayNamesAsync(people, ct);
        var orgs = await accounts.OrganizationNamesAsync(rows.Select(h => h.OrganizationId).OfType<int>().Distinct(), ct);
        var districts = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
        var volunteerIds = rows.Select(h => h.VolunteerId).Distinct().ToList();
        var kinds = await db.Set<Volunteer>().AsNoTracking().Where(x => volunteerIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Kind, ct);
        var staff = await access.StaffOrganizationIdsAsync(user, ct);
        var me = user.UserId();
        return rows.Select(h => new HoursView(h.Id, names.GetValueOrDefault(h.UserId, "已注销用户"), VolunteerKinds.Label(kinds.GetValueOrDefault(h.VolunteerId, "other")),
            h.Date, h.Hours, h.Activity, h.Place, h.DistrictCode, districts.GetValueOrDefault(h.DistrictCode, ""), h.OrganizationId,
            h.OrganizationId is { } o ? orgs.GetValueOrDefault(o) : null, h.Served, h.State, HoursStates.Label(h.State), h.Reason,
            h.DecidedBy is { } d ? names.GetValueOrDefault(d, "已注销用户") : null, h.DecidedAt, h.ActivityId, h.LedgerSequence,
            h.State == HoursStates.Confirmed ? ActivityKinds.Credits(ActivityKinds.Volunteering, h.Hours) : null,
            h.State == HoursStates.Submitted && h.UserId != me
                && (user.CanManageDistrict(h.DistrictCode) || (h.OrganizationId is { } org && staff.Contains(org))))).ToList();
    }
}
