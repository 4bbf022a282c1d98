using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Regions;

namespace Kepu.Web.Features.Library.Search;

public sealed record SearchRequest(string? Q, string? Audience, string? Topic, string? Kind, string? District, string? Sort, int? Page);

public sealed record SearchResponse(IReadOnlyList<SearchHit> Items, int Total, int Page, int PageSize);

/// <summary>Searches published items; a district filter keeps items for everyone, that district and its region group.</summary>
public sealed class SearchContent(SearchIndex index, IRegionDirectory regions, IAccountDirectory accounts, DemandSensing demand)
{
    public const int PageSize = 10;

    public async Task<SearchResponse> HandleAsync(SearchRequest request, ClaimsPrincipal? user = null, CancellationToken ct = default)
    {
        IReadOnlyList<string>? targets = null;
        if (!string.IsNullOrWhiteSpace(request.District) && await regions.FindDistrictAsync(request.District, ct) is { } district)
        {
            targets = ["all", "d:" + district.Code, "g:" + district.Group];
        }

        var page = Math.Max(1, request.Page ?? 1);
        var result = index.Search(new SearchQuery(request.Q, Blank(request.Audience), Blank(request.Topic), Blank(request.Kind), targets,
            request.Sort == "date", page, PageSize));
        if (page == 1 && !string.IsNullOrWhiteSpace(request.Q))
        {
            // Logged for 需求感知 with the searcher's group and region only, never who searched.
            var profile = user?.UserId() is { } id ? await accounts.ProfileAsync(id, ct) : null;
            var audience = profile is { Audiences.Count: > 0 } ? profile.Audiences[0] : Blank(request.Audience);
            var home = await regions.FindDistrictAsync(profile?.District ?? request.District, ct);
            await demand.LogAsync(request.Q, audience, home?.Group, result.Total, ct);
        }

        return new SearchResponse(result.Items, result.Total, page, PageSize);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
