using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Learning.Activities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>我的科普工作实绩: approved activities with totals, laid out to print on A4, and exported as CSV or XLSX.</summary>
[Authorize]
public sealed class ActivityRecordModel(ScienceActivities activities) : PageModel
{
    public ActivityRecord Record { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Record = await activities.RecordAsync(User.UserId()!, ct);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var record = await activities.RecordAsync(User.UserId()!, ct);
        return format == "xlsx"
            ? File(ActivityExport.Xlsx(record), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ActivityExport.FileName(record, "xlsx"))
            : File(ActivityExport.Csv(record), "text/csv; charset=utf-8", ActivityExport.FileName(record, "csv"));
    }
}
