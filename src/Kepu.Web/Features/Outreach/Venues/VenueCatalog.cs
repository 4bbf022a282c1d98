using System.Globalization;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.Venues.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Venues;

/// <param name="Day">1 (Monday) to 7 (Sunday).</param>
/// <param name="Open">HH:mm, or null when closed that day.</param>
public sealed record OpeningView(int Day, string DayName, string? Open, string? Close);

public sealed record VenueView(int Id, string Kind, string KindLabel, string Name, string DistrictCode, string DistrictName, string? TownCode, string? TownName,
    string Address, double? Latitude, double? Longitude, IReadOnlyList<OpeningView> Opening, string OpeningSummary, string HoursNote, int Capacity, string Contact,
    string Description, int? OrganizationId, string? OrganizationName, bool CanManage);

/// <summary>科普场馆与基地: the public list and page, and what managers enter.</summary>
public sealed class VenueCatalog(AppDbContext db, VenueInput input, OutreachAccess access, IRegionDirectory regions, IAccountDirectory accounts,
    TimeProvider clock)
{
    public const int Shown = 200;

    public async Task<IReadOnlyList<VenueView>> ListAsync(string? kind, string? district, ClaimsPrincipal? user, CancellationToken ct = default)
    {
        var query = db.Set<Venue>().AsNoTracking();
        if (!string.IsNullOrEmpty(kind))
        {
            query = VenueKinds.IsValid(kind) ? query.Where(v => v.Kind == kind) : throw Bad("kind", "没有这种场馆类型。");
        }

        if (!string.IsNullOrEmpty(district))
        {
            query = await regions.FindDistrictAsync(district, ct) is not null ? query.Where(v => v.DistrictCode == district) : throw Bad("district", "没有这个区县。");
        }

        var rows = await query.OrderBy(v => v.DistrictCode).ThenBy(v => v.Kind).ThenBy(v => v.Id).Take(Shown).ToListAsync(ct);
        return await ViewsAsync(rows, user, ct);
    }

    public async Task<VenueView> GetAsync(int id, ClaimsPrincipal? user, CancellationToken ct = default) =>
        (await ViewsAsync([await FindAsync(db.Set<Venue>().AsNoTracking(), id, ct)], user, ct))[0];

    /// <summary>Administrators, district administrators and organisation staff register venues (see <see cref="VenueInput"/> for where).</summary>
    public async Task<VenueView> CreateAsync(VenueRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = OutreachAccess.Me(user);
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.DistrictAdmin) && !user.IsInRole(Roles.Organization)
            && (await accounts.ManagedOrganizationIdsAsync(me, ct)).Count == 0)
        {
            throw new ForbiddenException("只有场馆运营单位、区县管理员和管理员可以登记场馆。");
        }

        var venue = new Venue(await input.CheckAsync(request, user, ct), me, clock.GetUtcNow().UtcDateTime);
        db.Add(venue);
        await db.SaveChangesAsync(ct);
        return await GetAsync(venue.Id, user, ct);
    }

    /// <summary>A manager of the venue edits it; the new district and organisation must be theirs to choose too.</summary>
    public async Task<VenueView> UpdateAsync(int id, VenueRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var venue = await FindAsync(db.Set<Venue>(), id, ct);
        await EnsureManagesAsync(venue, user, ct);
        venue.Update(await input.CheckAsync(request, user, ct), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(venue.Id, user, ct);
    }

    public async Task EnsureManagesAsync(Venue venue, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await access.ManagesAsync(user, venue.DistrictCode, venue.OrganizationId, ct))
        {
            throw new ForbiddenException(user.IsInRole(Roles.DistrictAdmin)
                ? "区县管理员只能管理本区县的场馆。"
                : "只有场馆的运营单位、所在区县的管理员和平台管理员可以管理这个场馆。");
        }
    }

    public static async Task<Venue> FindAsync(IQueryable<Venue> venues, int id, CancellationToken ct) =>
        await venues.FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException($"场馆 {id} 不存在。");

    /// <summary>The venues the person manages (for their bookings queue).</summary>
    public async Task<IReadOnlyList<VenueView>> ManagedAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        _ = OutreachAccess.Me(user);
        var query = db.Set<Venue>().AsNoTracking();
        if (!user.IsInRole(Roles.Admin))
        {
            var district = user.IsInRole(Roles.DistrictAdmin) ? user.ManagedDistrictCode() : null;
            var orgs = await access.StaffOrganizationIdsAsync(user, ct);
            query = query.Where(v => v.DistrictCode == district || (v.OrganizationId != null && orgs.Contains(v.OrganizationId.Value)));
        }

        return await ViewsAsync(await query.OrderBy(v => v.DistrictCode).ThenBy(v => v.Id).Take(Shown).ToListAsync(ct), user, ct);
    }

    private async Task<IReadOnlyList<VenueView>> ViewsAsync(List<Venue> rows, ClaimsPrincipal? user, CancellationToken ct)
    {
        var districts = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
        var orgs = await accounts.OrganizationNamesAsync(rows.Select(v => v.OrganizationId).OfType<int>().Distinct(), ct);
        var towns = new Dictionary<string, string>();
        foreach (var code in rows.Select(v => v.TownCode).OfType<string>().Distinct())
        {
            if (await regions.FindTownAsync(code, ct) is { } town)
            {
                towns[code] = town.Name;
            }
        }

        var staff = user is null ? [] : await access.StaffOrganizationIdsAsync(user, ct);
        var views = new List<VenueView>(rows.Count);
        foreach (var v in rows)
        {
            var manages = user is not null && (user.CanManageDistrict(v.DistrictCode) || (v.OrganizationId is { } org && staff.Contains(org)));
            views.Add(new VenueView(v.Id, v.Kind, VenueKinds.Label(v.Kind), v.Name, v.DistrictCode, districts.GetValueOrDefault(v.DistrictCode, v.DistrictCode),
                v.TownCode, v.TownCode is { } t ? towns.GetValueOrDefault(t) : null, v.Address, v.Latitude, v.Longitude, Opening(v.Hours), v.Hours.Summary(), v.HoursNote,
                v.Capacity, v.Contact, v.Description, v.OrganizationId, v.OrganizationId is { } o ? orgs.GetValueOrDefault(o) : null, manages));
        }

        return views;
    }

    public static IReadOnlyList<OpeningView> Opening(WeeklyHours hours) =>
        hours.Days.Select((d, i) => new OpeningView(i + 1, WeeklyHours.DayNames[i], d?.Open.ToString("HH:mm", CultureInfo.InvariantCulture),
            d?.Close.ToString("HH:mm", CultureInfo.InvariantCulture))).ToList();

    private static ValidationFailedException Bad(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
