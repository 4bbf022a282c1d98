using Kepu.Web.Features.Feed;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Caching.Memory;

namespace Kepu.Web.Features.Learning;

/// <summary>
/// Topics a person got wrong in the last 30 days (most recent first, at most 5), for the feed. Kept in memory for a
/// few seconds since the feed asks on every request; a save that records a wrong answer forgets the entry.
/// </summary>
public sealed class LearningSignals(AppDbContext db, IMemoryCache cache, TimeProvider clock) : IMissedTopics
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<string>> MissedTopicsAsync(string userId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(userId), out IReadOnlyList<string>? cached) && cached is not null)
        {
            return cached;
        }

        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        IReadOnlyList<string> topics = await db.Set<MissedTopic>().AsNoTracking().Where(m => m.UserId == userId && m.LastMissedAt >= since)
            .OrderByDescending(m => m.LastMissedAt).Take(5).Select(m => m.Topic).ToListAsync(ct);
        cache.Set(Key(userId), topics, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 64 });
        return topics;
    }

    internal static string Key(string userId) => "learning:missed:" + userId;
}

internal sealed class MissedTopicEviction(IMemoryCache cache) : EvictOnSave<string>
{
    protected override IEnumerable<string> Changed(ChangeTracker changes) =>
        changes.Entries<MissedTopic>().Where(IsChange).Select(e => e.Entity.UserId);

    protected override void Forget(string key) => cache.Remove(LearningSignals.Key(key));
}
