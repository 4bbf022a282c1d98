using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Regions.Pages;

public sealed class DistrictsModel(ListDistricts list) : PageModel
{
    public IReadOnlyList<IGrouping<string, DistrictSummary>> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Groups = (await list.HandleAsync(ct)).GroupBy(d => d.Group).ToList();
}
