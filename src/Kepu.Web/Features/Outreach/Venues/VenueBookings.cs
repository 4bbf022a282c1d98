using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Outreach.Venues.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Venues;

/// <summary>A group asks to visit: <c>start</c> and <c>end</c> as HH:mm within the day's opening hours.</summary>
public sealed record BookingRequest
{
    public DateOnly? Date { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }

    /// <summary>school, community, company or other.</summary>
    public string? GroupKind { get; init; }

    [Display(Name = "团体名称")]
    [Required(ErrorMessage = "请填写团体名称（学校、社区或单位）。")]
    [StringLength(60, MinimumLength = 2, ErrorMessage = "团体名称需要 2 到 60 个字。")]
    [PlainText]
    public string? GroupName { get; init; }

    [Display(Name = "联系人")]
    [Required(ErrorMessage = "请填写联系人。")]
    [StringLength(30, ErrorMessage = "联系人不能超过 30 个字。")]
    [PlainText]
    public string? Contact { get; init; }

    [Display(Name = "联系电话")]
    [Required(ErrorMessage = "请填写联系电话。")]
    [RegularExpression(@"^[0-9+\- ]{7,20}$", ErrorMessage = "联系电话只能包含数字、空格、+ 和 -（7 到 20 位）。")]
    public string? Phone { get; init; }

    /// <summary>People coming, teachers and staff included.</summary>
    public int? Size { get; init; }
}

public sealed record DecisionRequest(string? Reason);

public sealed record BookingView(int Id, int VenueId, string VenueName, DateOnly Date, string Start, string End, string GroupKind, string GroupKindLabel,
    string GroupName, string Contact, string Phone, int Size, string State, string StateLabel, string? Reason, DateTime CreatedAt, bool CanDecide,
    bool CanCancel);

/// <summary>
/// 参观预约: a group books a time; it holds places at once (待确认) so two groups cannot both count on the last ones, and the
/// venue's manager confirms or declines it. At no moment may the groups holding places exceed the venue's capacity.
/// </summary>
public sealed class VenueBookings(AppDbContext db, VenueCatalog venues, TimeProvider clock)
{
    /// <summary>Bookings open this many days ahead.</summary>
    public const int DaysAhead = 180;

    public async Task<BookingView> BookAsync(int venueId, BookingRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var (date, start, end) = Check(request);
        await using var tx = await RowLock.BeginAsync(db, "outreach_venue", venueId, ct);
        var venue = await VenueCatalog.FindAsync(db.Set<Venue>().AsNoTracking(), venueId, ct);
        if (request.Size > venue.Capacity)
        {
            throw new BusinessRuleException($"{venue.Name}同时最多容纳 {venue.Capacity} 人，{request.Size} 人的团体请分批预约。");
        }

        venue.EnsureOpen(date, start, end);
        var sameDay = await db.Set<VenueBooking>().Where(b => b.VenueId == venueId && b.Date == date).ToListAsync(ct);
        if (sameDay.FirstOrDefault(b => b.Holds && b.BookedBy == me && b.Overlaps(start, end)) is { } own)
        {
            throw new BusinessRuleException($"您已预约了这一天 {own.Start:HH\\:mm}–{own.End:HH\\:mm}（{own.GroupName}），与这个时段重叠；要改时间请先取消原预约。");
        }

        var peak = VenueBooking.PeakWith(sameDay, start, end, request.Size!.Value);
        if (peak > venue.Capacity)
        {
            var left = venue.Capacity - (peak - request.Size.Value);
            throw new BusinessRuleException($"这个时段已有其他团体预约，最多只能再接待 {Math.Max(0, left)} 人（同时容纳 {venue.Capacity} 人）。请减少人数或换个时段。");
        }

        var booking = new VenueBooking(venueId, date, start, end, request.GroupKind!, request.GroupName!.Trim(), request.Contact!.Trim(), request.Phone!.Trim(),
            request.Size.Value, me, clock.GetUtcNow().UtcDateTime);
        db.Add(booking);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return View(booking, venue.Name, manages: false, me);
    }

    public async Task<BookingView> ConfirmAsync(int id, ClaimsPrincipal user, CancellationToken ct = default) =>
        await DecideAsync(id, user, manager: true, (b, me, now) => b.Confirm(me, now), ct);

    public async Task<BookingView> DeclineAsync(int id, DecisionRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var reason = Reason(request.Reason);
        return await DecideAsync(id, user, manager: true, (b, me, now) => b.Decline(me, reason, now), ct);
    }

