using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Accounts.Pages;

/// <summary>
/// A district's figures: administrators see any district, a district administrator only their own
/// (the same rule as the API, checked on the server).
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.DistrictAdmin}")]
public sealed class DistrictFiguresModel(DistrictAccounts figures, IRegionDirectory regions) : PageModel
{
    public DistrictInfo District { get; private set; } = null!;
    public DistrictAccountFigures Figures { get; private set; } = null!;
    public IReadOnlyList<DistrictInfo> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        code ??= User.ManagedDistrictCode() ?? "500103";
        if (!User.CanManageDistrict(code))
        {
            return Forbid();
        }

        if (await regions.FindDistrictAsync(code, ct) is not { } district)
        {
            return NotFound();
        }

        District = district;
        Figures = await figures.FiguresAsync(code, ct);
        Choices = User.IsInRole(Roles.Admin) ? await regions.DistrictsAsync(ct) : [district];
        return Page();
    }
}
