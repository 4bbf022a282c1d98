using Kepu.Web.Features.Accounts.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Regions.Admin;

[Authorize(Roles = Roles.Admin)]
[RequestSizeLimit(ImportTowns.MaxFileBytes + 64 * 1024)]
public sealed class ImportTownsModel(ImportTowns import) : PageModel
{
    public ImportTownsResult? Result { get; private set; }

    public IFormFile? Upload { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "请选择要上传的 CSV 文件。");
            return Page();
        }

        if (file.Length > ImportTowns.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), "文件超过 5 MB。");
            return Page();
        }

        await using var stream = file.OpenReadStream();
        Result = await import.HandleAsync(stream, null, ct);
        return Page();
    }
}
