using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Insights.Activity;
using Kepu.Web.Features.Insights.Activity.Entities;
using Kepu.Web.Features.Insights.Dashboards.Population;
using Kepu.Web.Features.Regions;
using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Insights.Dashboards;

/// <summary>
/// The dashboards' figures for a scope, from the monthly aggregates only (never the activity log), summed by the database:
/// over the months asked for, the cells of the audience asked for (or its all-audiences roll-up) by district and kind and
/// by month and kind, the last month's cells of the remote districts (coverage), and the all-districts roll-up (or the one
/// district) by audience and kind. A dashboard of a year of the whole city reads about 6,000 index entries and returns
/// about 1,000 sums; every table is folded from them here.
/// </summary>
public sealed class ReachQuery(AppDbContext db, IRegionDirectory regions, PopulationBook population)
{
    private sealed record Cell(string Month, string District, string Kind, long Amount);

    private sealed record AudienceCell(string Audience, string Kind, long Amount);

    public async Task<ReachReport> ReportAsync(ReachScope scope, CancellationToken ct = default)
    {
        var months = scope.Range.Months;
        const string all = MonthlyCount.All;
        var audience = scope.Audience is null ? all : scope.Audience == Unknown.Code ? "" : scope.Audience;
        var counts = db.Set<MonthlyCount>().AsNoTracking().Where(c => months.Contains(c.Month));
        var code = scope.District?.Code;
        var cellQuery = code is null ? counts.Where(c => c.Audience == audience && c.District != all) : counts.Where(c => c.District == code && c.Audience == audience);
        var audienceQuery = code is null ? counts.Where(c => c.District == all) : counts.Where(c => c.District == code && c.Audience != all);

        // Sums over the range (month "" stands for all of it) by district, and over all districts by month.
        var cells = await cellQuery.GroupBy(c => new { c.District, c.Kind })
            .Select(g => new Cell("", g.Key.District, g.Key.Kind, g.Sum(c => c.Amount))).ToListAsync(ct);
        var monthCells = await cellQuery.GroupBy(c => new { c.Month, c.Kind })
            .Select(g => new Cell(g.Key.Month, "", g.Key.Kind, g.Sum(c => c.Amount))).ToListAsync(ct);
        var audienceCells = await audienceQuery.GroupBy(c => new { c.Audience, c.Kind })
            .Select(g => new AudienceCell(g.Key.Audience, g.Key.Kind, g.Sum(c => c.Amount))).ToListAsync(ct);

        var byDistrict = cells.ToLookup(c => c.District);
        var byMonth = monthCells.ToLookup(c => c.Month);
        var districts = await regions.DistrictsAsync(ct);
        var residents = await population.ResidentsAsync(ct);
        var span = scope.Range.Count;
        long? People(IEnumerable<string> codes) => codes.ToList() is { Count: > 0 } list && list.All(residents.ContainsKey) ? list.Sum(c => residents[c]) : null;

        var inScope = scope.District is { } d ? [d] : districts;
        var scopePeople = People(inScope.Select(x => x.Code));

        var districtRows = inScope.Select(x => Build(x.Code, x.Name, byDistrict[x.Code].Select(c => (c.Kind, c.Amount)),
            People([x.Code]), span)).ToList();
        if (scope.WholeCity && byDistrict.Contains(""))
        {
            districtRows.Add(Build(Unknown.Code, Unknown.District, byDistrict[""].Select(c => (c.Kind, c.Amount)), null, span));
        }

        var total = Build("total", scope.WholeCity ? "全市合计" : "合计", cells.Select(c => (c.Kind, c.Amount)), scopePeople, span);
        ReachTable? regionTable = null;
        if (scope.WholeCity)
        {
            var regionRows = RegionGroup.All.Select(g =>
            {
                var members = districts.Where(x => x.Group == g).Select(x => x.Code).ToHashSet();
                return Build(g, RegionGroup.Label(g), members.SelectMany(m => byDistrict[m]).Select(c => (c.Kind, c.Amount)), People(members), span);
            }).ToList();
            if (districtRows[^1].Key == Unknown.Code)
            {
                regionRows.Add(districtRows[^1]);
            }

            regionTable = new ReachTable(ReachGroups.Region, ReachGroups.Label(ReachGroups.Region), regionRows, total);
        }

        var audienceRows = Audiences.All.Select(a => (a.Code, a.Label)).Append((Code: "", Label: Unknown.Audience))
            .Where(a => scope.Audience is null || a.Code == (scope.Audience == Unknown.Code ? "" : scope.Audience))
            .Select(a => Build(a.Code.Length == 0 ? Unknown.Code : a.Code, a.Label, audienceCells.Where(c => c.Audience == a.Code).Select(c => (c.Kind, c.Amount)), null, span))
            .Where(r => r.Key != Unknown.Code || r.Values.Values.Any(v => v != 0))
            .ToList();
        var monthRows = months.Select(m => Build(m, m, byMonth[m].Select(c => (c.Kind, c.Amount)), scopePeople, 1)).ToList();

        var remote = inScope.Where(x => x.Flags.Contains(DistrictFlag.Remote)).ToList();
        var last = scope.Range.ToKey;
        var remoteCodes = remote.Select(x => x.Code).ToList();
        var lastMonth = (remoteCodes.Count == 0 ? [] : await cellQuery.Where(c => c.Month == last && remoteCodes.Contains(c.District))
            .Select(c => new Cell(c.Month, c.District, c.Kind, c.Amount)).ToListAsync(ct)).ToLookup(c => c.District);
        var coverage = new CoverageView(last, [.. remote.Select(x =>
        {
            var month = lastMonth[x.Code];
            double Sum(string kind) => month.Where(c => c.Kind == kind).Sum(c => c.Amount);
            return new CoverageRow(x.Code, x.Name, x.Group, Sum(ActivityKinds.Event), Sum(ActivityKinds.Caravan), Sum(ActivityKinds.Attendance), Sum(ActivityKinds.Active));
        })]);

        return new ReachReport(scope, [.. Metrics.All.Select(MetricView.Of)],
            new ReachTable(ReachGroups.District, ReachGroups.Label(ReachGroups.District), districtRows, total), regionTable,
            new ReachTable(ReachGroups.Audience, ReachGroups.Label(ReachGroups.Audience), audienceRows, total),
            new ReachTable(ReachGroups.Month, ReachGroups.Label(ReachGroups.Month), monthRows, total), coverage);
    }

    /// <summary>A row's figures: each metric's sum, in its unit, averaged over the months where the metric asks for it.</summary>
    private static ReachRow Build(string key, string label, IEnumerable<(string Kind, long Amount)> sums, long? people, int months)
    {
        var byKind = sums.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Sum(s => s.Amount));
        var values = new Dictionary<string, double>();
        var rates = new Dictionary<string, double?>();
        foreach (var m in Metrics.All)
        {
            var value = byKind.GetValueOrDefault(m.Kind) / m.Divisor / (m.MonthlyAverage ? months : 1);
            values[m.Code] = Math.Round(value, 2);
            rates[m.Code] = people is > 0 ? Math.Round(value * 10_000 / people.Value, 3) : null;
        }

        return new ReachRow(key, label, people, values, rates);
    }
}
