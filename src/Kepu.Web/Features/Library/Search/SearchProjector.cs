using System.Globalization;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library.Search;

/// <summary>
/// Keeps this node's index current: reads the outbox after its checkpoint (a file beside the index, so
/// each web node follows on its own), re-reads the items named there, and indexes the published ones.
/// </summary>
public sealed class SearchProjector(IServiceScopeFactory scopes, SearchIndex index, ILogger<SearchProjector> logger) : BackgroundService
{
    private const int Batch = 500;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private string CheckpointFile => Path.Combine(index.Folder, "checkpoint.txt");

    /// <summary>Applies every outbox message after the checkpoint. Returns how many items were touched.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (!File.Exists(CheckpointFile))
            {
                return await RebuildCoreAsync(null, ct);
            }

            var checkpoint = long.Parse(await File.ReadAllTextAsync(CheckpointFile, ct), CultureInfo.InvariantCulture);
            var touched = 0;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var messages = await db.Set<OutboxMessage>().AsNoTracking()
                    .Where(m => m.Stream == ContentOutbox.Stream && m.Id > checkpoint)
                    .OrderBy(m => m.Id).Take(Batch)
                    .Select(m => new { m.Id, m.EntityId })
                    .ToListAsync(ct);
                if (messages.Count == 0)
                {
                    return touched;
                }

                var ids = messages.Select(m => int.Parse(m.EntityId, CultureInfo.InvariantCulture)).Distinct().ToList();
                await ApplyAsync(scope.ServiceProvider, ids, ct);
                index.Commit();
                checkpoint = messages[^1].Id;
                await File.WriteAllTextAsync(CheckpointFile, checkpoint.ToString(CultureInfo.InvariantCulture), ct);
                touched += ids.Count;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Rebuilds the whole index from the database (the <c>reindex</c> command).</summary>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await RebuildCoreAsync(progress, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly unreachable; the next tick retries from the same checkpoint.
                logger.LogError(e, "Search projection failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> RebuildCoreAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Messages written after this point are applied by the next catch-up, so nothing is missed.
        var checkpoint = await db.Set<OutboxMessage>().Where(m => m.Stream == ContentOutbox.Stream).MaxAsync(m => (long?)m.Id, ct) ?? 0;
        var ids = await db.Set<ContentItem>().AsNoTracking().Where(c => c.Status == ContentStatus.Published).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        index.DeleteAll();
        for (var i = 0; i < ids.Count; i += Batch)
        {
            await ApplyAsync(scope.ServiceProvider, ids.Skip(i).Take(Batch).ToList(), ct);
            progress?.Report((Math.Min(i + Batch, ids.Count), ids.Count));
        }

        index.Commit();
        await File.WriteAllTextAsync(CheckpointFile, checkpoint.ToString(CultureInfo.InvariantCulture), ct);
        return ids.Count;
    }

    private async Task ApplyAsync(IServiceProvider services, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var taxonomy = services.GetRequiredService<Taxonomy>();
        var items = await db.Set<ContentItem>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        foreach (var id in ids)
        {
            var item = items.FirstOrDefault(i => i.Id == id);
            if (item is not { IsPublic: true })
            {
                index.Delete(id);
                continue;
            }

            // Indexed and shown in snippets as plain text: Markdown markers (##, -, **) are not words.
            var text = Markdig.Markdown.ToPlainText(item.Body).Trim();
            index.Upsert(new SearchDocument(item.Id, item.Kind, item.Title, item.Summary,
                item.Transcript is null ? text : text + "\n\n" + item.Transcript,
                item.Audiences, await taxonomy.WithAncestorsAsync(item.Topics, ct), Targets(item), item.PublishedAt ?? item.UpdatedAt, item.ElderFriendly));
        }
    }

    /// <summary>Where an item is aimed: everywhere, or some districts and region groups.</summary>
    public static IReadOnlyList<string> Targets(ContentItem item) =>
        item.Districts.Count == 0 && item.RegionGroups.Count == 0
            ? ["all"]
            : [.. item.Districts.Select(d => "d:" + d), .. item.RegionGroups.Select(g => "g:" + g)];
}
