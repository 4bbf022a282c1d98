using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kepu.Web.Features.Regions;

/// <summary>What other modules may ask the Regions module. They never read its tables directly.</summary>
public interface IRegionDirectory
{
    Task<IReadOnlyList<DistrictInfo>> DistrictsAsync(CancellationToken ct = default);
    Task<DistrictInfo?> FindDistrictAsync(string? code, CancellationToken ct = default);
    Task<IReadOnlyList<TownInfo>> TownsAsync(string districtCode, CancellationToken ct = default);
    Task<TownInfo?> FindTownAsync(string? code, CancellationToken ct = default);
}

public sealed record DistrictInfo(string Code, string Name, string Group, IReadOnlyList<string> Flags);

public sealed record TownInfo(string Code, string Name, string DistrictCode);

internal sealed class RegionDirectory(AppDbContext db, IMemoryCache cache) : IRegionDirectory
{
    /// <summary>The 38 districts are read on almost every page; they change rarely, so each node keeps them a minute.</summary>
    public const string CacheKey = "regions:districts";

    public async Task<IReadOnlyList<DistrictInfo>> DistrictsAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            entry.Size = 38;
            var districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct);
            return (IReadOnlyList<DistrictInfo>)districts.Select(ToInfo).ToList();
        }))!;

    public async Task<DistrictInfo?> FindDistrictAsync(string? code, CancellationToken ct = default) =>
        string.IsNullOrEmpty(code) ? null : (await DistrictsAsync(ct)).FirstOrDefault(d => d.Code == code);

    public async Task<IReadOnlyList<TownInfo>> TownsAsync(string districtCode, CancellationToken ct = default) =>
        await db.Set<Town>().AsNoTracking()
            .Where(t => t.DistrictCode == districtCode)
            .OrderBy(t => t.Code)
            .Select(t => new TownInfo(t.Code, t.Name, t.DistrictCode))
            .ToListAsync(ct);

    public async Task<TownInfo?> FindTownAsync(string? code, CancellationToken ct = default) =>
        string.IsNullOrEmpty(code)
            ? null
            : await db.Set<Town>().AsNoTracking()
                .Where(t => t.Code == code)
                .Select(t => new TownInfo(t.Code, t.Name, t.DistrictCode))
                .FirstOrDefaultAsync(ct);

    private static DistrictInfo ToInfo(District d) => new(d.Code, d.Name, d.Group, d.Flags);
}
