using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Feed;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features;

/// <summary>Home: search, and 为你推荐 — from the profile when signed in, else from the audience and district chosen here.</summary>
public sealed class IndexModel(GetFeed feed, IRegionDirectory regions, IAccountDirectory accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Audience { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }

    public FeedResponse Feed { get; private set; } = null!;
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];
    public string ViewerText { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await regions.DistrictsAsync(ct);
        if (Audience is null && ElderMode.IsOn(HttpContext) && User.Identity?.IsAuthenticated != true)
        {
            Audience = "elderly";
        }

        Feed = await feed.HandleAsync(new FeedRequest(Audience, District, ElderMode.IsOn(HttpContext), 1), User, ct);
        if (User.UserId() is { } id && await accounts.ProfileAsync(id, ct) is { } profile)
        {
            var place = Districts.FirstOrDefault(d => d.Code == profile.District)?.Name;
            ViewerText = string.Join("，", new[] { string.Join("、", profile.Audiences.Select(Audiences.Label)), place }.Where(s => !string.IsNullOrEmpty(s)));
        }
    }
}
