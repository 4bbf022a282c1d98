using Kepu.Web.Features.Insights.Activity.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Insights.Activity;

public sealed record RebuildResult(long Events, long Watermark, long CountRows, long ActiveRows);

/// <summary>
/// Recomputes the aggregates from the whole activity log with set-based SQL (the <c>insights rebuild</c> command, and the
/// benchmark's loader): for recovery after a bug, or after events were loaded in bulk. It holds the projection lock
/// for the whole run; on PostgreSQL it also holds off new events (SHARE lock on the log) so that every id up to the
/// new watermark is committed. The result is what the projector would have built event by event.
/// </summary>
public sealed class ReachRebuild(AppDbContext db, TimeProvider clock)
{
    public async Task<RebuildResult> RunAsync(CancellationToken ct = default)
    {
        var postgres = db.Database.IsNpgsql();
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ReachProjector.LockAsync(db, ct);
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE insights_activity_event IN SHARE MODE", ct);
                // The first-event-of-the-month sort runs over the whole log: more memory than the default 4 MB, for this transaction only.
                await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '256MB'", ct);
            }

            var watermark = await db.Set<ActivityEvent>().MaxAsync(e => (long?)e.Id, ct) ?? 0;
            await db.Database.ExecuteSqlRawAsync("DELETE FROM insights_monthly_count", ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM insights_monthly_active", ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM insights_projection_gap", ct);

            // Each person once a month, placed by their first event of the month (lowest id), as the projector does.
            await db.Database.ExecuteSqlRawAsync(postgres
                ? """
                  INSERT INTO insights_monthly_active ("Month", "UserId", "District", "Audience")
                  SELECT DISTINCT ON ("Month", "UserId") "Month", "UserId", "District", "Audience"
                  FROM insights_activity_event WHERE "UserId" IS NOT NULL AND "Id" <= {0}
                  ORDER BY "Month", "UserId", "Id"
                  """
                // SQLite: with MIN(), the bare columns come from the row that has the minimum.
                : """
                  INSERT INTO insights_monthly_active ("Month", "UserId", "District", "Audience")
                  SELECT "Month", "UserId", "District", "Audience" FROM (
                      SELECT "Month", "UserId", "District", "Audience", MIN("Id") FROM insights_activity_event
                      WHERE "UserId" IS NOT NULL AND "Id" <= {0} GROUP BY "Month", "UserId")
                  """, [watermark], ct);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO insights_monthly_count ("Month", "District", "Audience", "Kind", "Count", "Amount")
                SELECT "Month", "District", "Audience", "Kind", COUNT(*), SUM("Amount") FROM insights_activity_event
                WHERE "Id" <= {0} GROUP BY "Month", "District", "Audience", "Kind"
                """, [watermark], ct);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO insights_monthly_count ("Month", "District", "Audience", "Kind", "Count", "Amount")
                SELECT "Month", "District", "Audience", {0}, COUNT(*), COUNT(*) FROM insights_monthly_active
                GROUP BY "Month", "District", "Audience"
                """, [ActivityKinds.Active], ct);

            // The two roll-ups, from the cube just built: all audiences of a district, all districts of an audience.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO insights_monthly_count ("Month", "District", "Audience", "Kind", "Count", "Amount")
                SELECT "Month", "District", {0}, "Kind", SUM("Count"), SUM("Amount") FROM insights_monthly_count
                WHERE "Audience" <> {0} AND "District" <> {0} GROUP BY "Month", "District", "Kind"
                """, [MonthlyCount.All], ct);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO insights_monthly_count ("Month", "District", "Audience", "Kind", "Count", "Amount")
                SELECT "Month", {0}, "Audience", "Kind", SUM("Count"), SUM("Amount") FROM insights_monthly_count
                WHERE "Audience" <> {0} AND "District" <> {0} GROUP BY "Month", "Audience", "Kind"
                """, [MonthlyCount.All], ct);

            var state = await db.Set<ProjectionState>().SingleAsync(s => s.Name == ProjectionState.Reach, ct);
            state.Reset(watermark, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);

            var events = await db.Set<ActivityEvent>().LongCountAsync(e => e.Id <= watermark, ct);
            var counts = await db.Set<MonthlyCount>().LongCountAsync(ct);
            var actives = await db.Set<MonthlyActive>().LongCountAsync(ct);
            return new RebuildResult(events, watermark, counts, actives);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }
}
