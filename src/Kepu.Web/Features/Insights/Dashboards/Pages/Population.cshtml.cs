using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Insights.Dashboards.Population;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Files;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Insights.Dashboards.Pages;

/// <summary>常住人口: the denominators of the figures per 10,000 residents, entered one by one or imported from a table.</summary>
[Authorize(Roles = Roles.Admin)]
[RequestSizeLimit(Spreadsheets.MaxBytes + (64 * 1024))]
public sealed class PopulationModel(PopulationBook book) : PageModel
{
    public IReadOnlyList<PopulationView> Rows { get; private set; } = [];
    public PopulationImportResult? Imported { get; private set; }

    [BindProperty]
    public string? District { get; set; }

    [BindProperty]
    public long? Residents { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await book.ListAsync(ct);

    public async Task<IActionResult> OnPostSetAsync(CancellationToken ct)
    {
        try
        {
            var saved = await book.SetAsync(District ?? "", new PopulationRequest(Residents, Year, Source), User.Identity?.Name ?? "", ct);
            TempData["Message"] = $"已保存{saved.Name}的常住人口。";
            return RedirectToPage();
        }
        catch (Exception e) when (e is ValidationFailedException or NotFoundException)
        {
            ModelState.AddProblem(e);
            Rows = await book.ListAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择要上传的 CSV 或 Excel 文件。");
        }
        else
        {
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            Imported = await book.ImportAsync(memory.ToArray(), User.Identity?.Name ?? "", ct);
        }

        Rows = await book.ListAsync(ct);
        return Page();
    }
}
