using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Kepu.Web.Infrastructure.Files;

namespace Kepu.Web.Features.Outreach.Caravans;

/// <summary>A plan as a spreadsheet (one row per stop) and as an iCalendar file (RFC 5545: one all-day VEVENT per stop).</summary>
public static class CaravanExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CalendarType = "text/calendar; charset=utf-8";

    private static readonly string[] Headers = ["单元", "站序", "开始日期", "结束日期", "天数", "目标编码", "目标", "区县编码", "行驶公里", "状态"];

    public static string FileName(PlanView plan, string extension) => $"caravan-plan-{plan.Id}-{plan.From:yyyyMMdd}-{plan.To:yyyyMMdd}.{extension}";

    public static byte[] Xlsx(PlanView plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rows = plan.Stops.OrderBy(s => s.UnitId).ThenBy(s => s.Sequence).Select(s => (IReadOnlyList<string>)
        [
            s.UnitName, Number(s.Sequence), Date(s.Dates[0]), Date(s.Dates[^1]), Number(s.Dates.Count), s.TargetCode, s.TargetName, s.DistrictCode,
            s.KmFromPrevious.ToString("0.0", CultureInfo.InvariantCulture), s.StatusLabel,
        ]).ToList();
        foreach (var unit in plan.Units.Where(u => u.Stops > 0))
        {
            rows.Add([unit.UnitName, "返回", "", "", "", unit.HomeDistrictCode, $"{unit.HomeName}（驻地）", unit.HomeDistrictCode,
                unit.ReturnKm.ToString("0.0", CultureInfo.InvariantCulture), ""]);
        }

        return Spreadsheets.Xlsx("排程", Headers, rows);
    }

    public static string Calendar(PlanView plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Kepu Chongqing//Caravan planning//ZH" };
        calendar.AddProperty("X-WR-CALNAME", plan.Name);
        foreach (var stop in plan.Stops.Where(s => s.Status != Entities.VisitStates.Cancelled))
        {
            var first = stop.Dates[0];
            var end = stop.Dates[^1].AddDays(1); // DTEND of an all-day event is exclusive
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"kepu-caravan-{plan.Id}-{stop.UnitId}-{stop.Sequence}@kepu.cq",
                Summary = $"{stop.UnitName} · {stop.TargetName}",
                Location = stop.TargetName,
                Description = $"{plan.Name}：第 {stop.Sequence} 站，{stop.Dates.Count} 个工作日（{string.Join("、", stop.Dates.Select(Date))}），"
                    + $"前一站驶来约 {stop.KmFromPrevious:0} 公里。状态：{stop.StatusLabel}。",
                DtStart = new CalDateTime(first.Year, first.Month, first.Day),
                DtEnd = new CalDateTime(end.Year, end.Month, end.Day),
                DtStamp = new CalDateTime(plan.CreatedAt),
                Transparency = "TRANSPARENT",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
