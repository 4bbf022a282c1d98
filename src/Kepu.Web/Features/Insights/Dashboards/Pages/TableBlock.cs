namespace Kepu.Web.Features.Insights.Dashboards.Pages;

/// <summary>A dashboard table as the page shows it, with the filters for its export links.</summary>
/// <param name="ExportQuery">The filters as a query string, for the CSV and XLSX links.</param>
/// <param name="Rates">Whether rows have a population (districts, regions, months; not audience groups).</param>
/// <param name="LinkQuery">For district rows: the page's query with <c>__DISTRICT__</c> where a row's code goes (leaders drill into a district).</param>
public sealed record TableBlock(ReachTable Table, Metric Shown, string Caption, string ExportQuery, bool Rates, string TestId, string LinkQuery = "")
{
    public bool Links => LinkQuery.Length > 0;
}
