using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.Events.Entities;
using Kepu.Web.Features.Outreach.Venues.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Events;

/// <summary>An event as an organiser describes it. Times carry their offset (Beijing time is <c>+08:00</c>).</summary>
public sealed record EventRequest
{
    /// <summary>lecture, health, caravan, museum, openday, fieldschool, training, scienceday, scienceweek or other.</summary>
    public string? Kind { get; init; }

    [Display(Name = "活动名称")]
    [Required(ErrorMessage = "请填写活动名称。")]
    [StringLength(OutreachEvent.MaxTitle, MinimumLength = 4, ErrorMessage = "活动名称需要 4 到 100 个字。")]
    [PlainText]
    public string? Title { get; init; }

    [Display(Name = "活动介绍")]
    [StringLength(OutreachEvent.MaxDescription, ErrorMessage = "活动介绍不能超过 4000 个字。")]
    public string? Description { get; init; }

    /// <summary>District code (GB/T 2260), e.g. 500242.</summary>
    public string? District { get; init; }

    /// <summary>Town code (乡镇/街道), optional; must be in the district.</summary>
    public string? Town { get; init; }

    [Display(Name = "地点")]
    [Required(ErrorMessage = "请填写活动地点。")]
    [StringLength(OutreachEvent.MaxPlace, ErrorMessage = "地点不能超过 200 个字。")]
    [PlainText]
    public string? Place { get; init; }

    public int? VenueId { get; init; }

    /// <summary>Audience group codes: youth, farmers, workers, elderly, officials, public.</summary>
    public IReadOnlyList<string>? Audiences { get; init; }

    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Seats; registrations beyond it join the waitlist.</summary>
    public int? Capacity { get; init; }

    [Display(Name = "主办单位")]
    [StringLength(100, ErrorMessage = "主办单位不能超过 100 个字。")]
    [PlainText]
    public string? Organizer { get; init; }
}

/// <summary>Checks an <see cref="EventRequest"/>, and that the caller may run events in its district.</summary>
public sealed class EventInput(IRegionDirectory regions, AppDbContext db, TimeProvider clock)
{
    /// <summary>People who may create events: staff of the association, organisations, experts, and district administrators in their district.</summary>
    public static readonly string[] Organizers = [Roles.Admin, Roles.Editor, Roles.Organization, Roles.Expert, Roles.DistrictAdmin];

    public static bool CanOrganize(ClaimsPrincipal user) => Organizers.Any(user.IsInRole);

    public async Task<EventDetails> CheckAsync(EventRequest r, ClaimsPrincipal user, bool creating, CancellationToken ct)
    {
        if (!CanOrganize(user))
        {
            throw new ForbiddenException("只有科协工作人员、机构、专家和区县管理员可以发布活动。");
        }

        var v = RequestValidator.For(r);
        if (!EventKinds.IsValid(r.Kind))
        {
            v.Add(nameof(r.Kind), "请选择活动类型。");
        }

        var (district, town) = await PlaceInput.CheckAsync(regions, v, r.District, r.Town, nameof(r.District), nameof(r.Town), "请选择活动所在的区县。", ct);

        if (r.VenueId is { } venueId
            && await db.Set<Venue>().AsNoTracking().Where(x => x.Id == venueId).Select(x => x.DistrictCode).FirstOrDefaultAsync(ct) is var venueDistrict
            && venueDistrict != district?.Code)
        {
            v.Add(nameof(r.VenueId), venueDistrict is null ? "没有这个场馆。" : "所选场馆不在活动所在的区县。");
        }

        var audiences = (r.Audiences ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Distinct().ToList();
        if (audiences.Any(a => !Audiences.IsValid(a)))
        {
            v.Add(nameof(r.Audiences), "面向人群只能从青少年、农民、产业工人、老年人、领导干部和公务员、社会公众中选择。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (r.StartsAt is not { } starts)
        {
            v.Add(nameof(r.StartsAt), "请填写开始时间。");
        }
        else if (creating && starts.UtcDateTime < now)
        {
            v.Add(nameof(r.StartsAt), "开始时间已经过去了。");
        }
        else if (starts.UtcDateTime > now.AddYears(2))
        {
            v.Add(nameof(r.StartsAt), "只能安排两年以内的活动。");
        }

        if (r.EndsAt is not { } ends)
        {
            v.Add(nameof(r.EndsAt), "请填写结束时间。");
        }
        else if (r.StartsAt is { } s && (ends <= s || ends - s > TimeSpan.FromDays(31)))
        {
            v.Add(nameof(r.EndsAt), "结束时间须晚于开始时间，且活动不超过 31 天。");
        }

        if (r.Capacity is not (>= 1 and <= OutreachEvent.MaxCapacity))
        {
            v.Add(nameof(r.Capacity), $"名额须是 1 到 {OutreachEvent.MaxCapacity:N0} 之间的整数。");
        }

        v.ThrowIfInvalid();

        // Checked after the input is valid, so a district administrator learns about the district, not the typos.
        if (user.IsInRole(Roles.DistrictAdmin) && !user.IsInRole(Roles.Admin) && user.ManagedDistrictCode() != district!.Code)
        {
            throw new ForbiddenException("区县管理员只能在本区县发布活动。");
        }

        var organizer = string.IsNullOrWhiteSpace(r.Organizer) ? user.FindFirst(KepuClaims.DisplayName)?.Value ?? "科普重庆" : r.Organizer.Trim();
        return new EventDetails(r.Kind!, r.Title!.Trim(), (r.Description ?? "").Trim(), district!.Code, town, r.Place!.Trim(), r.VenueId,
            audiences, r.StartsAt!.Value.UtcDateTime, r.EndsAt!.Value.UtcDateTime, r.Capacity!.Value, organizer);
    }

    /// <summary>The event's creator, an administrator, or the administrator of its district.</summary>
    public static bool CanManage(ClaimsPrincipal user, OutreachEvent e) =>
        e.CreatedBy == user.UserId() || user.CanManageDistrict(e.DistrictCode) || user.IsInRole(Roles.Editor);

    public static void EnsureCanManage(ClaimsPrincipal user, OutreachEvent e)
    {
        if (!CanManage(user, e))
        {
            throw new ForbiddenException(user.IsInRole(Roles.DistrictAdmin) ? "区县管理员只能管理本区县的活动。" : "只有活动的发布者、科协编辑和所在区县的管理员可以管理这个活动。");
        }
    }
}
