using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Regions;

public sealed record ImportRowError(int Line, string Message);

public sealed record ImportTownsResult(int Rows, int Added, int Renamed, int Unchanged, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports towns from the statistics bureau's list (<c>code,name,areaCode,provinceCode,cityCode</c>).
/// The whole file is checked first: one bad row and nothing is written. Re-importing the same file
/// changes nothing; a changed name is updated; towns missing from the file are kept, because other
/// records may point at them.
/// </summary>
public sealed partial class ImportTowns(AppDbContext db)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    private static readonly string[] RequiredColumns = ["code", "name", "areaCode"];

    public async Task<ImportTownsResult> HandleAsync(Stream csvStream, IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        // The CSV parser reads synchronously; a request body may only be read asynchronously.
        using var buffer = new MemoryStream();
        await csvStream.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxFileBytes)
        {
            return new ImportTownsResult(0, 0, 0, 0, [new ImportRowError(0, "文件超过 5 MB。")]);
        }

        buffer.Position = 0;
        var districts = await db.Set<District>().AsNoTracking().Select(d => d.Code).ToListAsync(ct);
        var (rows, errors) = Parse(buffer, districts.ToHashSet());
        if (errors.Count > 0)
        {
            return new ImportTownsResult(rows.Count, 0, 0, 0, errors);
        }

        var existing = await db.Set<Town>().ToDictionaryAsync(t => t.Code, ct);
        var conflicts = rows
            .Where(r => existing.TryGetValue(r.Code, out var t) && t.DistrictCode != r.AreaCode)
            .Select(r => new ImportRowError(r.Line, $"乡镇代码 {r.Code} 已属于区县 {existing[r.Code].DistrictCode}，不能改到 {r.AreaCode}。"))
            .ToList();
        if (conflicts.Count > 0)
        {
            return new ImportTownsResult(rows.Count, 0, 0, 0, conflicts);
        }

        int added = 0, renamed = 0, unchanged = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (existing.TryGetValue(row.Code, out var town))
            {
                if (town.Rename(row.Name))
                {
                    renamed++;
                }
                else
                {
                    unchanged++;
                }
            }
            else
            {
                db.Add(new Town(row.Code, row.Name, row.AreaCode));
                added++;
            }

            if ((i + 1) % 200 == 0 || i == rows.Count - 1)
            {
                progress?.Report((i + 1, rows.Count));
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportTownsResult(rows.Count, added, renamed, unchanged, []);
    }

    private sealed record Row(int Line, string Code, string Name, string AreaCode);

    private static (List<Row> Rows, List<ImportRowError> Errors) Parse(Stream stream, HashSet<string> districts)
    {
        var rows = new List<Row>();
        var errors = new List<ImportRowError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectDelimiter = false,
        };

        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                errors.Add(new ImportRowError(1, "文件为空，缺少表头 code,name,areaCode,provinceCode,cityCode。"));
                return (rows, errors);
            }

            var header = csv.HeaderRecord ?? [];
            var missing = RequiredColumns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new ImportRowError(1, $"表头缺少列：{string.Join(", ", missing)}（应为 code,name,areaCode,provinceCode,cityCode）。"));
                return (rows, errors);
            }

            string Field(string name) =>
                header.FirstOrDefault(h => h.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } h ? csv.GetField(h) ?? "" : "";

            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                if (csv.Parser.Record is { } record && record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var code = Field("code");
                var name = Field("name");
                var area = Field("areaCode");
                var province = Field("provinceCode");
                var city = Field("cityCode");
                var problems = new List<string>();

                if (!TownCode().IsMatch(code))
                {
                    problems.Add($"乡镇代码“{Shorten(code)}”应为 9 位或 12 位数字");
                }

                if (name.Length == 0)
                {
                    problems.Add("名称为空");
                }
                else if (name.Length > 64)
                {
                    problems.Add("名称超过 64 个字");
                }
                else if (TextRules.HasControlCharacters(name) || TextRules.HasMarkup(name))
                {
                    problems.Add("名称含有控制字符或 HTML");
                }

                if (!districts.Contains(area))
                {
                    problems.Add($"区县代码“{Shorten(area)}”不是重庆的 38 个区县之一");
                }
                else
                {
                    if (TownCode().IsMatch(code) && !code.StartsWith(area, StringComparison.Ordinal))
                    {
                        problems.Add($"乡镇代码 {code} 不以区县代码 {area} 开头");
                    }

                    if (province.Length > 0 && province != area[..2])
                    {
                        problems.Add($"省级代码“{Shorten(province)}”与区县代码不符");
                    }

                    if (city.Length > 0 && city != area[..4])
                    {
                        problems.Add($"地级代码“{Shorten(city)}”与区县代码不符");
                    }
                }

                if (problems.Count == 0 && seen.TryGetValue(code, out var firstLine))
                {
                    problems.Add($"乡镇代码 {code} 与第 {firstLine} 行重复");
                }

                if (problems.Count > 0)
                {
                    errors.Add(new ImportRowError(line, string.Join("；", problems) + "。"));
                    continue;
                }

                seen[code] = line;
                rows.Add(new Row(line, code, name, area));
            }
        }
        catch (CsvHelperException ex)
        {
            errors.Add(new ImportRowError(ex.Context?.Parser?.RawRow ?? 0, "CSV 格式错误，无法解析（请检查引号是否成对）。"));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportRowError(2, "文件中没有乡镇数据。"));
        }

        return (rows, errors);
    }

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";

    [GeneratedRegex(@"^(\d{9}|\d{12})$")]
    private static partial Regex TownCode();
}
