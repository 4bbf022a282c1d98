using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Library.Media;
using Kepu.Web.Features.Notifications;
using Kepu.Web.Features.Outreach.Events.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Events;

public sealed record EventReportRequest(int? Attendance, string? Summary, IReadOnlyList<string>? Photos);

/// <summary>Organisers create, edit, cancel and report on events.</summary>
public sealed class EventManagement(AppDbContext db, EventInput input, EventCatalog catalog, Notifier notifier, MediaStore media, Insights.Activity.ActivityLog activity,
    TimeProvider clock)
{
    public async Task<EventView> CreateAsync(EventRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var details = await input.CheckAsync(request, user, creating: true, ct);
        var e = new OutreachEvent(user.UserId()!, details, clock.GetUtcNow().UtcDateTime);
        db.Add(e);
        await db.SaveChangesAsync(ct);
        return await catalog.GetAsync(e.Id, ct);
    }

    public async Task<EventView> UpdateAsync(int id, EventRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var e = await EventCatalog.FindAsync(db, id, ct);
        EventInput.EnsureCanManage(user, e);
        var details = await input.CheckAsync(request, user, creating: false, ct);
        e.Apply(details);
        await SaveAsync(ct);
        return await catalog.GetAsync(e.Id, ct);
    }

    /// <summary>Cancels the event and tells everyone who had a seat or a waitlist place.</summary>
    public async Task<EventView> CancelAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var e = await EventCatalog.FindAsync(db, id, ct);
        EventInput.EnsureCanManage(user, e);
        e.Cancel();
        var people = await db.Set<EventRegistration>().Where(r => r.EventId == id && r.Status != RegistrationStatus.Cancelled).Select(r => r.UserId).ToListAsync(ct);
        foreach (var person in people)
        {
            notifier.Send(person, $"活动已取消：{e.Title}", "您报名的活动已取消，给您带来不便，敬请谅解。", $"/events/{id}");
        }

        await SaveAsync(ct);
        return await catalog.GetAsync(e.Id, ct);
    }

    /// <summary>The organiser's report: attendance (defaults to the number checked in), a summary, photos (<c>/media/…</c> addresses).</summary>
    public async Task<EventView> ReportAsync(int id, EventReportRequest request, ClaimsPrincipal user, IReadOnlyList<Stream>? uploads = null, CancellationToken ct = default)
    {
        var e = await EventCatalog.FindAsync(db, id, ct);
        EventInput.EnsureCanManage(user, e);
        var errors = new Dictionary<string, string[]>();
        var attendance = request.Attendance ?? e.CheckedInCount;
        if (attendance is < 0 or > OutreachEvent.MaxCapacity * 10)
        {
            errors["attendance"] = ["到场人数须是 0 或正整数。"];
        }

        var summary = (request.Summary ?? "").Trim();
        if (summary.Length is < 10 or > OutreachEvent.MaxReport)
        {
            errors["summary"] = ["请用 10 到 4000 个字写一写活动情况。"];
        }

        var photos = (request.Photos ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (photos.Any(p => !p.StartsWith(MediaStore.PublicPrefix, StringComparison.Ordinal) || media.Find(p[MediaStore.PublicPrefix.Length..]) is null))
        {
            errors["photos"] = ["照片须是先上传到本平台的图片（/media/… 地址）。"];
        }

        if (photos.Count + (uploads?.Count ?? 0) + e.ReportPhotos.Count > OutreachEvent.MaxPhotos)
        {
            errors["photos"] = [$"最多 {OutreachEvent.MaxPhotos} 张照片。"];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var (firstReport, reported) = (e.ReportedAt is null, e.Attendance ?? 0);
        e.Report(attendance, summary, photos, clock.GetUtcNow().UtcDateTime); // rules first: a report too early stores no photo
        RecordHeld(e, firstReport, attendance - reported);
        foreach (var upload in uploads ?? [])
        {
            var stored = await media.SaveImageAsync(upload, "photos", ct);
            e.Report(attendance, summary, [stored.Url], clock.GetUtcNow().UtcDateTime);
        }

        await SaveAsync(ct);
        return await catalog.GetAsync(e.Id, ct);
    }

    /// <summary>运行监测: the event counts as held at its first report; attendance counts, and a corrected report adds the difference.</summary>
    private void RecordHeld(OutreachEvent e, bool firstReport, int attendanceChange)
    {
        var audience = e.Audiences.Count == 1 ? e.Audiences[0] : null;
        if (firstReport)
        {
            activity.Record(Insights.Activity.ActivityKinds.Event, e.DistrictCode, audience, 1, e.StartsAt);
        }

        if (attendanceChange != 0)
        {
            activity.Record(Insights.Activity.ActivityKinds.Attendance, e.DistrictCode, audience, attendanceChange, e.StartsAt);
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException("活动刚被别人修改过（或有人刚报名），请刷新后再试。");
        }
    }
}
