using System.Globalization;
using Kepu.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Insights.Dashboards;

/// <summary>A dashboard table as CSV or XLSX, with the same rows and figures as the page (plain numbers, no separators).</summary>
public static class ReachExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static IReadOnlyList<string> Headers(ReachTable table) =>
    [
        "编码", table.GroupLabel, "常住人口",
        .. Metrics.All.Select(m => $"{m.Label}（{m.Unit}）"),
        .. Metrics.All.Select(m => $"{m.Label}每万人"),
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Rows(ReachTable table) =>
        [.. table.Rows.Append(table.Total).Select(r => (IReadOnlyList<string>)
        [
            r.Key, r.Label, r.Population?.ToString(CultureInfo.InvariantCulture) ?? "",
            .. Metrics.All.Select(m => Number(r.Value(m))),
            .. Metrics.All.Select(m => r.Rate(m) is { } rate ? Number(rate) : ""),
        ])];

    public static string FileName(ReachScope scope, string groupBy, string extension) =>
        $"reach-{groupBy}-{scope.District?.Code ?? "city"}-{scope.Range.FromKey}-{scope.Range.ToKey}.{extension}";

    public static FileContentHttpResult File(ReachScope scope, ReachTable table, string? format) => format == "xlsx"
        ? TypedResults.File(Spreadsheets.Xlsx($"按{table.GroupLabel}", Headers(table), Rows(table)), XlsxType, FileName(scope, table.GroupBy, "xlsx"))
        : TypedResults.File(Spreadsheets.Csv(Headers(table), Rows(table)), CsvType, FileName(scope, table.GroupBy, "csv"));

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
