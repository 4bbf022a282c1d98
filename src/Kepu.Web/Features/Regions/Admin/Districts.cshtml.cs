using Kepu.Web.Features.Accounts.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Regions.Admin;

[Authorize(Roles = Roles.Admin)]
public sealed class DistrictsModel(ListDistricts list) : PageModel
{
    public IReadOnlyList<DistrictSummary> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Districts = await list.HandleAsync(ct);
}
