using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Features.Debunk.Matching;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Debunk;

/// <summary>
/// The clusters' texts (not the rejected ones), indexed for near-duplicate grouping, and the one place clusters are
/// joined or opened. Grouping runs one batch at a time (in this process by a gate, across processes on PostgreSQL by
/// an advisory lock held to the end of the transaction), so two copies of a new rumour sent at the same moment open
/// one cluster, not two. The index grows as clusters are opened: each run first adds the clusters committed since
/// the last one (by any process); a rejection is dropped at once here and, when another process rejected it, the
/// first time it is found.
/// </summary>
public sealed class ClusterIndex : IDisposable
{
    /// <summary>Any fixed number: the advisory lock that serialises grouping across web nodes on PostgreSQL.</summary>
    private const long GroupingLock = 4_100_400_001;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly NearDuplicates _index = new();
    private int _seenUpTo;

    public void Dispose() => _gate.Dispose();

    /// <summary>Leaves a rejected cluster out: a rumour set aside can be raised again as a new cluster.</summary>
    public async Task ForgetAsync(int clusterId, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _index.Remove(clusterId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> (which groups texts with <see cref="Grouping.JoinAsync"/> and saves) alone, inside
    /// one transaction on <paramref name="db"/>, and commits it.
    /// </summary>
    public async Task<T> GroupAsync<T>(AppDbContext db, Func<Grouping, Task<T>> work, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({GroupingLock})", ct);
            }

            await CatchUpAsync(db, ct);
            var result = await work(new Grouping(db, _index));
            await tx.CommitAsync(ct);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Clusters committed since the last run, by this process or another.</summary>
    private async Task CatchUpAsync(AppDbContext db, CancellationToken ct)
    {
        var added = await db.Set<ClaimCluster>().AsNoTracking().Where(c => c.Id > _seenUpTo).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Text, c.State }).ToListAsync(ct);
        foreach (var cluster in added)
        {
            if (cluster.State != ClusterStates.Rejected)
            {
                _index.Add(cluster.Id, cluster.Text);
            }

            _seenUpTo = cluster.Id;
        }
    }

    /// <summary>One run's view: join the near-duplicate cluster, or open one (texts opened in this run group together).</summary>
    public sealed class Grouping(AppDbContext db, NearDuplicates index)
    {
        private readonly NearDuplicates _opened = new();
        private readonly List<ClaimCluster> _created = [];

        public async Task<ClaimCluster> JoinAsync(string text, string? district, DateTime now, CancellationToken ct)
        {
            while (index.Find(text) is { } hit)
            {
                var existing = await db.Set<ClaimCluster>().FirstOrDefaultAsync(c => c.Id == hit.Id, ct);
                if (existing is not null && existing.State != ClusterStates.Rejected)
                {
                    existing.Add(district, now);
                    return existing;
                }

                index.Remove(hit.Id); // rejected (or removed) by another process since it was indexed
            }

            if (_opened.Find(text) is { } same)
            {
                _created[same.Id].Add(district, now);
                return _created[same.Id];
            }

            var cluster = new ClaimCluster(text.Length > 500 ? text[..500] : text, district, now);
            db.Add(cluster);
            _opened.Add(_created.Count, text);
            _created.Add(cluster);
            return cluster;
        }
    }
}
