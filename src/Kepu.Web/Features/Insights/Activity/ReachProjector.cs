using Kepu.Web.Features.Insights.Activity.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Insights.Activity;

/// <summary>How far the aggregates are behind the log.</summary>
public sealed record ProjectionStatus(long Watermark, long LastEventId, long Behind, int OpenGaps, DateTime UpdatedAt);

/// <summary>
/// Keeps the aggregates (<see cref="MonthlyCount"/>, <see cref="MonthlyActive"/>) current from the activity log, one batch
/// at a time: it locks the projection row (so projectors on several web nodes take turns), reads the events after the
/// watermark (and any gaps still open), adds them to the counters, and advances the watermark, all in one transaction.
/// A batch that fails changes nothing and is read again next time, so no event is counted twice or lost.
/// </summary>
public sealed class ReachProjector(AppDbContext db, TimeProvider clock, ILogger<ReachProjector> logger)
{
    public const int DefaultBatchSize = 5000;

    /// <summary>How long a missing id is waited for before it is taken for a rolled-back transaction.</summary>
    public static readonly TimeSpan GapPatience = TimeSpan.FromMinutes(10);

    /// <summary>More missing ids than this in one batch is no commit race (a restored sequence, say): they are not waited for.</summary>
    private const int MaxGapsPerBatch = 10_000;

    /// <summary>Projects up to <paramref name="batchSize"/> new events; returns how many events were added to the aggregates.</summary>
    public async Task<int> ProjectBatchAsync(int batchSize = DefaultBatchSize, CancellationToken ct = default)
    {
        // A look without the lock first: an idle system then writes nothing.
        var seen = await db.Set<ProjectionState>().AsNoTracking().Where(s => s.Name == ProjectionState.Reach).Select(s => s.Watermark).SingleAsync(ct);
        if (!await db.Set<ActivityEvent>().AnyAsync(e => e.Id > seen, ct) && !await db.Set<ProjectionGap>().AnyAsync(ct))
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, ct);
        var state = await db.Set<ProjectionState>().SingleAsync(s => s.Name == ProjectionState.Reach, ct);
        var gaps = await db.Set<ProjectionGap>().ToListAsync(ct);
        var fresh = await db.Set<ActivityEvent>().AsNoTracking().Where(e => e.Id > state.Watermark).OrderBy(e => e.Id).Take(batchSize).ToListAsync(ct);
        var gapIds = gaps.Select(g => g.Id).ToList();
        var late = gapIds.Count == 0 ? [] : await db.Set<ActivityEvent>().AsNoTracking().Where(e => gapIds.Contains(e.Id)).ToListAsync(ct);

        var events = late.Concat(fresh).OrderBy(e => e.Id).ToList();
        await AddToAggregatesAsync(events, ct);

        var arrived = late.Select(e => e.Id).ToHashSet();
        foreach (var gap in gaps.Where(g => arrived.Contains(g.Id) || g.SeenAt < now - GapPatience))
        {
            if (!arrived.Contains(gap.Id) && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Activity event {Id} never arrived; its transaction is taken as rolled back", gap.Id);
            }

            db.Remove(gap);
        }

