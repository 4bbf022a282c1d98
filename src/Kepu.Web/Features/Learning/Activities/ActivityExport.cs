using Kepu.Web.Infrastructure.Files;
using System.Globalization;
using System.Text;
using Kepu.Web.Infrastructure.Web;
using MiniExcelLibs;

namespace Kepu.Web.Features.Learning.Activities;

/// <summary>A person's record of approved activities as CSV (UTF-8 with BOM, so Excel shows Chinese) and as XLSX (activities, and totals by kind).</summary>
public static class ActivityExport
{
    private static readonly string[] Columns = ["日期", "类型", "题目", "地点", "受众人数", "申报学时", "认定学时", "学分", "审核单位或导师", "审核人", "认定时间", "账本记录", "证明材料"];

    public static byte[] Csv(ActivityRecord record)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', Columns));
        foreach (var row in Rows(record))
        {
            csv.AppendLine(string.Join(',', row.Select(v => v is decimal or int or long ? Text(v) : Spreadsheets.CsvCell(Text(v)))));
        }

        csv.AppendLine(CultureInfo.InvariantCulture, $"合计,,,,{record.Audience},,{Number(record.Hours)},{Number(record.Credits)},,,,,");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Xlsx(ActivityRecord record)
    {
        var activities = Rows(record).Select(row => Columns.Zip(row).ToDictionary(p => p.First, p => p.Second)).ToList();
        var totals = record.ByKind.Select(k => new Dictionary<string, object>
            {
                ["类型"] = k.Label, ["次数"] = k.Count, ["受众人数"] = k.Audience, ["认定学时"] = k.Hours, ["学分"] = k.Credits,
            })
            .Append(new Dictionary<string, object>
            {
                ["类型"] = "合计", ["次数"] = record.Activities.Count, ["受众人数"] = record.Audience, ["认定学时"] = record.Hours, ["学分"] = record.Credits,
            })
            .ToList();
        var sheets = new Dictionary<string, object> { ["科普工作实绩"] = activities, ["合计"] = totals };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    public static string FileName(ActivityRecord record, string extension) =>
        $"kepu-activities-{Display.Beijing(record.PreparedAt, "yyyyMMdd")}.{extension}";

    /// <summary>One row per activity, numbers as numbers (XLSX keeps them so; CSV writes them bare).</summary>
    private static IEnumerable<object[]> Rows(ActivityRecord record) => record.Activities.Select(a => new object[]
    {
        a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.KindLabel, a.Title, a.Place, a.Audience, a.Hours, a.GrantedHours ?? 0,
        a.GrantedCredits ?? 0, a.ReviewedBy, a.ReviewerName ?? "", a.ReviewedAt is { } at ? Display.Beijing(at) : "", a.LedgerSequence ?? 0, a.Evidence,
    });

    private static string Text(object value) => value switch
    {
        decimal d => Number(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Hours and credits as people write them: 2, 1.5 (never 2.0).</summary>
    public static string Number(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

}
