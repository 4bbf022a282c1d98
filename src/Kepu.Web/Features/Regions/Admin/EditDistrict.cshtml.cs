using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Regions.Admin;

[Authorize(Roles = Roles.Admin)]
public sealed class EditDistrictModel(IRegionDirectory regions, UpdateDistrict update) : PageModel
{
    public DistrictInfo District { get; private set; } = null!;
    public IReadOnlyList<DistrictChangeView> History { get; private set; } = [];

    [BindProperty]
    public UpdateDistrictRequest Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        Input = new UpdateDistrictRequest { Name = District.Name, Group = District.Group, Flags = District.Flags };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        try
        {
            var changes = await update.HandleAsync(code, Input, User.Identity!.Name!, ct);
            TempData["Message"] = changes.Count == 0 ? "没有改动。" : $"已保存 {changes.Count} 项修改。";
            return RedirectToPage(new { code });
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await regions.FindDistrictAsync(code, ct) is not { } district)
        {
            return false;
        }

        District = district;
        History = await update.HistoryAsync(code, ct);
        return true;
    }
}
