using System.Globalization;
using Kepu.Web.Features.Outreach.Caravans.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Caravans;

public sealed record DistanceImportResult(int Pairs);

/// <summary>
/// Replaces the road-distance matrix with a table (CSV or XLSX; columns from,to,km; district or town codes). Every row is
/// checked first; one bad row refuses the whole file and keeps the old matrix. An empty table (header only) clears it,
/// and distances are estimated from coordinates again.
/// </summary>
public sealed class ImportDistances(AppDbContext db, IRegionDirectory regions)
{
    public const double MaxKm = 2000;

    public async Task<DistanceImportResult> HandleAsync(byte[] content, CancellationToken ct = default)
    {
        var (rows, error) = Spreadsheets.Read(content);
        if (error is not null)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = [error] });
        }

        var districts = (await regions.DistrictsAsync(ct)).Select(d => d.Code).ToHashSet();
        var errors = new List<string>();
        var pairs = new Dictionary<(string, string), double>();
        foreach (var row in rows)
        {
            var from = row["from"];
            var to = row["to"];
            foreach (var code in new[] { from, to }.Distinct())
            {
                if (!districts.Contains(code) && await regions.FindTownAsync(code, ct) is null)
                {
                    errors.Add($"第 {row.Number} 行：没有编码为“{code}”的区县或乡镇。");
                }
            }

            if (!double.TryParse(row["km"], NumberStyles.Float, CultureInfo.InvariantCulture, out var km) || km <= 0 || km > MaxKm)
            {
                errors.Add($"第 {row.Number} 行：公里数应是 0 到 {MaxKm} 之间的数。");
            }
            else if (from == to)
            {
                errors.Add($"第 {row.Number} 行：起点和终点相同。");
            }
            else if (!pairs.TryAdd((from, to), km))
            {
                errors.Add($"第 {row.Number} 行：{from} → {to} 重复出现。");
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = [.. errors.Take(50)] });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<CaravanDistance>().ExecuteDeleteAsync(ct);
        db.AddRange(pairs.Select(p => new CaravanDistance(p.Key.Item1, p.Key.Item2, p.Value)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new DistanceImportResult(pairs.Count);
    }
}
