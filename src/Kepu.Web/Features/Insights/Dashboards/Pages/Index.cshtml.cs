using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Insights.Activity;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Insights.Dashboards.Pages;

/// <summary>
/// 运行监测: reach by district, region group, audience group and month, the tile map, remote-district coverage and the
/// exports. Leaders (administrators) see the city or any district; a district administrator sees their own district
/// only — asking for another is refused on the server (403), as in the API.
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.DistrictAdmin}")]
public sealed class IndexModel(ReachAccess access, ReachQuery query, ReachProjector projector, IRegionDirectory regions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Audience { get; set; }

    /// <summary>The metric the map and the charts show.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Metric { get; set; }

    /// <summary>"1": the map shows figures per 10,000 residents.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Per { get; set; }

    public ReachReport Report { get; private set; } = null!;
    public Metric Shown { get; private set; } = Metrics.Active;
    public bool PerCapita => Per == "1";
    public TileMapView? Map { get; private set; }
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];
    public ProjectionStatus Status { get; private set; } = null!;
    public bool IsLeader => User.IsInRole(Roles.Admin);
    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Shown = Metrics.Find(Metric) ?? Metrics.Active;
        ReachScope scope;
        try
        {
            scope = await access.ResolveAsync(User, From, To, District, Audience, ct);
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                Errors[field] = string.Join(" ", messages);
            }

            // The district is checked again (403 stays 403); the months and group fall back to the defaults.
            scope = await access.ResolveAsync(User, null, null, District, null, ct);
        }

        (From, To) = (scope.Range.FromKey, scope.Range.ToKey);
        Report = await query.ReportAsync(scope, ct);
        Map = scope.WholeCity ? TileMap.Build(Report.Districts, Shown, PerCapita, code => "/insights" + Query(("district", code))) : null;
        Districts = IsLeader ? await regions.DistrictsAsync(ct) : [];
        Status = await projector.StatusAsync(ct);
    }

    /// <summary>The query string of the current filters with some values changed (export links, tiles).</summary>
    public string Query(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["from"] = From, ["to"] = To, ["district"] = Report.Scope.District?.Code, ["audience"] = Report.Scope.Audience,
            ["metric"] = Shown.Code, ["per"] = PerCapita ? "1" : null,
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
