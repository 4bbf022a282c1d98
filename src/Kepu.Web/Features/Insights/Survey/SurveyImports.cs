using System.Globalization;
using System.Security.Claims;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Insights.Survey.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Insights.Survey;

public sealed record ImportResult(int Rows, string Message);

/// <summary>
/// Imports for a wave, CSV or XLSX with English headers (the same as the <c>survey estimate</c> command):
/// population margins <c>variable,level,population</c>, and interviewer-collected responses
/// <c>id,district,urban,sex,ageGroup,education,score[,weight][,audience]</c>. Every row is checked first; one bad row refuses the
/// whole file and the error report lists every bad row by number. Administrators only.
/// </summary>
public sealed class SurveyImports(AppDbContext db, IRegionDirectory regions, TimeProvider clock)
{
    public const int MaxRows = 200_000;

    public async Task<ImportResult> MarginsAsync(int waveId, byte[] content, ClaimsPrincipal user, CancellationToken ct = default)
    {
        EnsureAdmin(user);
        var wave = await LoadAsync(waveId, ct);
        var rows = Read(content);
        var valid = await LevelsAsync(ct);
        var errors = new List<string>();
        var margins = new List<PopulationMargin>();
        foreach (var row in rows)
        {
            var variable = row["variable"];
            var level = row["level"];
            if (!valid.TryGetValue(variable, out var levels) || variable == "audience")
            {
                errors.Add($"第 {row.Number} 行：变量“{variable}”不能用于加权，可用 district、regionGroup、urban、sex、ageGroup、education。");
            }
            else if (!levels.Contains(level))
            {
                errors.Add($"第 {row.Number} 行：{variable} 没有“{level}”这一类。");
            }
            else if (!double.TryParse(row["population"], NumberStyles.Float, CultureInfo.InvariantCulture, out var population) || population <= 0 || population > 1e9)
            {
                errors.Add($"第 {row.Number} 行：人口数应是大于 0 的数。");
            }
            else if (margins.Any(m => m.Variable == variable && m.Level == level))
            {
                errors.Add($"第 {row.Number} 行：{variable} = {level} 重复出现。");
            }
            else
            {
                margins.Add(new PopulationMargin(variable, level, population));
            }
        }

        if (errors.Count == 0)
        {
            if (margins.Any(m => m.Variable == "district") && margins.Any(m => m.Variable == "regionGroup"))
            {
                errors.Add("区县和区域只能选一个作为加权变量（区县已经决定了区域）。");
            }

            var totals = margins.GroupBy(m => m.Variable).Select(g => (g.Key, Total: g.Sum(m => m.Population))).ToList();
            if (totals.Count > 0 && totals.Max(t => t.Total) > totals.Min(t => t.Total) * 1.005)
            {
                errors.Add("各变量的人口总数应当一致（相差不超过 0.5%）：" + string.Join("，", totals.Select(t => $"{t.Key} {t.Total:N0}")) + "。");
            }

            if (margins.Count == 0)
            {
                errors.Add("表格里没有数据行。");
            }
        }

        Fail(errors);
        wave.ReplaceMargins(margins);
        await db.SaveChangesAsync(ct);
        return new ImportResult(margins.Count, $"已导入 {margins.Count} 条人口边际（{margins.Select(m => m.Variable).Distinct().Count()} 个变量）。");
    }

    public async Task<ImportResult> ResponsesAsync(int waveId, byte[] content, ClaimsPrincipal user, CancellationToken ct = default)
    {
        EnsureAdmin(user);
        _ = await LoadAsync(waveId, ct);
        var rows = Read(content);
        var valid = await LevelsAsync(ct);
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var existing = (await db.Set<SurveyResponse>().Where(r => r.WaveId == waveId).Select(r => r.RespondentKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var responses = new List<SurveyResponse>();
        foreach (var row in rows)
        {
            var problems = new List<string>();
            var id = row["id"];
            if (id.Length is 0 or > 64)
            {
                problems.Add("编号（id）不能为空，最多 64 个字符");
            }
            else if (!seen.Add(id))
            {
                problems.Add($"编号 {id} 在文件中重复");
            }
            else if (existing.Contains("import:" + id))
            {
                problems.Add($"编号 {id} 已经导入过");
            }

            foreach (var variable in new[] { "district", "urban", "sex", "ageGroup", "education" })
            {
                if (!valid[variable].Contains(row[variable]))
                {
                    problems.Add($"{variable}“{row[variable]}”不在代码表中");
                }
            }

            var audience = row["audience"];
            if (audience.Length > 0 && !Audiences.IsValid(audience))
            {
                problems.Add($"audience“{audience}”不在代码表中");
            }

            if (!double.TryParse(row["score"], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || score < 0 || score > 100)
            {
                problems.Add("得分（score）应在 0 到 100 之间");
            }

            var weight = 1.0;
            if (row["weight"].Length > 0 && (!double.TryParse(row["weight"], NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || weight <= 0 || weight > 1e7))
            {
                problems.Add("权重（weight）应是大于 0 的数");
            }

            if (problems.Count > 0)
            {
                errors.Add($"第 {row.Number} 行：{string.Join("；", problems)}。");
                continue;
            }

            responses.Add(new SurveyResponse(waveId, SurveyResponse.Imported, "import:" + id,
                new RespondentProfile(row["district"], row["urban"], row["sex"], row["ageGroup"], row["education"], audience.Length > 0 ? audience : null),
                score, weight, now));
        }

        if (rows.Count == 0)
        {
            errors.Add("表格里没有数据行。");
        }

        Fail(errors);
        db.AddRange(responses);
        await db.SaveChangesAsync(ct);
        return new ImportResult(responses.Count, $"已导入 {responses.Count} 份问卷。");
    }

    internal static void EnsureAdmin(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("只有管理员可以管理科学素质调查。");
        }
    }

    /// <summary>Valid levels of every variable; districts and region groups from the region directory.</summary>
    internal async Task<Dictionary<string, HashSet<string>>> LevelsAsync(CancellationToken ct)
    {
        var districts = await regions.DistrictsAsync(ct);
        return new Dictionary<string, HashSet<string>>
        {
            ["district"] = [.. districts.Select(d => d.Code)],
            ["regionGroup"] = [.. districts.Select(d => d.Group)],
            ["urban"] = [.. SurveyCodes.Urban.Select(c => c.Code)],
            ["sex"] = [.. SurveyCodes.Sex.Select(c => c.Code)],
            ["ageGroup"] = [.. SurveyCodes.AgeGroups.Select(c => c.Code)],
            ["education"] = [.. SurveyCodes.Education.Select(c => c.Code)],
            ["audience"] = [.. Audiences.All.Select(a => a.Code)],
        };
    }

    private async Task<SurveyWave> LoadAsync(int waveId, CancellationToken ct) =>
        await db.Set<SurveyWave>().FirstOrDefaultAsync(w => w.Id == waveId, ct) ?? throw new NotFoundException($"调查 {waveId} 不存在。");

    private static IReadOnlyList<SheetRow> Read(byte[] content)
    {
        var (rows, error) = Spreadsheets.Read(content);
        if (error is not null)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = [error] });
        }

        return rows.Count > MaxRows
            ? throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = [$"一次最多导入 {MaxRows:N0} 行。"] })
            : rows;
    }

    private static void Fail(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = [.. errors.Take(200)] });
        }
    }
}
