using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace Kepu.Web.Features.Library;

/// <summary>
/// Published items as pages show them, in memory: a published item is the same for every reader. Any write to an
/// item, its workflow or its versions forgets it in this process at once (<see cref="PublishedViewEviction"/>);
/// other app servers (PostgreSQL deployments) follow within <see cref="Lifetime"/>, as names of people do.
/// </summary>
public sealed class PublishedViews(IMemoryCache cache, IOutputCacheStore pages, ILogger<PublishedViews> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public ContentView? Find(int id) => cache.TryGetValue(Key(id), out ContentView? view) ? view : null;

    public void Keep(ContentView view) =>
        cache.Set(Key(view.Id), view, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = Lifetime,
            // Roughly the bytes held: the texts (UTF-16) and the history rows.
            Size = 512 + (2L * (view.Title.Length + view.Summary.Length + view.Body.Length + view.BodyHtml.Length + (view.Transcript?.Length ?? 0)))
                + (200L * (view.Transitions.Count + view.Versions.Count)),
        });

    /// <summary>Drops the view and the rendered pages (<see cref="PublishedPageCache"/>) of the item.</summary>
    public void Forget(int id)
    {
        cache.Remove(Key(id));
        var evicted = pages.EvictByTagAsync(PublishedPageCache.Tag(id), CancellationToken.None);
        if (!evicted.IsCompletedSuccessfully)
        {
            // The in-memory store completes at once; another store is waited for, so a save never returns before.
            try
            {
                evicted.AsTask().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not drop cached pages of content {Id}", id);
            }
        }
    }

    private static string Key(int id) => "library:view:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class PublishedViewEviction(PublishedViews views) : EvictOnSave<int>
{
    protected override IEnumerable<int> Changed(ChangeTracker changes) =>
        changes.Entries<ContentItem>().Where(IsChange).Select(e => e.Entity.Id)
            .Concat(changes.Entries<ContentTransition>().Where(IsChange).Select(e => e.Entity.ContentId))
            .Concat(changes.Entries<ContentVersion>().Where(IsChange).Select(e => e.Entity.ContentId));

    protected override void Forget(int key) => views.Forget(key);
}
