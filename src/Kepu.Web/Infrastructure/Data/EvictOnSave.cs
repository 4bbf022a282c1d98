using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kepu.Web.Infrastructure.Data;

/// <summary>
/// Keeps an in-memory cache honest: entries that a save changes are forgotten before the save (so nothing reads the
/// old row meanwhile and caches it again) and once more after it. Modules register their own as <see cref="IInterceptor"/>.
/// </summary>
public abstract class EvictOnSave<TKey> : SaveChangesInterceptor
    where TKey : notnull
{
    private readonly ConditionalWeakTable<DbContext, List<TKey>> _pending = [];

    /// <summary>The cache keys touched by what is about to be saved.</summary>
    protected abstract IEnumerable<TKey> Changed(ChangeTracker changes);

    protected abstract void Forget(TKey key);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    protected static bool IsChange(EntityEntry entry) => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var keys = Changed(context.ChangeTracker).Distinct().ToList();
        foreach (var key in keys)
        {
            Forget(key);
        }

        if (keys.Count > 0)
        {
            _pending.AddOrUpdate(context, keys);
        }
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var keys))
        {
            _pending.Remove(context);
            foreach (var key in keys)
            {
                Forget(key);
            }
        }
    }
}
