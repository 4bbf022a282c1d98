using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Web;

namespace Kepu.Web.Features.Outreach.Caravans;

public sealed record CoverageRow(string Code, string Name, string DistrictCode, string DistrictName, DateOnly? LastVisit, bool Covered);

/// <param name="Since">Visits on or after this day count (twelve months back from today, Beijing time).</param>
/// <param name="Towns">Rows for the towns in scope: the remote districts' towns, or a district administrator's own district's.</param>
public sealed record CoverageView(DateOnly Since, DateOnly Today, int DistrictCount, int DistrictsCovered, int TownCount, int TownsCovered,
    IReadOnlyList<CoverageRow> Districts, IReadOnlyList<CoverageRow> Towns, string? ScopeDistrict)
{
    public double DistrictShare => DistrictCount == 0 ? 0 : (double)DistrictsCovered / DistrictCount;
    public double TownShare => TownCount == 0 ? 0 : (double)TownsCovered / TownCount;
}

/// <summary>
/// 覆盖情况: the share of remote districts, and of their towns, with a done visit (or an entered last-visit date) in the last
/// twelve months, and the gaps. A district counts as visited when the district itself or any of its towns was visited.
/// </summary>
public sealed class CaravanCoverage(CaravanTargets targets, TimeProvider clock)
{
    public async Task<CoverageView> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var since = today.AddMonths(-12);
        var remote = await targets.DistrictTargetsAsync(null, ct);
        var scope = user.IsInRole(Roles.Admin) ? null : user.ManagedDistrictCode();
        var towns = await targets.TownTargetsAsync(remote.Select(d => d.Code).ToList(), ct);
        var districts = remote.Select(d =>
        {
            var last = towns.Where(t => t.DistrictCode == d.Code).Select(t => t.LastVisit).Append(d.LastVisit).Max();
            return new CoverageRow(d.Code, d.Name, d.Code, d.Name, last, last >= since);
        }).ToList();
        var shown = scope is null ? towns : remote.Any(d => d.Code == scope) ? towns.Where(t => t.DistrictCode == scope).ToList()
            : await targets.TownTargetsAsync([scope], ct);
        var townRows = shown.Select(t => new CoverageRow(t.Code, t.Name, t.DistrictCode, t.DistrictName, t.LastVisit, t.LastVisit >= since)).ToList();
        return new CoverageView(since, today, districts.Count, districts.Count(d => d.Covered), townRows.Count, townRows.Count(t => t.Covered),
            districts, townRows, scope);
    }
}
