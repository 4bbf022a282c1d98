using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Outreach.Events.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Events;

public sealed record EventReport(int Attendance, string Summary, IReadOnlyList<string> Photos, DateTime ReportedAt);

public sealed record EventView(
    int Id, string Kind, string KindLabel, string Title, string Description, string District, string DistrictName, string? Town, string? TownName,
    string Place, int? VenueId, IReadOnlyList<string> Audiences, DateTime StartsAt, DateTime EndsAt, int Capacity, int Registered, int Waitlisted,
    int CheckedIn, string Status, string StatusLabel, string OrganizerName, string? ExpertId, string? ExpertName, int? OrderId, EventReport? Report)
{
    public int SeatsLeft => Math.Max(0, Capacity - Registered);
}

/// <summary>Filters of the public calendar. Dates are Beijing days; all optional.</summary>
public sealed record EventFilter(string? District = null, string? Kind = null, string? Audience = null, DateOnly? From = null, DateOnly? To = null,
    bool IncludePast = false, int Take = EventCatalog.PageSize);

/// <summary>The public calendar and event pages: what is on, where, for whom, and how many seats are left.</summary>
public sealed class EventCatalog(AppDbContext db, IRegionDirectory regions, IAccountDirectory accounts, TimeProvider clock)
{
    public const int PageSize = 100;
    public const int MaxTake = 1000;

    public async Task<IReadOnlyList<EventView>> ListAsync(EventFilter filter, CancellationToken ct = default)
    {
        var q = db.Set<OutreachEvent>().AsNoTracking().Where(e => e.Status != EventStatus.Cancelled);
        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            q = q.Where(e => e.DistrictCode == filter.District);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            q = q.Where(e => e.Kind == filter.Kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Audience))
        {
            q = q.Where(e => e.Audiences.Contains(filter.Audience));
        }

        // Beijing days to UTC instants: a day starts at 16:00 UTC the day before.
        if (filter.From is { } from)
        {
            var start = Display.FromBeijing(from, TimeOnly.MinValue);
            q = q.Where(e => e.EndsAt >= start);
        }
        else if (!filter.IncludePast)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            q = q.Where(e => e.EndsAt >= now);
        }

        if (filter.To is { } to)
        {
            var end = Display.FromBeijing(to.AddDays(1), TimeOnly.MinValue);
            q = q.Where(e => e.StartsAt < end);
        }

        var rows = await q.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(Math.Clamp(filter.Take, 1, MaxTake)).ToListAsync(ct);
        return await ViewsAsync(rows, ct);
    }

    public async Task<EventView> GetAsync(int id, CancellationToken ct = default) =>
        (await ViewsAsync([await FindAsync(db, id, ct)], ct))[0];

    public static async Task<OutreachEvent> FindAsync(AppDbContext db, int id, CancellationToken ct) =>
        await db.Set<OutreachEvent>().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException($"活动 {id} 不存在。");

    public async Task<IReadOnlyList<EventView>> ViewsAsync(IReadOnlyList<OutreachEvent> rows, CancellationToken ct)
    {
        var districts = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
        var experts = await accounts.DisplayNamesAsync(rows.Where(r => r.ExpertId is not null).Select(r => r.ExpertId!).Distinct(), ct);
        var views = new List<EventView>(rows.Count);
        foreach (var e in rows)
        {
            var town = e.TownCode is null ? null : await regions.FindTownAsync(e.TownCode, ct);
            var report = e.ReportedAt is { } at ? new EventReport(e.Attendance ?? 0, e.ReportSummary ?? "", e.ReportPhotos, at) : null;
            views.Add(new EventView(e.Id, e.Kind, EventKinds.Label(e.Kind), e.Title, e.Description, e.DistrictCode, districts.GetValueOrDefault(e.DistrictCode, e.DistrictCode),
                e.TownCode, town?.Name, e.Place, e.VenueId, e.Audiences, e.StartsAt, e.EndsAt, e.Capacity, e.RegisteredCount, e.WaitlistCount, e.CheckedInCount,
                e.Status, EventStatus.Label(e.Status), e.OrganizerName, e.ExpertId, e.ExpertId is null ? null : experts.GetValueOrDefault(e.ExpertId), e.OrderId, report));
        }

        return views;
    }
}
