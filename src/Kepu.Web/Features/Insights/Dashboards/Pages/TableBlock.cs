namespace Kepu.Web.Features.Insights.Dashboards.Pages;

/// <summary>A dashboard table as the page shows it: every metric, the shown metric per 10,000 residents where it applies, and its exports.</summary>
/// <param name="ExportQuery">The filters as a query string, for the CSV and XLSX links.</param>
/// <param name="Rates">Whether rows have a population (districts, regions, months; not audience groups).</param>
public sealed record TableBlock(ReachTable Table, Metric Shown, string Caption, string ExportQuery, bool Rates, string TestId);
