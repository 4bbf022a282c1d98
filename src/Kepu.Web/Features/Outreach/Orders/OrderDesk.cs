using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library;
using Kepu.Web.Features.Notifications;
using Kepu.Web.Features.Outreach.Events;
using Kepu.Web.Features.Outreach.Events.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Orders;

public sealed record OrderRequest
{
    /// <summary>community, village, school or enterprise.</summary>
    public string? Kind { get; init; }

    [Display(Name = "点单单位")]
    [Required(ErrorMessage = "请填写点单的社区、村、学校或企业名称。")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "单位名称需要 2 到 100 个字。")]
    [PlainText]
    public string? RequesterName { get; init; }

    [Display(Name = "联系电话")]
    [Required(ErrorMessage = "请留一个联系电话，方便专家和管理员联系。")]
    [RegularExpression(@"^[0-9\-+ ]{7,20}$", ErrorMessage = "联系电话只能是数字（可带 - 或 +），7 到 20 位。")]
    public string? Contact { get; init; }

    public string? District { get; init; }
    public string? Town { get; init; }

    [Display(Name = "地点")]
    [Required(ErrorMessage = "请填写讲座地点。")]
    [StringLength(200, ErrorMessage = "地点不能超过 200 个字。")]
    [PlainText]
    public string? Place { get; init; }

    /// <summary>A taxonomy topic, e.g. 防范电信诈骗.</summary>
    public string? Topic { get; init; }

    /// <summary>Audience group code.</summary>
    public string? Audience { get; init; }

    public int? ExpectedSize { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>A dialect the audience understands best (e.g. 土家语), optional.</summary>
    [StringLength(20, ErrorMessage = "方言不能超过 20 个字。")]
    [PlainText]
    public string? Dialect { get; init; }

    [StringLength(LectureOrder.MaxNote, ErrorMessage = "补充说明不能超过 500 个字。")]
    [PlainText]
    public string? Note { get; init; }
}

public sealed record ConfirmRequest(string? ExpertId, DateOnly? Date, TimeOnly? StartTime);

public sealed record FeedbackRequest(int? Rating, string? Comment);

public sealed record OrderView(int Id, string Kind, string KindLabel, string RequesterName, string? Contact, string District, string DistrictName,
    IReadOnlyList<string> DistrictFlags, bool Priority, string? Town, string? TownName, string Place, string Topic, string Audience, string AudienceLabel,
    int ExpectedSize, DateOnly From, DateOnly To, string? Dialect, string Note, string Status, string StatusLabel, string? ExpertId, string? ExpertName,
    int? EventId, int? Rating, string? Feedback, DateTime CreatedAt, bool Mine, bool CanConfirm);

