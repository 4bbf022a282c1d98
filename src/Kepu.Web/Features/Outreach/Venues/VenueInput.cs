using System.Globalization;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Features.Outreach.Venues.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Validation;
using System.ComponentModel.DataAnnotations;

namespace Kepu.Web.Features.Outreach.Venues;

/// <summary>One weekday's hours: <c>day</c> 1 (Monday) to 7 (Sunday), <c>open</c> and <c>close</c> as HH:mm. Days left out are closed.</summary>
public sealed record OpeningRequest(int Day, string? Open, string? Close);

/// <summary>A venue as its manager describes it.</summary>
public sealed record VenueRequest
{
    /// <summary>science_base 科普基地, museum 科技馆, open_lab 开放实验室, courtyard 科技小院, field_school 田间学校, expert_yard 专家大院, tech_town 科技强镇, tech_village 科技名村.</summary>
    public string? Kind { get; init; }

    [Display(Name = "名称")]
    [Required(ErrorMessage = "请填写名称。")]
    [StringLength(60, MinimumLength = 2, ErrorMessage = "名称需要 2 到 60 个字。")]
    [PlainText]
    public string? Name { get; init; }

    public string? DistrictCode { get; init; }

    /// <summary>Optional: a town (乡镇/街道) code of the district.</summary>
    public string? TownCode { get; init; }

    [Display(Name = "地址")]
    [Required(ErrorMessage = "请填写地址。")]
    [StringLength(120, ErrorMessage = "地址不能超过 120 个字。")]
    [PlainText]
    public string? Address { get; init; }

    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public IReadOnlyList<OpeningRequest>? Opening { get; init; }

    [Display(Name = "开放说明")]
    [StringLength(100, ErrorMessage = "开放说明不能超过 100 个字。")]
    [PlainText]
    public string? HoursNote { get; init; }

    /// <summary>People inside at the same moment, 1 to 5000.</summary>
    public int? Capacity { get; init; }

    [Display(Name = "联系方式")]
    [Required(ErrorMessage = "请填写联系人和电话。")]
    [StringLength(60, ErrorMessage = "联系方式不能超过 60 个字。")]
    [PlainText]
    public string? Contact { get; init; }

    [Display(Name = "简介")]
    [StringLength(1000, ErrorMessage = "简介不能超过 1000 个字。")]
    [PlainText]
    public string? Description { get; init; }

    /// <summary>The organisation that runs it; its staff manage the venue. Required for 机构 accounts.</summary>
    public int? OrganizationId { get; init; }
}

/// <summary>Checks a <see cref="VenueRequest"/>: every field error at once, and who may put the venue where.</summary>
public sealed class VenueInput(IRegionDirectory regions, IAccountDirectory accounts, OutreachAccess access)
{
    public async Task<VenueDetails> CheckAsync(VenueRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var v = RequestValidator.For(r);
        if (!VenueKinds.IsValid(r.Kind))
        {
            v.Add(nameof(r.Kind), "请选择类型：" + string.Join("、", VenueKinds.All.Select(k => k.Label)) + "。");
        }

        var (district, townCode) = await PlaceInput.CheckAsync(regions, v, r.DistrictCode, r.TownCode, nameof(r.DistrictCode), nameof(r.TownCode), "请选择所在区县。", ct);

        if (r.Latitude is not null != r.Longitude is not null)
        {
            v.Add(nameof(r.Latitude), "经纬度要么都填，要么都不填。");
        }
        else if (r.Latitude is { } lat && (lat is < 27.5 or > 32.5 || r.Longitude is not (>= 105 and <= 110.5)))
        {
            v.Add(nameof(r.Latitude), "经纬度不在重庆市范围内（纬度 27.5–32.5，经度 105–110.5）。");
        }

        var hours = Opening(r.Opening, v);
        if (r.Capacity is not (>= 1 and <= Venue.MaxCapacity))
        {
            v.Add(nameof(r.Capacity), $"同时容纳人数须是 1 到 {Venue.MaxCapacity} 之间的整数。");
        }

        await CheckOrganizationAsync(r, user, district?.Code, v, ct);
        v.ThrowIfInvalid();
        return new VenueDetails(r.Kind!, r.Name!.Trim(), district!.Code, townCode, r.Address!.Trim(), r.Latitude, r.Longitude, hours!,
            r.HoursNote?.Trim() ?? "", r.Capacity!.Value, r.Contact!.Trim(), r.Description?.Trim() ?? "", r.OrganizationId);
    }

    /// <summary>Parses HH:mm (on the hour, or minutes divisible by 5).</summary>
    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && t.Minute % 5 == 0 ? t : null;

    private static WeeklyHours? Opening(IReadOnlyList<OpeningRequest>? opening, RequestValidator v)
    {
        var days = new DayHours?[7];
        foreach (var o in opening ?? [])
        {
            if (o.Day is < 1 or > 7)
            {
                v.Add("opening", "开放日须是 1（周一）到 7（周日）。");
                return null;
            }

            var name = WeeklyHours.DayNames[o.Day - 1];
            if (days[o.Day - 1] is not null)
            {
                v.Add("opening", $"{name}填了两次。");
            }
            else if (Time(o.Open) is not { } open || Time(o.Close) is not { } close)
            {
                v.Add("opening", $"{name}的开放和闭馆时间请按 09:00 的格式填写（分钟为 5 的倍数）。");
            }
            else if (close <= open)
            {
                v.Add("opening", $"{name}的闭馆时间须晚于开放时间。");
            }
            else
            {
                days[o.Day - 1] = new DayHours(open, close);
            }
        }

        var week = new WeeklyHours(days);
        if (!week.AnyOpen && !v.Has("opening"))
        {
            v.Add("opening", "请至少填写一天的开放时间。");
        }

        return week;
    }

    /// <summary>
    /// 机构 staff put venues of their own organisation anywhere; a district administrator only in their district; an
    /// administrator anything. The organisation, when given, must exist.
    /// </summary>
    private async Task CheckOrganizationAsync(VenueRequest r, ClaimsPrincipal user, string? district, RequestValidator v, CancellationToken ct)
    {
        if (r.OrganizationId is { } org && !(await accounts.OrganizationNamesAsync([org], ct)).ContainsKey(org))
        {
            v.Add(nameof(r.OrganizationId), "找不到这个单位。");
            return;
        }

        if (district is null || user.CanManageDistrict(district))
        {
            return;
        }

        if (r.OrganizationId is not { } own)
        {
            if (user.IsInRole(Roles.DistrictAdmin) || user.IsInRole(Roles.Admin))
            {
                user.EnsureCanManageDistrict(district);
            }

            v.Add(nameof(r.OrganizationId), "请选择运营这个场馆的单位（您所在的单位）。");
        }
        else if (!await access.IsStaffAsync(user, own, ct))
        {
            throw new ForbiddenException(user.IsInRole(Roles.DistrictAdmin)
                ? "区县管理员只能管理本区县的场馆；其他区县的场馆由那里的区县管理员或运营单位登记。"
                : "只能登记自己所在单位运营的场馆。");
        }
    }
}
