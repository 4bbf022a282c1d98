using System.Globalization;
using Kepu.Web.Features.Contests.Results;
using Kepu.Web.Features.Outreach;
using Kepu.Web.Features.Outreach.Venues.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Insights.Dashboards;

public sealed record StatisticsSheet(int Year, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// The yearly 科普统计 indicators per district: activities held and their participants (from the aggregates), caravan
/// stops, experts, 科技特派员 and volunteers with their confirmed hours, venues and bases by kind (from Outreach), and the
/// funding the contests awarded (from Contests, by the winner's home district). Other science-popularisation funds are not
/// recorded anywhere on the platform, and the sheet says so rather than leaving a blank that reads as zero.
/// </summary>
public sealed class StatisticsExport(ReachQuery reach, IOutreachFigures outreach, IContestFunding contests, IRegionDirectory regions, TimeProvider clock)
{
    public const string NotRecorded = "未记录";

    public async Task<StatisticsSheet> SheetAsync(ReachScope scope, int? year, CancellationToken ct = default)
    {
        var thisYear = clock.GetUtcNow().UtcDateTime.AddHours(8).Year;
        var y = year ?? thisYear;
        if (y < 2000 || y > thisYear)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["year"] = [$"年份须在 2000 到 {thisYear} 之间。"] });
        }

        var range = new MonthRange(new DateOnly(y, 1, 1), new DateOnly(y, 12, 1));
        var report = await reach.ReportAsync(scope with { Range = range, Audience = null }, ct);
        var figures = await outreach.ByDistrictAsync(y, ct);
        var funding = await contests.AwardedByDistrictAsync(y, ct);
        var groups = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Group);
        IReadOnlyList<string> Headers() =>
        [
            "区县编码", "区县", "区域", "科普活动（场）", "活动参与（人次）", "活动报名（人次）", "现场签到（人次）", "大篷车到访（站次）",
            "科普专家（人）", "科技特派员（人）", "科普志愿者（人）", "志愿服务时长（小时）", "科普场馆基地（个）",
            .. VenueKinds.All.Select(k => $"{k.Label}（个）"), "征集评选资助（万元）", "其他科普经费（万元）",
        ];

        var rows = new List<IReadOnlyList<string>>();
        var totals = new decimal[Headers().Count];
        foreach (var row in report.Districts.Rows.Where(r => r.Key != Unknown.Code))
        {
            var f = figures.GetValueOrDefault(row.Key);
            var numbers = new List<decimal>
            {
                (decimal)row.Value(Metrics.Events), (decimal)row.Value(Metrics.Participants), (decimal)row.Value(Metrics.Registrations),
                (decimal)row.Value(Metrics.CheckIns), (decimal)row.Value(Metrics.Caravans),
                f?.Experts ?? 0, f?.Envoys ?? 0, f?.Volunteers ?? 0, f?.VolunteerHours ?? 0, f?.Venues.Values.Sum() ?? 0,
            };
            numbers.AddRange(VenueKinds.All.Select(k => (decimal)(f?.Venues.GetValueOrDefault(k.Code) ?? 0)));
            numbers.Add(funding.GetValueOrDefault(row.Key) / 10_000m);
            for (var i = 0; i < numbers.Count; i++)
            {
                totals[i + 3] += numbers[i];
            }

            rows.Add([row.Key, row.Label, RegionGroup.Label(groups.GetValueOrDefault(row.Key, "")), .. numbers.Select(Number), NotRecorded]);
        }

        rows.Add(["", scope.District is null ? "合计" : "本区县合计", "", .. totals.Skip(3).Take(totals.Length - 4).Select(Number), NotRecorded]);
        return new StatisticsSheet(y, Headers(), rows);
    }

    public static FileContentHttpResult File(StatisticsSheet sheet, ReachScope scope, string? format)
    {
        var name = $"kepu-statistics-{sheet.Year}-{scope.District?.Code ?? "city"}";
        return format == "csv"
            ? TypedResults.File(Spreadsheets.Csv(sheet.Headers, sheet.Rows), ReachExport.CsvType, name + ".csv")
            : TypedResults.File(Spreadsheets.Xlsx($"科普统计{sheet.Year}", sheet.Headers, sheet.Rows), ReachExport.XlsxType, name + ".xlsx");
    }

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
