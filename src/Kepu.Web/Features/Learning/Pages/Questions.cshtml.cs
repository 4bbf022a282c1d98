using Kepu.Web.Features.Accounts.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>题库 for editors: counts by dimension and difficulty, export as CSV/XLSX, and import with errors by row.</summary>
[Authorize(Roles = $"{Roles.Editor},{Roles.Admin}")]
public sealed class QuestionsModel(QuestionBank bank) : PageModel
{
    public BankSummary Summary { get; private set; } = null!;
    public BankImportResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Summary = await bank.SummaryAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var file = QuestionBankApi.Export(format, await bank.RowsAsync(ct));
        return File(file.FileContents.ToArray(), file.ContentType ?? "text/csv", file.FileDownloadName);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Result = new BankImportResult(0, 0, [new BankImportError(1, "请选择要导入的表格。")]);
        }
        else
        {
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            Result = await bank.ImportAsync(memory.ToArray(), ct);
        }

        Summary = await bank.SummaryAsync(ct);
        return Page();
    }
}