    /// <summary>The group that booked, or the venue's manager, cancels; the places are free again.</summary>
    public async Task<BookingView> CancelAsync(int id, DecisionRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var reason = Reason(request.Reason);
        return await DecideAsync(id, user, manager: false, (b, me, now) => b.Cancel(me, reason, now), ct);
    }

    public async Task<IReadOnlyList<BookingView>> MineAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var rows = await db.Set<VenueBooking>().AsNoTracking().Where(b => b.BookedBy == me).OrderByDescending(b => b.Date).ThenByDescending(b => b.Id)
            .Take(VenueCatalog.Shown).ToListAsync(ct);
        var names = await db.Set<Venue>().AsNoTracking().Where(v => rows.Select(b => b.VenueId).Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        return rows.Select(b => View(b, names.GetValueOrDefault(b.VenueId, ""), manages: false, me)).ToList();
    }

    /// <summary>A venue's bookings from <paramref name="from"/> on (default today), for its managers.</summary>
    public async Task<IReadOnlyList<BookingView>> ForVenueAsync(int venueId, DateOnly? from, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var venue = await VenueCatalog.FindAsync(db.Set<Venue>().AsNoTracking(), venueId, ct);
        await venues.EnsureManagesAsync(venue, user, ct);
        var since = from ?? Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var rows = await db.Set<VenueBooking>().AsNoTracking().Where(b => b.VenueId == venueId && b.Date >= since)
            .OrderBy(b => b.Date).ThenBy(b => b.Start).ThenBy(b => b.Id).Take(VenueCatalog.Shown).ToListAsync(ct);
        return rows.Select(b => View(b, venue.Name, manages: true, me)).ToList();
    }

    private async Task<BookingView> DecideAsync(int id, ClaimsPrincipal user, bool manager, Action<VenueBooking, string, DateTime> act, CancellationToken ct)
    {
        var me = OutreachAccess.Me(user);
        var booking = await db.Set<VenueBooking>().FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException($"预约 {id} 不存在。");
        var venue = await VenueCatalog.FindAsync(db.Set<Venue>().AsNoTracking(), booking.VenueId, ct);
        if (manager || booking.BookedBy != me)
        {
            await venues.EnsureManagesAsync(venue, user, ct);
        }

        act(booking, me, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return View(booking, venue.Name, manages: true, me);
    }

    private (DateOnly Date, TimeOnly Start, TimeOnly End) Check(BookingRequest r)
    {
        var v = RequestValidator.For(r);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        if (r.Date is not { } date)
        {
            v.Add(nameof(r.Date), "请选择参观日期。");
        }
        else if (date <= today)
        {
            v.Add(nameof(r.Date), "请至少提前一天预约（参观日期须晚于今天）。");
        }
        else if (date > today.AddDays(DaysAhead))
        {
            v.Add(nameof(r.Date), $"只能预约 {DaysAhead} 天之内的参观。");
        }

        var start = VenueInput.Time(r.Start);
        var end = VenueInput.Time(r.End);
        if (start is null)
        {
            v.Add(nameof(r.Start), "请按 09:30 的格式填写开始时间（分钟为 5 的倍数）。");
        }

        if (end is null)
        {
            v.Add(nameof(r.End), "请按 11:00 的格式填写结束时间（分钟为 5 的倍数）。");
        }
        else if (start is not null && end <= start)
        {
            v.Add(nameof(r.End), "结束时间须晚于开始时间。");
        }

        if (!GroupKinds.IsValid(r.GroupKind))
        {
            v.Add(nameof(r.GroupKind), "请选择团体类型：学校、社区、企业单位或其他团体。");
        }

        if (r.Size is not (>= 1 and <= Venue.MaxCapacity))
        {
            v.Add(nameof(r.Size), "请填写来访人数（1 人以上，含带队老师）。");
        }

        v.ThrowIfInvalid();
        return (r.Date!.Value, start!.Value, end!.Value);
    }

    private static string? Reason(string? reason)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > VenueBooking.MaxReason || TextRules.HasControlCharacters(text) || TextRules.HasMarkup(text))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["reason"] = [$"原因最多 {VenueBooking.MaxReason} 个字，不能包含 < > 或控制字符。"] });
        }

        return text;
    }

    private static BookingView View(VenueBooking b, string venueName, bool manages, string me) =>
        new(b.Id, b.VenueId, venueName, b.Date, b.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            b.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), b.GroupKind, GroupKinds.Label(b.GroupKind), b.GroupName, b.Contact,
            b.Phone, b.Size, b.State, BookingStates.Label(b.State), b.Reason, b.CreatedAt, manages && b.State == BookingStates.Pending,
            b.Holds && (manages || b.BookedBy == me));
}