/// <summary>点单: ordering, the district administrator's queue (priority areas first), confirming an expert, feedback.</summary>
public sealed class OrderDesk(AppDbContext db, IRegionDirectory regions, IAccountDirectory accounts, Taxonomy taxonomy, ExpertMatcher matcher,
    Notifier notifier, TimeProvider clock)
{
    public const int MaxDays = 92;

    public async Task<OrderView> CreateAsync(OrderRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var v = RequestValidator.For(r);
        if (!OrderKinds.IsValid(r.Kind))
        {
            v.Add(nameof(r.Kind), "请选择点单单位类型：社区、村、学校或企业。");
        }

        var (district, town) = await PlaceInput.CheckAsync(regions, v, r.District, r.Town, nameof(r.District), nameof(r.Town), "请选择区县。", ct);

        if (string.IsNullOrWhiteSpace(r.Topic) || !await taxonomy.ExistsAsync(r.Topic.Trim(), ct))
        {
            v.Add(nameof(r.Topic), "请从主题列表中选择讲座主题。");
        }

        if (r.Audience is null || !Audiences.IsValid(r.Audience))
        {
            v.Add(nameof(r.Audience), "请选择听众人群。");
        }

        if (r.ExpectedSize is not (>= 5 and <= 5000))
        {
            v.Add(nameof(r.ExpectedSize), "预计人数须在 5 到 5000 之间。");
        }

        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        if (r.From is not { } from || from <= today)
        {
            v.Add(nameof(r.From), "最早日期须从明天开始。");
        }
        else if (r.To is not { } to || to < from || to.DayNumber - from.DayNumber > MaxDays)
        {
            v.Add(nameof(r.To), $"最晚日期须不早于最早日期，时间范围不超过 {MaxDays} 天。");
        }

        v.ThrowIfInvalid();
        var order = new LectureOrder(user.UserId()!, new OrderDetails(r.Kind!, r.RequesterName!.Trim(), r.Contact!.Trim(), district!.Code, town, r.Place!.Trim(),
            r.Topic!.Trim(), r.Audience!, r.ExpectedSize!.Value, r.From!.Value, r.To!.Value, string.IsNullOrWhiteSpace(r.Dialect) ? null : r.Dialect.Trim(),
            (r.Note ?? "").Trim()), clock.GetUtcNow().UtcDateTime);
        db.Add(order);
        await db.SaveChangesAsync(ct);
        return await GetAsync(order.Id, user, ct);
    }

    /// <summary>
    /// A person's own orders; a district administrator's district queue; an administrator's whole city. Open orders come
    /// first, those from priority areas (民族地区, 脱贫地区, 革命老区) ahead of the rest, then by date wanted.
    /// </summary>
    public async Task<IReadOnlyList<OrderView>> ListAsync(ClaimsPrincipal user, string? status = null, CancellationToken ct = default)
    {
        var q = db.Set<LectureOrder>().AsNoTracking();
        if (user.IsInRole(Roles.Admin))
        {
        }
        else if (user.IsInRole(Roles.DistrictAdmin) && user.ManagedDistrictCode() is { } managed)
        {
            var me = user.UserId();
            q = q.Where(o => o.DistrictCode == managed || o.RequesterId == me);
        }
        else
        {
            var me = user.UserId();
            q = q.Where(o => o.RequesterId == me);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            q = q.Where(o => o.Status == status);
        }

        var rows = await q.OrderByDescending(o => o.Id).Take(500).ToListAsync(ct);
        var views = await ViewsAsync(rows, user, ct);
        return [.. views.OrderBy(o => o.Status != OrderStatus.Open).ThenBy(o => !o.Priority).ThenBy(o => o.From).ThenBy(o => o.Id)];
    }

    public async Task<OrderView> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct = default) =>
        (await ViewsAsync([await FindVisibleAsync(id, user, ct)], user, ct))[0];

    public async Task<Proposals> ProposalsAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var order = await FindVisibleAsync(id, user, ct);
        user.EnsureCanManageDistrict(order.DistrictCode);
        return await matcher.ProposeAsync(order, ct);
    }

    /// <summary>
    /// The district administrator confirms an expert and a date: the lecture becomes an event (seats for the expected
    /// size), the expert and the orderer are told in the app. All of it commits together.
    /// </summary>
    public async Task<OrderView> ConfirmAsync(int id, ConfirmRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var order = await FindVisibleAsync(id, user, ct);
        user.EnsureCanManageDistrict(order.DistrictCode);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.ExpertId))
        {
            errors["expertId"] = ["请选择一位专家。"];
        }

        if (r.Date is null)
        {
            errors["date"] = ["请选择讲座日期。"];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var date = r.Date!.Value;
        var start = r.StartTime ?? new TimeOnly(9, 30);
        var proposals = await matcher.ProposeAsync(order, ct);
        var chosen = proposals.Ranked.FirstOrDefault(p => p.ExpertId == r.ExpertId);
        if (chosen is null)
        {
            var why = proposals.Unavailable.FirstOrDefault(u => u.ExpertId == r.ExpertId)?.Why;
            throw new BusinessRuleException(why is null ? "这位专家不在推荐名单中（专业不对口或不是专家）。" : $"这位专家不能安排：{why}。");
        }

        if (!chosen.FreeDays.Contains(date))
        {
            throw new BusinessRuleException($"{chosen.Name}在 {date:yyyy-MM-dd} 没有空，可选：{string.Join("、", chosen.FreeDays.Take(5).Select(d => d.ToString("M月d日", CultureInfo.InvariantCulture)))}。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var startsAt = Display.FromBeijing(date, start);
        order.Confirm(chosen.ExpertId, date, user.UserId()!, now);
        var place = await PlaceAsync(order, ct);
        var lecture = new OutreachEvent(user.UserId()!, new EventDetails(EventKinds.Lecture, $"{order.Topic}科普讲座（点单）", $"{order.RequesterName}点单，{chosen.Name}主讲。{order.Note}".Trim(),
            order.DistrictCode, order.TownCode, place, null, [order.Audience], startsAt, startsAt.AddHours(2), Math.Max(order.ExpectedSize, 1), order.RequesterName), now);
        lecture.ForOrder(order.Id, chosen.ExpertId);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(lecture);
        try
        {
            await db.SaveChangesAsync(ct);
            order.LinkEvent(lecture.Id);
            var link = $"/events/{lecture.Id}";
            notifier.Send(chosen.ExpertId, "新的点单讲座", $"{order.RequesterName}（{place}）{date:M月d日} {start:HH\\:mm} 请您讲「{order.Topic}」，约 {order.ExpectedSize} 人。联系电话 {order.Contact}。", link);
            notifier.Send(order.RequesterId, "点单已安排", $"您点的「{order.Topic}」讲座已安排：{chosen.Name}，{date:M月d日} {start:HH\\:mm}。", link);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException("这个点单刚被别人处理过，请刷新后再看。");
        }

        return await GetAsync(order.Id, user, ct);
    }

    public async Task<OrderView> CancelAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var order = await FindVisibleAsync(id, user, ct);
        if (order.RequesterId != user.UserId())
        {
            user.EnsureCanManageDistrict(order.DistrictCode);
        }

        order.Cancel();
        await SaveAsync(ct);
        return await GetAsync(order.Id, user, ct);
    }

    public async Task<OrderView> FeedbackAsync(int id, FeedbackRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var order = await FindVisibleAsync(id, user, ct);
        if (order.RequesterId != user.UserId())
        {
            throw new ForbiddenException("只有点单人可以评价。");
        }

        var errors = new Dictionary<string, string[]>();
        if (r.Rating is not (>= 1 and <= 5))
        {
            errors["rating"] = ["请打 1 到 5 分。"];
        }

        var comment = (r.Comment ?? "").Trim();
        if (comment.Length > LectureOrder.MaxFeedback)
        {
            errors["comment"] = ["评价不能超过 500 个字。"];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var lecture = order.EventId is { } eventId ? await db.Set<OutreachEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct) : null;
        order.Rate(r.Rating!.Value, comment, lecture?.EndsAt ?? DateTime.MaxValue, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(ct);
        return await GetAsync(order.Id, user, ct);
    }

    /// <summary>Orders are seen by the orderer, the district's administrator and administrators; others get 404, not a hint.</summary>
    private async Task<LectureOrder> FindVisibleAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var order = await db.Set<LectureOrder>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null || (order.RequesterId != user.UserId() && !user.CanManageDistrict(order.DistrictCode)))
        {
            if (order is not null && user.IsInRole(Roles.DistrictAdmin))
            {
                throw new ForbiddenException("区县管理员只能处理本区县的点单。");
            }

            throw new NotFoundException($"点单 {id} 不存在。");
        }

        return order;
    }

    private async Task<string> PlaceAsync(LectureOrder order, CancellationToken ct)
    {
        var town = order.TownCode is null ? null : await regions.FindTownAsync(order.TownCode, ct);
        return town is null ? order.Place : $"{town.Name} {order.Place}";
    }

    private async Task<IReadOnlyList<OrderView>> ViewsAsync(List<LectureOrder> rows, ClaimsPrincipal user, CancellationToken ct)
    {
        var districts = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code);
        var experts = await accounts.DisplayNamesAsync(rows.Where(o => o.ExpertId is not null).Select(o => o.ExpertId!).Distinct(), ct);
        var me = user.UserId();
        var list = new List<OrderView>(rows.Count);
        foreach (var o in rows)
        {
            var d = districts.GetValueOrDefault(o.DistrictCode);
            var flags = d?.Flags ?? [];
            var town = o.TownCode is null ? null : await regions.FindTownAsync(o.TownCode, ct);
            var manage = user.CanManageDistrict(o.DistrictCode);
            list.Add(new OrderView(o.Id, o.Kind, OrderKinds.Label(o.Kind), o.RequesterName, manage || o.RequesterId == me ? o.Contact : null, o.DistrictCode,
                d?.Name ?? o.DistrictCode, flags, flags.Any(f => f is DistrictFlag.Ethnic or DistrictFlag.Poverty or DistrictFlag.OldRevolutionary), o.TownCode, town?.Name, o.Place, o.Topic, o.Audience,
                Audiences.Label(o.Audience), o.ExpectedSize, o.From, o.To, o.Dialect, o.Note, o.Status, OrderStatus.Label(o.Status), o.ExpertId,
                o.ExpertId is null ? null : experts.GetValueOrDefault(o.ExpertId), o.EventId, o.Rating, o.Feedback, o.CreatedAt, o.RequesterId == me,
                manage && o.Status == OrderStatus.Open));
        }

        return list;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException("这个点单刚被别人处理过，请刷新后再看。");
        }
    }
}
