using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Regions.Pages;

public sealed class DistrictModel(IRegionDirectory regions) : PageModel
{
    public DistrictInfo District { get; private set; } = null!;
    public IReadOnlyList<TownInfo> Towns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await regions.FindDistrictAsync(code, ct) is not { } district)
        {
            return NotFound();
        }

        District = district;
        Towns = await regions.TownsAsync(code, ct);
        return Page();
    }
}