        if (fresh.Count > 0)
        {
            var missing = MissingIds(state.Watermark, fresh);
            if (missing.Count <= MaxGapsPerBatch)
            {
                db.AddRange(missing.Select(id => new ProjectionGap(id, now)));
            }
            else
            {
                logger.LogWarning("{Count} activity event ids missing after {Watermark}; not waiting for them", missing.Count, state.Watermark);
            }

            state.Advance(fresh[^1].Id, now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return events.Count;
    }

    public async Task<ProjectionStatus> StatusAsync(CancellationToken ct = default)
    {
        var state = await db.Set<ProjectionState>().AsNoTracking().SingleAsync(s => s.Name == ProjectionState.Reach, ct);
        var last = await db.Set<ActivityEvent>().MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var behind = await db.Set<ActivityEvent>().LongCountAsync(e => e.Id > state.Watermark, ct);
        return new ProjectionStatus(state.Watermark, last, behind, await db.Set<ProjectionGap>().CountAsync(ct), state.UpdatedAt);
    }

    /// <summary>Projects until the log is read to its end (tests, and the background service after a pause).</summary>
    public async Task<int> CatchUpAsync(int batchSize = DefaultBatchSize, CancellationToken ct = default)
    {
        var total = 0;
        while (await ProjectBatchAsync(batchSize, ct) is var n && n > 0)
        {
            total += n;
            if (n < batchSize && !await db.Set<ProjectionGap>().AnyAsync(ct))
            {
                break;
            }
        }

        return total;
    }

    /// <summary>
    /// Takes the projection row's lock: a row lock on PostgreSQL, the write lock on SQLite (whose transactions begin
    /// IMMEDIATE). Held until the transaction ends.
    /// </summary>
    internal static Task<int> LockAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("UPDATE insights_projection SET \"Watermark\" = \"Watermark\" WHERE \"Name\" = 'reach'", ct);

    private static List<long> MissingIds(long watermark, List<ActivityEvent> fresh)
    {
        var missing = new List<long>();
        var expected = watermark + 1;
        foreach (var e in fresh)
        {
            for (; expected < e.Id && missing.Count <= MaxGapsPerBatch; expected++)
            {
                missing.Add(expected);
            }

            expected = e.Id + 1;
        }

        return missing;
    }

    private async Task AddToAggregatesAsync(List<ActivityEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }

        var deltas = new Dictionary<(string Month, string District, string Audience, string Kind), (long Count, long Amount)>();
        void Add(string month, string district, string audience, string kind, long amount)
        {
            foreach (var key in new[] { (month, district, audience, kind), (month, district, MonthlyCount.All, kind), (month, MonthlyCount.All, audience, kind) })
            {
                var (count, sum) = deltas.GetValueOrDefault(key);
                deltas[key] = (count + 1, sum + amount);
            }
        }

        foreach (var e in events)
        {
            Add(e.Month, e.District, e.Audience, e.Kind, e.Amount);
        }

        // A person counts once a month, where their first event of the month (by id) put them.
        var firsts = events.Where(e => e.UserId is not null).GroupBy(e => (e.Month, UserId: e.UserId!)).Select(g => g.First()).ToList();
        if (firsts.Count > 0)
        {
            var months = firsts.Select(f => f.Month).Distinct().ToList();
            var users = firsts.Select(f => f.UserId!).Distinct().ToList();
            var known = (await db.Set<MonthlyActive>().AsNoTracking().Where(a => months.Contains(a.Month) && users.Contains(a.UserId))
                .Select(a => new { a.Month, a.UserId }).ToListAsync(ct)).Select(a => (a.Month, a.UserId)).ToHashSet();
            foreach (var f in firsts.Where(f => !known.Contains((f.Month, f.UserId!))))
            {
                db.Add(new MonthlyActive(f.Month, f.UserId!, f.District, f.Audience));
                Add(f.Month, f.District, f.Audience, ActivityKinds.Active, 1);
            }
        }

        var keyMonths = deltas.Keys.Select(k => k.Month).Distinct().ToList();
        var keyKinds = deltas.Keys.Select(k => k.Kind).Distinct().ToList();
        var keyDistricts = deltas.Keys.Select(k => k.District).Distinct().ToList();
        var rows = (await db.Set<MonthlyCount>().Where(c => keyMonths.Contains(c.Month) && keyKinds.Contains(c.Kind) && keyDistricts.Contains(c.District))
            .ToListAsync(ct)).ToDictionary(c => (c.Month, c.District, c.Audience, c.Kind));
        foreach (var (key, (count, amount)) in deltas)
        {
            if (!rows.TryGetValue(key, out var row))
            {
                row = new MonthlyCount(key.Month, key.District, key.Audience, key.Kind);
                db.Add(row);
            }

            row.Add(count, amount);
        }
    }
}
