using Kepu.Web.Features.Notifications.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Notifications;

public sealed record NotificationView(long Id, string Title, string Body, string? Link, DateTime CreatedAt, bool Read);

/// <summary>
/// Sends and lists in-app messages. <see cref="Send"/> only adds to the caller's unit of work: the message is saved with
/// the change it reports (an order confirmed and its message commit together, or neither does).
/// </summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock)
{
    public const int Shown = 100;

    public void Send(string userId, string title, string body, string? link = null) =>
        db.Add(new Notification(userId, title, body, link, clock.GetUtcNow().UtcDateTime));

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public async Task<IReadOnlyList<NotificationView>> ListAsync(string userId, CancellationToken ct = default) =>
        await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(Shown)
            .Select(n => new NotificationView(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);

    /// <summary>Marks all of a person's messages read (opening the list reads them).</summary>
    public async Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var unread = await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in unread)
        {
            n.MarkRead(now);
        }

        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
