using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Features.Library.Search;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library;

/// <summary>What the feed needs to know of a published item.</summary>
public sealed record CatalogItem(
    int Id, string Kind, string Title, string Summary, IReadOnlyList<string> Audiences, IReadOnlyList<string> Topics,
    IReadOnlyList<string> Targets, DateTime PublishedAt, int Priority, bool ElderFriendly, int ReadingMinutes, int RecentViews)
{
    /// <summary>Aimed at everyone (no district or region): precomputed, the feed asks for every item on every request.</summary>
    public bool Everywhere { get; } = Targets.Count == 1 && Targets[0] == "all";

    public bool ForPublic { get; } = Audiences.Contains("public");
}

/// <summary>A person's reading: what they opened and what they finished.</summary>
public sealed record ReadingHistory(IReadOnlySet<int> Viewed, IReadOnlySet<int> Finished, IReadOnlyList<int> RecentlyViewed);

/// <summary>
/// The Library's public service for other modules (the feed): published items in memory, refreshed when the
/// outbox moves (checked at most every two seconds; popularity every five minutes), so ranking never scans the table
/// per request.
/// </summary>
public sealed class ContentCatalog(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<CatalogItem> _items = [];
    private long _version = -1;
    private DateTime _checkedAt = DateTime.MinValue;

    public async Task<IReadOnlyList<CatalogItem>> PublishedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _checkedAt < TimeSpan.FromSeconds(2) && _version >= 0)
        {
            return _items;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (now - _checkedAt < TimeSpan.FromSeconds(2) && _version >= 0)
            {
                return _items;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Reload when an item changed; popularity alone (every reading) refreshes at most every five minutes,
            // or each signed-in page view would reload the whole catalogue.
            var version = await db.Set<OutboxMessage>().MaxAsync(m => (long?)m.Id, ct) ?? 0;
            if (version != _version || now - _loadedAt > PopularityRefresh)
            {
                _items = await LoadAsync(db, scope.ServiceProvider.GetRequiredService<Taxonomy>(), now, ct);
                _version = version;
                _loadedAt = now;
            }

            _checkedAt = now;
            return _items;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static readonly TimeSpan PopularityRefresh = TimeSpan.FromMinutes(5);
    private DateTime _loadedAt = DateTime.MinValue;

    public void Dispose() => _gate.Dispose();

    /// <summary>Forces the next request to reload (tests, and after bulk changes).</summary>
    public void Invalidate()
    {
        _checkedAt = DateTime.MinValue;
        _loadedAt = DateTime.MinValue;
    }

    private static async Task<IReadOnlyList<CatalogItem>> LoadAsync(AppDbContext db, Taxonomy taxonomy, DateTime now, CancellationToken ct)
    {
        var since = now.AddDays(-30);
        var views = await db.Set<ContentRead>().AsNoTracking()
            .Where(r => r.LastViewedAt >= since)
            .GroupBy(r => r.ContentId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var items = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.Status == ContentStatus.Published)
            .Select(c => new { c.Id, c.Kind, c.Title, c.Summary, c.Audiences, c.Topics, c.Districts, c.RegionGroups, c.PublishedAt, c.UpdatedAt, c.Priority, c.ElderFriendly, c.ReadingMinutes })
            .ToListAsync(ct);
        var result = new List<CatalogItem>(items.Count);
        foreach (var c in items)
        {
            var targets = c.Districts.Count == 0 && c.RegionGroups.Count == 0
                ? new[] { "all" }
                : [.. c.Districts.Select(d => "d:" + d), .. c.RegionGroups.Select(g => "g:" + g)];
            result.Add(new CatalogItem(c.Id, c.Kind, c.Title, c.Summary, c.Audiences, await taxonomy.WithAncestorsAsync(c.Topics, ct), targets,
                c.PublishedAt ?? c.UpdatedAt, c.Priority, c.ElderFriendly, c.ReadingMinutes, views.GetValueOrDefault(c.Id)));
        }

        return result;
    }
}
