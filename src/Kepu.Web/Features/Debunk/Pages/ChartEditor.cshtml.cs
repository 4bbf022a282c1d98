using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Debunk.Pages;

/// <summary>编制流言榜: draft a month, keep, order and annotate its lines, approve it.</summary>
[Authorize(Roles = $"{Roles.Editor},{Roles.Admin}")]
public sealed class ChartEditorModel(RumourCharts charts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Month { get; set; } = "";

    public ChartView? Chart { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!RumourCharts.IsMonth(Month))
        {
            Month = clock.GetUtcNow().UtcDateTime.AddHours(8).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        }

        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostDraftAsync(CancellationToken ct) => ActAsync("草稿已生成。", () => charts.DraftAsync(Month, User, ct), ct);

    public Task<IActionResult> OnPostSaveAsync(string? intro, List<int>? rank, List<string>? note, List<int>? keep, CancellationToken ct)
    {
        var ranks = rank ?? [];
        var notes = note ?? [];
        var kept = (keep ?? []).ToHashSet();
        var lines = ranks.Select((r, i) => (r, i < notes.Count ? notes[i] ?? "" : "", kept.Contains(i))).ToList();
        return ActAsync("已保存。", () => charts.EditAsync(Month, intro ?? "", lines, User, ct), ct);
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => ActAsync("流言榜已发布。", () => charts.ApproveAsync(Month, User, ct), ct);

    private async Task<IActionResult> ActAsync(string done, Func<Task> action, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Message"] = done;
            return RedirectToPage(new { month = Month });
        }
        catch (Exception e) when (e is BusinessRuleException or ValidationFailedException or NotFoundException)
        {
            ModelState.AddProblem(e);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            Chart = ChartsApi.View(await charts.GetAsync(Month, User, ct));
        }
        catch (NotFoundException)
        {
            Chart = null;
        }
    }
}
