using Kepu.Web.Infrastructure.Files;
using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Kepu.Web.Features.Library;

/// <summary>The demand report as CSV (UTF-8 with BOM, so Excel shows Chinese) and as XLSX with one sheet per table.</summary>
public static class DemandExport
{
    public static byte[] Csv(DemandReport report)
    {
        var csv = new StringBuilder();
        csv.AppendLine("表,关键词或主题,次数,平均结果数或读完率");
        foreach (var q in report.TopQueries)
        {
            csv.AppendLine(CultureInfo.InvariantCulture, $"热门搜索,{Spreadsheets.CsvCell(q.Query)},{q.Searches},{q.AverageResults}");
        }

        foreach (var q in report.ContentGaps)
        {
            csv.AppendLine(CultureInfo.InvariantCulture, $"内容缺口,{Spreadsheets.CsvCell(q.Query)},{q.Searches},{q.AverageResults}");
        }

        foreach (var t in report.Unfinished)
        {
            csv.AppendLine(CultureInfo.InvariantCulture, $"读完率,{Spreadsheets.CsvCell(t.Topic)},{t.Opened},{t.FinishRate}");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Xlsx(DemandReport report)
    {
        var sheets = new Dictionary<string, object>
        {
            ["热门搜索"] = report.TopQueries.Select(q => new Dictionary<string, object> { ["关键词"] = q.Query, ["次数"] = q.Searches, ["平均结果数"] = q.AverageResults }).ToList(),
            ["内容缺口"] = report.ContentGaps.Select(q => new Dictionary<string, object> { ["关键词"] = q.Query, ["次数"] = q.Searches, ["平均结果数"] = q.AverageResults }).ToList(),
            ["读完率"] = report.Unfinished.Select(t => new Dictionary<string, object> { ["主题"] = t.Topic, ["打开"] = t.Opened, ["读完"] = t.Finished, ["读完率"] = t.FinishRate }).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

}
