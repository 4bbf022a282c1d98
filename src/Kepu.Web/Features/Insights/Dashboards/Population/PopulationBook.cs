using System.Globalization;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kepu.Web.Features.Insights.Dashboards.Population;

public sealed record PopulationView(string District, string Name, long? Residents, int? Year, string? Source, DateTime? UpdatedAt, string? UpdatedBy);

public sealed record PopulationRequest(long? Residents, int? Year, string? Source);

public sealed record PopulationImportError(int Line, string Message);

public sealed record PopulationImportResult(int Rows, int Changed, IReadOnlyList<PopulationImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Resident population (常住人口) per district, as administrators enter it or import it from a CSV/XLSX table
/// (<c>district,population,year[,source]</c>; district by code or name). An import checks every row first and changes
/// nothing when any row is bad. Each node keeps the figures a minute (they change a few times a year).
/// </summary>
public sealed class PopulationBook(AppDbContext db, IRegionDirectory regions, IMemoryCache cache, TimeProvider clock)
{
    public const string DefaultSource = "管理员录入";
    private const string CacheKey = "insights:population";

    public static readonly string[] Columns = ["district", "population", "year", "source"];

    public async Task<IReadOnlyDictionary<string, long>> ResidentsAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            entry.Size = 38;
            return (IReadOnlyDictionary<string, long>)await db.Set<DistrictPopulation>().AsNoTracking().Where(p => p.Residents > 0)
                .ToDictionaryAsync(p => p.District, p => p.Residents, ct);
        }))!;

    public async Task<IReadOnlyList<PopulationView>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<DistrictPopulation>().AsNoTracking().ToDictionaryAsync(p => p.District, ct);
        return [.. (await regions.DistrictsAsync(ct)).Select(d => rows.TryGetValue(d.Code, out var p)
            ? new PopulationView(d.Code, d.Name, p.Residents, p.Year, p.Source, p.UpdatedAt, p.UpdatedBy)
            : new PopulationView(d.Code, d.Name, null, null, null, null, null))];
    }

    public async Task<PopulationView> SetAsync(string district, PopulationRequest request, string by, CancellationToken ct = default)
    {
        var info = await regions.FindDistrictAsync(district, ct) ?? throw new NotFoundException($"区县 {district} 不存在。");
        var errors = new Dictionary<string, string[]>();
        var (residents, year, source) = Check(request.Residents?.ToString(CultureInfo.InvariantCulture), request.Year?.ToString(CultureInfo.InvariantCulture),
            request.Source, (field, message) => errors[field] = [message]);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        await StoreAsync([(info.Code, residents, year, source)], by, ct);
        return (await ListAsync(ct)).Single(p => p.District == info.Code);
    }

    /// <summary>Checks every row, then stores them all, or none when any row is bad.</summary>
    public async Task<PopulationImportResult> ImportAsync(byte[] content, string by, CancellationToken ct = default)
    {
        var (rows, error) = Spreadsheets.Read(content);
        if (error is not null)
        {
            return new PopulationImportResult(0, 0, [new PopulationImportError(1, error)]);
        }

        var districts = await regions.DistrictsAsync(ct);
        var errors = new List<PopulationImportError>();
        var parsed = new List<(string District, long Residents, int Year, string Source)>();
        var seen = new HashSet<string>();
        foreach (var row in rows)
        {
            var rowErrors = new List<string>();
            var name = row["district"];
            var district = districts.FirstOrDefault(d => d.Code == name || d.Name == name || (name.Length >= 2 && d.Name.StartsWith(name, StringComparison.Ordinal)));
            if (district is null)
            {
                rowErrors.Add(name.Length == 0 ? "缺少 district（区县编码或名称）。" : $"没有“{name}”这个区县。");
            }
            else if (!seen.Add(district.Code))
            {
                rowErrors.Add($"{district.Name}重复出现。");
            }

            var values = Check(row["population"], row["year"], row["source"], (_, message) => rowErrors.Add(message));
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors.Select(m => new PopulationImportError(row.Number, m)));
            }
            else
            {
                parsed.Add((district!.Code, values.Residents, values.Year, values.Source));
            }
        }

        if (rows.Count == 0)
        {
            errors.Add(new PopulationImportError(1, "表格里没有数据行（表头应为 district,population,year）。"));
        }

        if (errors.Count > 0)
        {
            return new PopulationImportResult(rows.Count, 0, errors);
        }

        return new PopulationImportResult(rows.Count, await StoreAsync(parsed, by, ct), []);
    }

    /// <summary>The table as it is now, in the import format (so an export can be edited and loaded back).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> RowsAsync(CancellationToken ct = default) =>
        [.. (await ListAsync(ct)).Select(p => (IReadOnlyList<string>)[p.District, p.Residents?.ToString(CultureInfo.InvariantCulture) ?? "",
            p.Year?.ToString(CultureInfo.InvariantCulture) ?? "", p.Source ?? ""])];

    private async Task<int> StoreAsync(IReadOnlyList<(string District, long Residents, int Year, string Source)> rows, string by, CancellationToken ct)
    {
        var codes = rows.Select(r => r.District).ToList();
        var existing = await db.Set<DistrictPopulation>().Where(p => codes.Contains(p.District)).ToDictionaryAsync(p => p.District, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var (district, residents, year, source) in rows)
        {
            if (!existing.TryGetValue(district, out var row))
            {
                row = new DistrictPopulation(district);
                db.Add(row);
            }
            else if (row.Residents == residents && row.Year == year && row.Source == source)
            {
                continue;
            }

            row.Set(residents, year, source, by, now);
            changed++;
        }

        await db.SaveChangesAsync(ct);
        cache.Remove(CacheKey);
        return changed;
    }

    private (long Residents, int Year, string Source) Check(string? residents, string? year, string? source, Action<string, string> error)
    {
        var thisYear = clock.GetUtcNow().Year;
        long people = 0;
        var y = 0;
        if (!long.TryParse((residents ?? "").Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out people)
            || people is <= 0 or > DistrictPopulation.MaxResidents)
        {
            error("residents", "常住人口须是 1 到 2000 万之间的整数（单位：人）。");
        }

        if (!int.TryParse((year ?? "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out y) || y < 2000 || y > thisYear)
        {
            error("year", $"年份须在 2000 到 {thisYear} 之间。");
        }

        var text = (source ?? "").Trim();
        if (text.Length > DistrictPopulation.MaxSource || text.Any(char.IsControl))
        {
            error("source", $"来源最多 {DistrictPopulation.MaxSource} 字，不能有控制字符。");
        }

        return (people, y, text.Length == 0 ? DefaultSource : text);
    }
}
