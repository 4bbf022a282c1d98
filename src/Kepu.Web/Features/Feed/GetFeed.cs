using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library;
using Kepu.Web.Features.Regions;

namespace Kepu.Web.Features.Feed;

public sealed record FeedRequest(string? Audience, string? District, bool? Elder, int? Page);

public sealed record FeedCard(int Id, string Kind, string Title, string Summary, string Reason, int ReadingMinutes, DateTime PublishedAt, bool ElderFriendly);

public sealed record FeedCampaign(int Id, string Name, string Banner);

public sealed record FeedResponse(IReadOnlyList<FeedCard> Items, int Total, int Page, int PageSize, string? Audience, string? District, IReadOnlyList<FeedCampaign> Campaigns);

/// <summary>What fits this person first: their profile when signed in, else the audience and district they chose.</summary>
public sealed class GetFeed(ContentCatalog catalog, FeedColumnsCache columns, FeedSegments segments, Campaigns campaigns, IAccountDirectory accounts, IRegionDirectory regions, ReadingHistories histories, IMissedTopics signals)
{
    public const int PageSize = 12;

    public async Task<FeedResponse> HandleAsync(FeedRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var items = await catalog.PublishedAsync(ct);
        var viewer = await ViewerAsync(request, user, items, ct);
        var active = await campaigns.ActiveForAsync(viewer.Audiences, viewer.District, viewer.RegionGroup, ct);
        var lift = new Dictionary<int, string>();
        foreach (var campaign in active)
        {
            foreach (var id in campaign.Items)
            {
                lift.TryAdd(id, campaign.Name);
            }
        }

        var page = Math.Clamp(request.Page ?? 1, 1, 100);
        var (ranked, total) = segments.Top(columns.For(items), viewer, lift, page * PageSize);
        var cards = ranked.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new FeedCard(r.Item.Id, r.Item.Kind, r.Item.Title, r.Item.Summary, r.Reason, r.Item.ReadingMinutes, r.Item.PublishedAt, r.Item.ElderFriendly))
            .ToList();
        return new FeedResponse(cards, total, page, PageSize, viewer.Audiences.Count > 0 ? viewer.Audiences[0] : null, viewer.District,
            active.Select(c => new FeedCampaign(c.Id, c.Name, c.Banner)).ToList());
    }

    private async Task<FeedViewer> ViewerAsync(FeedRequest request, ClaimsPrincipal user, IReadOnlyList<CatalogItem> items, CancellationToken ct)
    {
        var profile = user.Identity?.IsAuthenticated == true && user.UserId() is { } id ? await accounts.ProfileAsync(id, ct) : null;
        var audiences = profile?.Audiences
            ?? (request.Audience is { } a && Audiences.IsValid(a) ? [a] : []);
        var districtCode = profile?.District ?? request.District;
        var district = await regions.FindDistrictAsync(districtCode, ct);
        var history = profile is not null
            ? await histories.ForAsync(user.UserId()!, ct)
            : FeedRanking.NoHistory;
        var byId = history.RecentlyViewed.Count == 0 ? null : items.Where(i => history.RecentlyViewed.Contains(i.Id)).ToList();

        // Recent reading points at top-level topics (the first of each item's topic chain is the leaf).
        var recentTopics = byId?.SelectMany(i => i.Topics.Skip(i.Topics.Count > 1 ? 1 : 0)).Distinct().ToList() ?? [];
        return new FeedViewer(
            audiences,
            district?.Code,
            district?.Group,
            district is not null && district.Flags.Count > 0,
            (profile?.Interests ?? []).Select(Interests.Label).ToList(),
            request.Elder ?? profile?.ElderMode ?? false,
            history,
            recentTopics,
            profile is not null ? await signals.MissedTopicsAsync(user.UserId()!, ct) : null);
    }
}

/// <summary>Columns are rebuilt only when the catalogue object changes (it is replaced on every reload).</summary>
public sealed class FeedColumnsCache
{
    private (IReadOnlyList<CatalogItem> Items, FeedColumns Columns)? _current;

    public FeedColumns For(IReadOnlyList<CatalogItem> items)
    {
        var current = _current;
        if (current is { } c && ReferenceEquals(c.Items, items))
        {
            return c.Columns;
        }

        var built = FeedColumns.Of(items);
        _current = (items, built);
        return built;
    }
}
