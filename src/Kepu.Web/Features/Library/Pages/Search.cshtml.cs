using Kepu.Web.Features.Library.Search;
using Kepu.Web.Features.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Library.Pages;

public sealed class SearchModel(SearchContent search, Taxonomy taxonomy, IRegionDirectory regions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Audience { get; set; }
    [BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public SearchResponse? Result { get; private set; }
    public IReadOnlyList<TopicNode> Topics { get; private set; } = [];
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["audience"] = Audience, ["topic"] = Topic, ["kind"] = Kind, ["district"] = District, ["sort"] = Sort, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).ToUriComponent();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Topics = await taxonomy.TreeAsync(ct);
        Districts = await regions.DistrictsAsync(ct);
        if (!string.IsNullOrWhiteSpace(Q) || Audience is not null || Topic is not null || Kind is not null || District is not null)
        {
            Result = await search.HandleAsync(new SearchRequest(Q, Audience, Topic, Kind, District, Sort, PageNumber), User, ct);
        }
    }
}
