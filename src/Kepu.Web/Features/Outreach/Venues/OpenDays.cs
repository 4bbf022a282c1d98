using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Outreach.Venues.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Venues;

public sealed record OpenDayRequest
{
    [Display(Name = "主题")]
    [Required(ErrorMessage = "请填写开放日主题。")]
    [StringLength(60, MinimumLength = 2, ErrorMessage = "主题需要 2 到 60 个字。")]
    [PlainText]
    public string? Title { get; init; }

    public DateOnly? Date { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }

    /// <summary>Places for individuals, at most the venue's capacity.</summary>
    public int? Capacity { get; init; }

    [Display(Name = "说明")]
    [StringLength(300, ErrorMessage = "说明不能超过 300 个字。")]
    [PlainText]
    public string? Note { get; init; }
}

public sealed record OpenDayView(int Id, int VenueId, string VenueName, string Title, DateOnly Date, string Start, string End, int Capacity, int Registered,
    int Left, string Note, bool Mine, bool Past);

/// <summary>开放日: the manager declares a day; individuals take one place each until the places run out.</summary>
public sealed class OpenDays(AppDbContext db, VenueCatalog venues, TimeProvider clock)
{
    public async Task<OpenDayView> CreateAsync(int venueId, OpenDayRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var venue = await VenueCatalog.FindAsync(db.Set<Venue>().AsNoTracking(), venueId, ct);
        await venues.EnsureManagesAsync(venue, user, ct);
        var v = RequestValidator.For(r);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        if (r.Date is not { } date || date <= today)
        {
            v.Add(nameof(r.Date), "开放日须在今天之后。");
        }

        var start = VenueInput.Time(r.Start);
        var end = VenueInput.Time(r.End);
        if (start is null || end is null || end <= start)
        {
            v.Add(nameof(r.Start), "请按 09:00 的格式填写开始和结束时间，结束晚于开始。");
        }

        if (r.Capacity is not { } capacity || capacity < 1 || capacity > venue.Capacity)
        {
            v.Add(nameof(r.Capacity), $"名额须在 1 到 {venue.Capacity}（场馆同时容纳人数）之间。");
        }

        v.ThrowIfInvalid();
        var day = new OpenDay(venueId, r.Title!.Trim(), r.Date!.Value, start!.Value, end!.Value, r.Capacity!.Value, r.Note?.Trim() ?? "", me,
            clock.GetUtcNow().UtcDateTime);
        db.Add(day);
        await db.SaveChangesAsync(ct);
        return View(day, venue.Name, false, today);
    }

    /// <summary>A venue's open days from today on.</summary>
    public async Task<IReadOnlyList<OpenDayView>> ForVenueAsync(int venueId, ClaimsPrincipal? user, CancellationToken ct = default)
    {
        var venue = await VenueCatalog.FindAsync(db.Set<Venue>().AsNoTracking(), venueId, ct);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var days = await db.Set<OpenDay>().AsNoTracking().Where(d => d.VenueId == venueId && d.Date >= today).OrderBy(d => d.Date).ThenBy(d => d.Start)
            .ToListAsync(ct);
        var me = user?.UserId();
        var ids = days.Select(d => d.Id).ToList();
        var mine = me is null
            ? []
            : await db.Set<OpenDayRegistration>().AsNoTracking().Where(x => x.UserId == me && ids.Contains(x.OpenDayId)).Select(x => x.OpenDayId).ToListAsync(ct);
        return days.Select(d => View(d, venue.Name, mine.Contains(d.Id), today)).ToList();
    }

    /// <summary>
    /// Takes a place. One conditional UPDATE raises the count only while places are left, so two people racing for the
    /// last place cannot both get it (PostgreSQL re-checks the condition after the first commits; SQLite admits one writer);
    /// the registration row, unique per person, is written in the same transaction.
    /// </summary>
    public async Task<OpenDayView> RegisterAsync(int openDayId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var day = await db.Set<OpenDay>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == openDayId, ct) ?? throw Missing(openDayId);
        if (day.Date < today)
        {
            throw new BusinessRuleException("这个开放日已经过去了。");
        }

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (await db.Set<OpenDayRegistration>().AnyAsync(x => x.OpenDayId == openDayId && x.UserId == me, ct))
            {
                throw new BusinessRuleException("您已经报名了这个开放日，每人一个名额。");
            }

            var taken = await db.Set<OpenDay>().Where(d => d.Id == openDayId && d.Registered < d.Capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Registered, d => d.Registered + 1), ct);
            if (taken == 0)
            {
                throw new BusinessRuleException($"“{day.Title}”的 {day.Capacity} 个名额已经报满了。");
            }

            db.Add(new OpenDayRegistration(openDayId, me, clock.GetUtcNow().UtcDateTime));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same person asked twice at once: the unique index let one through; this transaction (and its count) rolls back.
                throw new BusinessRuleException("您已经报名了这个开放日，每人一个名额。");
            }

            await tx.CommitAsync(ct);
        }

        return await OneAsync(openDayId, me, today, ct);
    }

    /// <summary>Gives the place back.</summary>
    public async Task<OpenDayView> UnregisterAsync(int openDayId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var gone = await db.Set<OpenDayRegistration>().Where(x => x.OpenDayId == openDayId && x.UserId == me).ExecuteDeleteAsync(ct);
            if (gone == 0)
            {
                throw new BusinessRuleException("您没有报名这个开放日。");
            }

            await db.Set<OpenDay>().Where(d => d.Id == openDayId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Registered, d => d.Registered - 1), ct);
            await tx.CommitAsync(ct);
        }

        return await OneAsync(openDayId, me, today, ct);
    }

    private async Task<OpenDayView> OneAsync(int openDayId, string me, DateOnly today, CancellationToken ct)
    {
        var day = await db.Set<OpenDay>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == openDayId, ct) ?? throw Missing(openDayId);
        var venue = await db.Set<Venue>().AsNoTracking().Where(v => v.Id == day.VenueId).Select(v => v.Name).FirstAsync(ct);
        var mine = await db.Set<OpenDayRegistration>().AnyAsync(x => x.OpenDayId == openDayId && x.UserId == me, ct);
        return View(day, venue, mine, today);
    }

    private static NotFoundException Missing(int id) => new($"开放日 {id} 不存在。");

    private static OpenDayView View(OpenDay d, string venue, bool mine, DateOnly today) =>
        new(d.Id, d.VenueId, venue, d.Title, d.Date, d.Start.ToString("HH:mm", CultureInfo.InvariantCulture), d.End.ToString("HH:mm", CultureInfo.InvariantCulture),
            d.Capacity, d.Registered, d.Capacity - d.Registered, d.Note, mine, d.Date < today);
}
