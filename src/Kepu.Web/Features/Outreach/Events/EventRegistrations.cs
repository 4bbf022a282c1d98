using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Notifications;
using Kepu.Web.Features.Outreach.Events.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Events;

public sealed record RegistrationView(int Id, int EventId, string Status, string StatusLabel, int? WaitlistPosition, DateTime CreatedAt, DateTime? PromotedAt, DateTime? CheckedInAt);

public sealed record AttendeeView(int Id, string DisplayName, string Status, string StatusLabel, DateTime CreatedAt, DateTime? CheckedInAt);

public sealed record MyEventView(EventView Event, RegistrationView Registration);

/// <summary>
/// Registration, the waitlist and check-in. Counters change on the event under its concurrency token: when two people
/// race for the last seat, one save fails, and it is tried again against the new numbers (so the second person is
/// waitlisted, never squeezed in). A cancelled seat passes at once to the first person on the waitlist, who is told.
/// </summary>
public sealed class EventRegistrations(AppDbContext db, EventCatalog catalog, IAccountDirectory accounts, Notifier notifier, Insights.Activity.ActivityLog activity, TimeProvider clock)
{
    private const int Attempts = 8;

    public async Task<RegistrationView> RegisterAsync(int eventId, string userId, CancellationToken ct = default) =>
        await RetryAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var e = await EventCatalog.FindAsync(db, eventId, ct);
            var existing = await db.Set<EventRegistration>().FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId, ct);
            if (existing is { IsActive: true })
            {
                throw new BusinessRuleException(existing.Status == RegistrationStatus.Waitlisted ? "您已在候补名单中。" : "您已经报过名了。");
            }

            var status = e.TakePlace(now);
            var registration = existing ?? new EventRegistration(eventId, userId, status, now);
            if (existing is null)
            {
                db.Add(registration);
            }
            else
            {
                registration.Renew(status, now);
            }

            await activity.RecordAsync(Insights.Activity.ActivityKinds.Registration, userId, e.DistrictCode, ct: ct);
            await db.SaveChangesAsync(ct);
            return await ViewAsync(registration, ct);
        }, ct);

    /// <summary>Gives up one's seat or waitlist place; a freed seat goes to the first on the waitlist.</summary>
    public async Task<RegistrationView> CancelAsync(int eventId, string userId, CancellationToken ct = default) =>
        await RetryAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var e = await EventCatalog.FindAsync(db, eventId, ct);
            var registration = await db.Set<EventRegistration>().FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId, ct)
                ?? throw new NotFoundException("您没有报名这个活动。");
            if (now >= e.EndsAt)
            {
                throw new BusinessRuleException("活动已经结束，不能取消报名。");
            }

            var previous = registration.Cancel(now);
            if (e.Release(previous))
            {
                var next = await db.Set<EventRegistration>()
                    .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted)
                    .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).FirstAsync(ct);
                next.Promote(now);
                e.Promoted();
                notifier.Send(next.UserId, $"候补转正：{e.Title}", "有人取消了报名，您已从候补转为正式报名。请按时参加，活动当天扫码签到。", $"/events/{eventId}");
            }

            await db.SaveChangesAsync(ct);
            return await ViewAsync(registration, ct);
        }, ct);

    public async Task<RegistrationView?> MineAsync(int eventId, string userId, CancellationToken ct = default)
    {
        var r = await db.Set<EventRegistration>().AsNoTracking().FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId, ct);
        return r is null ? null : await ViewAsync(r, ct);
    }

    /// <summary>Everything I registered for, soonest first (past ones last).</summary>
    public async Task<IReadOnlyList<MyEventView>> MyEventsAsync(string userId, CancellationToken ct = default)
    {
        var regs = await db.Set<EventRegistration>().AsNoTracking().Where(r => r.UserId == userId && r.Status != RegistrationStatus.Cancelled)
            .OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        var events = await db.Set<OutreachEvent>().AsNoTracking().Where(e => regs.Select(r => r.EventId).Contains(e.Id)).ToListAsync(ct);
        var views = (await catalog.ViewsAsync(events, ct)).ToDictionary(v => v.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var list = new List<MyEventView>();
        foreach (var r in regs)
        {
            list.Add(new MyEventView(views[r.EventId], await ViewAsync(r, ct)));
        }

        return [.. list.OrderBy(m => m.Event.EndsAt < now).ThenBy(m => m.Event.StartsAt)];
    }

    /// <summary>A registered person scans the QR code shown at the venue.</summary>
    public async Task<RegistrationView> CheckInAsync(int eventId, string secret, string userId, CancellationToken ct = default) =>
        await RetryAsync(async () =>
        {
            var e = await EventCatalog.FindAsync(db, eventId, ct);
            if (!string.Equals(e.CheckInSecret, secret, StringComparison.Ordinal))
            {
                throw new BusinessRuleException("签到码不对：请扫描活动现场的二维码。");
            }

            var registration = await db.Set<EventRegistration>().FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId, ct)
                ?? throw new BusinessRuleException("您没有报名这个活动，请找工作人员现场登记。");
            return await CheckInAsync(e, registration, ct);
        }, ct);

    /// <summary>Staff check a person in from the list (for people without a phone).</summary>
    public async Task<RegistrationView> CheckInByStaffAsync(int eventId, int registrationId, ClaimsPrincipal staff, CancellationToken ct = default) =>
        await RetryAsync(async () =>
        {
            var e = await EventCatalog.FindAsync(db, eventId, ct);
            EventInput.EnsureCanManage(staff, e);
            var registration = await db.Set<EventRegistration>().FirstOrDefaultAsync(r => r.EventId == eventId && r.Id == registrationId, ct)
                ?? throw new NotFoundException("没有这条报名。");
            return await CheckInAsync(e, registration, ct);
        }, ct);

    public async Task<IReadOnlyList<AttendeeView>> AttendeesAsync(int eventId, ClaimsPrincipal staff, CancellationToken ct = default)
    {
        var e = await EventCatalog.FindAsync(db, eventId, ct);
        EventInput.EnsureCanManage(staff, e);
        var rows = await db.Set<EventRegistration>().AsNoTracking().Where(r => r.EventId == eventId && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Status == RegistrationStatus.Waitlisted).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(5000).ToListAsync(ct);
        var names = await accounts.DisplayNamesAsync(rows.Select(r => r.UserId), ct);
        return [.. rows.Select(r => new AttendeeView(r.Id, names.GetValueOrDefault(r.UserId, "（已注销）"), r.Status, RegistrationStatus.Label(r.Status),
            r.CreatedAt, r.CheckedInAt))];
    }

    private async Task<RegistrationView> CheckInAsync(OutreachEvent e, EventRegistration registration, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        e.EnsureCheckInOpen(now);
        if (registration.CheckIn(now))
        {
            e.CheckedIn();
            await activity.RecordAsync(Insights.Activity.ActivityKinds.CheckIn, registration.UserId, e.DistrictCode, ct: ct);
            await db.SaveChangesAsync(ct);
        }

        return await ViewAsync(registration, ct);
    }

    private async Task<RegistrationView> ViewAsync(EventRegistration r, CancellationToken ct)
    {
        int? position = null;
        if (r.Status == RegistrationStatus.Waitlisted)
        {
            position = 1 + await db.Set<EventRegistration>().CountAsync(o => o.EventId == r.EventId && o.Status == RegistrationStatus.Waitlisted
                && (o.CreatedAt < r.CreatedAt || (o.CreatedAt == r.CreatedAt && o.Id < r.Id)), ct);
        }

        return new RegistrationView(r.Id, r.EventId, r.Status, RegistrationStatus.Label(r.Status), position, r.CreatedAt, r.PromotedAt, r.CheckedInAt);
    }

    /// <summary>Runs <paramref name="work"/> again with fresh rows when someone else changed the event in between.</summary>
    private async Task<T> RetryAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // The same person registering twice at once: the unique index let one in; the retry reports it.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new BusinessRuleException("报名的人太多，请稍后再试。");
            }
        }
    }
}
