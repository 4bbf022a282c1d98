using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kepu.Web.Features.Library;

/// <summary>Records that a signed-in person opened or finished a published item.</summary>
public sealed class RecordReading(AppDbContext db, IMemoryCache cache, IEnumerable<IReadingObserver> observers, Insights.Activity.ActivityLog activity, TimeProvider clock)
{
    public async Task ViewedAsync(int contentId, string userId, CancellationToken ct = default) => await TouchAsync(contentId, userId, false, ct);

    public async Task FinishedAsync(int contentId, string userId, CancellationToken ct = default) => await TouchAsync(contentId, userId, true, ct);

    private async Task TouchAsync(int contentId, string userId, bool finished, CancellationToken ct)
    {
        if (!await db.Set<ContentItem>().AnyAsync(c => c.Id == contentId && c.Status == ContentStatus.Published, ct))
        {
            throw new NotFoundException($"内容 {contentId} 不存在或尚未发布。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var read = await db.Set<ContentRead>().FirstOrDefaultAsync(r => r.UserId == userId && r.ContentId == contentId, ct);
        if (read is null)
        {
            read = new ContentRead(contentId, userId, now);
            db.Add(read);
        }
        else
        {
            read.Viewed(now);
        }

        var firstFinish = finished && read.FinishedAt is null;
        if (finished)
        {
            read.Finished(now);
        }
        else
        {
            await activity.RecordAsync(Insights.Activity.ActivityKinds.View, userId, ct: ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tabs opened the same item at once: the other request recorded it.
            firstFinish = false;
        }
        finally
        {
            ReadingHistories.Forget(cache, userId);
        }

        if (firstFinish)
        {
            foreach (var observer in observers)
            {
                await observer.FinishedFirstTimeAsync(userId, contentId, ct);
            }
        }
    }
}
