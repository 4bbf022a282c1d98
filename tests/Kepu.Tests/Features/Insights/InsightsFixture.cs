using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Insights.Activity;
using Kepu.Web.Features.Insights.Activity.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Insights;

/// <summary>A host on a clock the test moves, with helpers to flush the activity buffer, run the projector and read the aggregates.</summary>
public sealed class InsightsFixture : ClockedFactory
{
    /// <summary>Writes queued events, then projects the log to its end (as the background service would within seconds).</summary>
    public async Task ProjectAsync(int batchSize = ReachProjector.DefaultBatchSize)
    {
        await Services.GetRequiredService<ActivityBuffer>().FlushAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<ReachProjector>().CatchUpAsync(batchSize);
    }

    /// <summary>Sum of amounts of one kind in the aggregates (the cells, not the roll-ups), optionally for one district and audience.</summary>
    public Task<long> AmountAsync(string kind, string? district = null, string? audience = null) => QueryAsync(db => db.Set<MonthlyCount>()
        .Where(c => c.Kind == kind && c.District != MonthlyCount.All && c.Audience != MonthlyCount.All)
        .Where(c => (district == null || c.District == district) && (audience == null || c.Audience == audience))
        .SumAsync(c => c.Amount));

    /// <summary>The whole aggregate state, sorted, for comparing the projector with a rebuild.</summary>
    public async Task<(List<string> Counts, List<string> Active)> SnapshotAsync() => (
        await QueryAsync(async db => (await db.Set<MonthlyCount>().AsNoTracking().ToListAsync())
            .Select(c => $"{c.Month}|{c.District}|{c.Audience}|{c.Kind}|{c.Count}|{c.Amount}").Order(StringComparer.Ordinal).ToList()),
        await QueryAsync(async db => (await db.Set<MonthlyActive>().AsNoTracking().ToListAsync())
            .Select(a => $"{a.Month}|{a.UserId}|{a.District}|{a.Audience}").Order(StringComparer.Ordinal).ToList()));
}
