using Kepu.Web.Features.Accounts.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Library.Pages;

[Authorize(Roles = $"{Roles.Editor},{Roles.Admin}")]
public sealed class DemandModel(DemandSensing demand) : PageModel
{
    public DemandReport Report { get; private set; } = null!;

    public async Task OnGetAsync(int? days, string? audience, string? region, CancellationToken ct) =>
        Report = await demand.ReportAsync(days ?? 30, Blank(audience), Blank(region), ct);

    public async Task<IActionResult> OnGetExportAsync(string? format, int? days, string? audience, string? region, CancellationToken ct)
    {
        var report = await demand.ReportAsync(days ?? 30, Blank(audience), Blank(region), ct);
        var stamp = DateTime.UtcNow.AddHours(8).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return format == "xlsx"
            ? File(DemandExport.Xlsx(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"demand-{stamp}.xlsx")
            : File(DemandExport.Csv(report), "text/csv; charset=utf-8", $"demand-{stamp}.csv");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
