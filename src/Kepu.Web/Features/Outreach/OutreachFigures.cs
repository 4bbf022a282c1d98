using Kepu.Web.Features.Outreach.Experts;
using Kepu.Web.Features.Outreach.People.Entities;
using Kepu.Web.Features.Outreach.Venues.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach;

/// <summary>People and places of one district, as the yearly 科普统计 asks for them.</summary>
/// <param name="Experts">Expert profiles whose home is in the district.</param>
/// <param name="Envoys">科技特派员 appointed to the district and serving on the day asked.</param>
/// <param name="VolunteerHours">Confirmed service hours in the district during the year.</param>
/// <param name="Venues">Venues and bases by kind code (<see cref="VenueKinds"/>).</param>
public sealed record DistrictOutreachFigures(string District, int Experts, int Envoys, int Volunteers, decimal VolunteerHours, IReadOnlyDictionary<string, int> Venues);

/// <summary>What other modules (Insights' 科普统计 export) may ask the Outreach module about staff, volunteers and venues per district.</summary>
public interface IOutreachFigures
{
    Task<IReadOnlyDictionary<string, DistrictOutreachFigures>> ByDistrictAsync(int year, CancellationToken ct = default);
}

internal sealed class OutreachFigures(AppDbContext db, TimeProvider clock) : IOutreachFigures
{
    public async Task<IReadOnlyDictionary<string, DistrictOutreachFigures>> ByDistrictAsync(int year, CancellationToken ct = default)
    {
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var day = today < last ? today : last;
        var experts = await db.Set<ExpertProfile>().AsNoTracking().GroupBy(e => e.HomeDistrict).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var envoys = await db.Set<Envoy>().AsNoTracking().Where(e => e.From <= day && e.To >= day).GroupBy(e => e.DistrictCode)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var volunteers = await db.Set<Volunteer>().AsNoTracking().Where(v => v.DistrictCode != "").GroupBy(v => v.DistrictCode)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var hours = (await db.Set<VolunteerHours>().AsNoTracking()
            .Where(h => h.State == HoursStates.Confirmed && h.Date >= first && h.Date <= last)
            .Select(h => new { h.DistrictCode, h.Hours }).ToListAsync(ct))
            .GroupBy(h => h.DistrictCode).ToDictionary(g => g.Key, g => g.Sum(h => h.Hours));
        var venues = (await db.Set<Venue>().AsNoTracking().GroupBy(v => new { v.DistrictCode, v.Kind })
            .Select(g => new { g.Key.DistrictCode, g.Key.Kind, Count = g.Count() }).ToListAsync(ct))
            .GroupBy(v => v.DistrictCode).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(v => v.Kind, v => v.Count));

        var codes = experts.Keys.Concat(envoys.Keys).Concat(volunteers.Keys).Concat(hours.Keys).Concat(venues.Keys).Distinct();
        return codes.ToDictionary(c => c, c => new DistrictOutreachFigures(c, experts.GetValueOrDefault(c), envoys.GetValueOrDefault(c),
            volunteers.GetValueOrDefault(c), hours.GetValueOrDefault(c), venues.GetValueOrDefault(c) ?? new Dictionary<string, int>()));
    }
}
