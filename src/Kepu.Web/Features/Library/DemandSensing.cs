using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Features.Library.Search;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library;

public sealed record QueryCount(string Query, int Searches, double AverageResults);

public sealed record TopicCompletion(string Topic, int Opened, int Finished, double FinishRate);

public sealed record DemandReport(int Days, string? Audience, string? RegionGroup, int TotalSearches,
    IReadOnlyList<QueryCount> TopQueries, IReadOnlyList<QueryCount> ContentGaps, IReadOnlyList<TopicCompletion> Unfinished);

/// <summary>需求感知: what people look for, what they do not find, and which topics they start but do not finish.</summary>
public sealed class DemandSensing(AppDbContext db, Taxonomy taxonomy, SearchLogBuffer buffer, TimeProvider clock)
{
    /// <summary>Searches with at most this many results count as poorly served.</summary>
    public const int PoorResults = 2;

    public Task LogAsync(string? query, string? audience, string? regionGroup, int results, CancellationToken ct = default)
    {
        var text = TextNormalizer.Normalize((query ?? "").Trim());
        if (text.Length > 0)
        {
            buffer.Add(new SearchLog(text.Length > 200 ? text[..200] : text, audience, regionGroup, results, clock.GetUtcNow().UtcDateTime));
        }

        return Task.CompletedTask;
    }

    public async Task<DemandReport> ReportAsync(int days, string? audience, string? regionGroup, CancellationToken ct = default)
    {
        await buffer.FlushAsync(ct);
        days = Math.Clamp(days, 1, 366);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var logs = db.Set<SearchLog>().AsNoTracking().Where(l => l.At >= since);
        if (!string.IsNullOrWhiteSpace(audience))
        {
            logs = logs.Where(l => l.Audience == audience);
        }

        if (!string.IsNullOrWhiteSpace(regionGroup))
        {
            logs = logs.Where(l => l.RegionGroup == regionGroup);
        }

        var grouped = await logs.GroupBy(l => l.Query)
            .Select(g => new { Query = g.Key, Searches = g.Count(), Average = g.Average(l => (double)l.Results) })
            .ToListAsync(ct);
        var total = grouped.Sum(g => g.Searches);
        var top = grouped.OrderByDescending(g => g.Searches).ThenBy(g => g.Query, StringComparer.Ordinal).Take(50)
            .Select(g => new QueryCount(g.Query, g.Searches, Math.Round(g.Average, 1))).ToList();
        var gaps = grouped.Where(g => g.Average <= PoorResults).OrderByDescending(g => g.Searches).ThenBy(g => g.Query, StringComparer.Ordinal).Take(50)
            .Select(g => new QueryCount(g.Query, g.Searches, Math.Round(g.Average, 1))).ToList();

        var reads = await (from r in db.Set<ContentRead>().AsNoTracking()
                           join c in db.Set<ContentItem>().AsNoTracking() on r.ContentId equals c.Id
                           where r.LastViewedAt >= since
                           select new { c.Topics, Finished = r.FinishedAt != null }).ToListAsync(ct);
        var byTopic = new Dictionary<string, (int Opened, int Finished)>();
        foreach (var read in reads)
        {
            foreach (var topic in await taxonomy.WithAncestorsAsync(read.Topics, ct))
            {
                var (opened, finished) = byTopic.GetValueOrDefault(topic);
                byTopic[topic] = (opened + 1, finished + (read.Finished ? 1 : 0));
            }
        }

        var unfinished = byTopic
            .Select(t => new TopicCompletion(t.Key, t.Value.Opened, t.Value.Finished, Math.Round((double)t.Value.Finished / t.Value.Opened, 2)))
            .OrderBy(t => t.FinishRate).ThenByDescending(t => t.Opened)
            .ToList();
        return new DemandReport(days, audience, regionGroup, total, top, gaps, unfinished);
    }
}
