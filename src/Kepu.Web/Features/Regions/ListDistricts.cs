using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Regions;

public sealed record DistrictSummary(string Code, string Name, string Group, IReadOnlyList<string> Flags, int TownCount);

/// <summary>The 38 districts in the official order, each with its number of towns.</summary>
public sealed class ListDistricts(AppDbContext db)
{
    public async Task<IReadOnlyList<DistrictSummary>> HandleAsync(CancellationToken ct = default)
    {
        var districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct);
        var townCounts = await db.Set<Town>().AsNoTracking()
            .GroupBy(t => t.DistrictCode)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return districts
            .Select(d => new DistrictSummary(d.Code, d.Name, d.Group, d.Flags, townCounts.GetValueOrDefault(d.Code)))
            .ToList();
    }
}
