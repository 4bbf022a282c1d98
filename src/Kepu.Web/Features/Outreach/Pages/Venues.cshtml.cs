using Kepu.Web.Features.Outreach.Venues;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>场馆与基地: every venue and base, filtered by kind and district.</summary>
public sealed class VenuesModel(VenueCatalog venues, IRegionDirectory regions) : PageModel
{
    public IReadOnlyList<VenueView> Venues { get; private set; } = [];
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];
    public string? Kind { get; private set; }
    public string? District { get; private set; }

    public async Task OnGetAsync(string? kind, string? district, CancellationToken ct)
    {
        (Kind, District) = (kind, district);
        Districts = await regions.DistrictsAsync(ct);
        try
        {
            Venues = await venues.ListAsync(kind, district, User, ct);
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddProblem(e);
        }
    }
}
