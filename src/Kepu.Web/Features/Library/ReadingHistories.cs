using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kepu.Web.Features.Library;

/// <summary>
/// A person's recent reading for the feed, kept in memory for a few seconds: the feed asks on every request and the
/// answer changes only when they read. <see cref="RecordReading"/> forgets the entry as it writes, so this process
/// sees a new reading at once; other processes (several app servers on PostgreSQL) within <see cref="Lifetime"/>.
/// </summary>
public sealed class ReadingHistories(AppDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private const int Recent = 500;

    public async Task<ReadingHistory> ForAsync(string userId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(userId), out ReadingHistory? cached) && cached is not null)
        {
            return cached;
        }

        var reads = await db.Set<ContentRead>().AsNoTracking()
            .Where(r => r.UserId == userId)
            .OrderByDescending(r => r.LastViewedAt)
            .Take(Recent)
            .Select(r => new { r.ContentId, r.FinishedAt })
            .ToListAsync(ct);
        var history = new ReadingHistory(
            reads.Select(r => r.ContentId).ToHashSet(),
            reads.Where(r => r.FinishedAt != null).Select(r => r.ContentId).ToHashSet(),
            reads.Take(20).Select(r => r.ContentId).ToList());
        cache.Set(Key(userId), history, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 64 + (reads.Count * 16) });
        return history;
    }

    public static void Forget(IMemoryCache cache, string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => "library:history:" + userId;
}
