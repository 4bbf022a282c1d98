using Kepu.Web.Features.Outreach.Experts;
using Kepu.Web.Features.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>专家库: who can come and talk about what, in which dialect, where.</summary>
public sealed class ExpertsModel(ExpertPool pool, IRegionDirectory regions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    public IReadOnlyList<ExpertView> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, string> DistrictNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await pool.ListAsync(team: Team, district: District, ct: ct);
        DistrictNames = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
    }
}
