using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.Caravans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>覆盖情况: remote districts and their towns visited in the last twelve months, and the gaps.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.DistrictAdmin)]
public sealed class CoverageModel(CaravanCoverage coverage) : PageModel
{
    public CoverageView Coverage { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Coverage = await coverage.GetAsync(User, ct);
}
