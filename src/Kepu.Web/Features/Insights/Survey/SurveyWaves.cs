using System.Globalization;
using System.Security.Claims;
using Kepu.Web.Features.Insights.Survey.Entities;
using Kepu.Web.Features.Learning;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Insights.Survey;

public sealed record WaveRequest(int? Year, string? Title);

public sealed record WaveView(int Id, int Year, string Title, string Status, string StatusLabel, int Questions, int Responses, int Online, int Imported,
    int Margins, IReadOnlyList<string> MarginVariables, int QuotaCells);

/// <summary>
/// Survey waves: an administrator creates one (the questionnaire is drawn from the question bank with the national structure:
/// 科学知识 10 questions × 4 points, 科学方法、科学精神与思想、应用科学的能力 5 × 4 each = 100), sets quota cells, opens and closes it.
/// </summary>
public sealed class SurveyWaves(AppDbContext db, SurveyQuestions questions, Regions.IRegionDirectory regions, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, int> QuestionsPerDimension = new Dictionary<string, int>
    {
        ["knowledge"] = 10, ["method"] = 5, ["spirit"] = 5, ["application"] = 5,
    };

    public async Task<WaveView> CreateAsync(WaveRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        SurveyImports.EnsureAdmin(user);
        var errors = new Dictionary<string, string[]>();
        if (r.Year is not (>= 2020 and <= 2100))
        {
            errors["year"] = ["请填写调查年份（2020–2100）。"];
        }

        var title = (r.Title ?? "").Trim();
        if (title.Length is < 4 or > 100)
        {
            errors["title"] = ["调查名称需要 4 到 100 个字。"];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var (ids, missing) = await questions.PickAsync(QuestionsPerDimension, r.Year!.Value, ct);
        if (missing.Count > 0)
        {
            throw new BusinessRuleException("题库的题不够组成问卷：" + string.Join("；", missing) + "。请先在题库中补充。");
        }

        var wave = new SurveyWave(r.Year.Value, title, ids, clock.GetUtcNow().UtcDateTime);
        db.Add(wave);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(wave.Id, ct);
    }

    public async Task<WaveView> StartAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        SurveyImports.EnsureAdmin(user);
        (await LoadAsync(id, ct)).StartFielding();
        await db.SaveChangesAsync(ct);
        return await ViewAsync(id, ct);
    }

    public async Task<WaveView> CloseAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        SurveyImports.EnsureAdmin(user);
        (await LoadAsync(id, ct)).Close();
        await db.SaveChangesAsync(ct);
        return await ViewAsync(id, ct);
    }

    /// <summary>Quota cells from a table <c>district,urban,target</c>; replaces the wave's cells. Every row is checked first.</summary>
    public async Task<ImportResult> QuotasAsync(int id, byte[] content, ClaimsPrincipal user, CancellationToken ct = default)
    {
        SurveyImports.EnsureAdmin(user);
        var wave = await LoadAsync(id, ct);
        var (rows, error) = Spreadsheets.Read(content);
        if (error is not null)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = [error] });
        }

        var districts = (await regions.DistrictsAsync(ct)).Select(d => d.Code).ToHashSet();
        var errors = new List<string>();
        var cells = new List<QuotaCell>();
        foreach (var row in rows)
        {
            if (!districts.Contains(row["district"]) || !SurveyCodes.IsValid(SurveyCodes.Urban, row["urban"]))
            {
                errors.Add($"第 {row.Number} 行：区县代码或城乡（urban/rural）不对。");
            }
            else if (!int.TryParse(row["target"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var target) || target is < 1 or > 100_000)
            {
                errors.Add($"第 {row.Number} 行：配额（target）应是 1 到 100000 的整数。");
            }
            else if (cells.Any(c => c.District == row["district"] && c.Urban == row["urban"]))
            {
                errors.Add($"第 {row.Number} 行：{row["district"]} {row["urban"]} 重复。");
            }
            else
            {
                cells.Add(new QuotaCell(row["district"], row["urban"], target));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = [.. errors.Take(200)] });
        }

        wave.ReplaceQuotas(cells);
        await db.SaveChangesAsync(ct);
        return new ImportResult(cells.Count, $"已设置 {cells.Count} 个配额单元。");
    }

    public async Task<IReadOnlyList<WaveView>> ListAsync(CancellationToken ct = default)
    {
        var ids = await db.Set<SurveyWave>().AsNoTracking().OrderByDescending(w => w.Year).ThenByDescending(w => w.Id).Select(w => w.Id).ToListAsync(ct);
        var views = new List<WaveView>();
        foreach (var id in ids)
        {
            views.Add(await ViewAsync(id, ct));
        }

        return views;
    }

    public async Task<WaveView> ViewAsync(int id, CancellationToken ct = default)
    {
        var wave = await db.Set<SurveyWave>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException($"调查 {id} 不存在。");
        var counts = await db.Set<SurveyResponse>().Where(r => r.WaveId == id).GroupBy(r => r.Source).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new WaveView(wave.Id, wave.Year, wave.Title, wave.Status, WaveStatus.Label(wave.Status), wave.QuestionIds.Count, counts.Values.Sum(),
            counts.GetValueOrDefault(SurveyResponse.Online), counts.GetValueOrDefault(SurveyResponse.Imported), wave.Margins.Count,
            [.. wave.Margins.Select(m => m.Variable).Distinct()], wave.Quotas.Count);
    }

    private async Task<SurveyWave> LoadAsync(int id, CancellationToken ct) =>
        await db.Set<SurveyWave>().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException($"调查 {id} 不存在。");
}
