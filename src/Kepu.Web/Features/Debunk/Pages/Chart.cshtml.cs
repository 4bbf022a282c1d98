using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Debunk.Pages;

/// <summary>流言榜 of a month (<c>/debunks/top/2026-11</c>), or the latest approved one (<c>/debunks/top</c>).</summary>
public sealed class ChartModel(RumourCharts charts) : PageModel
{
    public ChartView? Chart { get; private set; }
    public IReadOnlyList<string> Months { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? month, CancellationToken ct)
    {
        var approved = await charts.ApprovedAsync(24, ct);
        Months = approved.Select(c => c.Month).ToList();
        try
        {
            var chart = month is null ? (approved.Count > 0 ? approved[0] : null) : await charts.GetAsync(month, User, ct);
            Chart = chart is null ? null : ChartsApi.View(chart);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return Page();
    }
}
