using System.Security.Claims;
using Kepu.Web.Features.Insights.Survey.Entities;
using Kepu.Web.Features.Insights.Survey.Estimation;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Insights.Survey;

public sealed record EstimateRow(string Variable, string VariableLabel, string Level, string LevelLabel, Estimate Estimate);

public sealed record WaveEstimates(int WaveId, int Year, string Title, int Respondents, Estimate Overall, IReadOnlyList<EstimateRow> Rows, RakingReport Raking,
    IReadOnlyList<string> MarginVariables);

public sealed record ProgressPoint(int Year, string Area, string AreaLabel, double Share, double? Lower, double? Upper, string Kind);

/// <summary>
/// Weighted estimates of the share with basic scientific literacy (score above 70), raked to the wave's population margins, with
/// Taylor-linearised standard errors (see docs/insights.md); and the progress view against the 2020 baseline and the targets.
/// </summary>
public sealed class SurveyResults(AppDbContext db, IRegionDirectory regions)
{
    /// <summary>一区两群 as the plan reports it: 主城都市区 (中心城区 + 主城新区), 渝东北, 渝东南.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Areas = [("metro", "主城都市区"), ("northeast", "渝东北三峡库区城镇群"), ("southeast", "渝东南武陵山区城镇群")];

    /// <summary>2020 baseline (per cent) and the plan's targets for the whole city.</summary>
    public static readonly IReadOnlyList<ProgressPoint> Plan =
    [
        new(2020, "city", "全市", 10.20, null, null, "baseline"),
        new(2020, "metro", "主城都市区", 11.6, null, null, "baseline"),
        new(2020, "northeast", "渝东北三峡库区城镇群", 8.2, null, null, "baseline"),
        new(2020, "southeast", "渝东南武陵山区城镇群", 7.4, null, null, "baseline"),
        new(2025, "city", "全市", 15, null, null, "target"),
        new(2027, "city", "全市", 17, null, null, "target"),
    ];

    public async Task<WaveEstimates> EstimateAsync(int waveId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        SurveyImports.EnsureAdmin(user);
        return await ComputeAsync(waveId, ct);
    }

    /// <summary>Each wave's estimate for the city and the three areas, with the plan's baseline and targets.</summary>
    public async Task<IReadOnlyList<ProgressPoint>> ProgressAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        SurveyImports.EnsureAdmin(user);
        var points = new List<ProgressPoint>(Plan);
        var waves = await db.Set<SurveyWave>().AsNoTracking().Where(w => w.Margins.Count > 0).OrderBy(w => w.Year).Select(w => w.Id).ToListAsync(ct);
        foreach (var id in waves)
        {
            if (!await db.Set<SurveyResponse>().AnyAsync(r => r.WaveId == id, ct))
            {
                continue;
            }

            var e = await ComputeAsync(id, ct);
            points.Add(Point(e.Year, "city", "全市", e.Overall));
            foreach (var row in e.Rows.Where(r => r.Variable == "area"))
            {
                points.Add(Point(e.Year, row.Level, row.LevelLabel, row.Estimate));
            }
        }

        return points;
    }

    private static ProgressPoint Point(int year, string area, string label, Estimate e) =>
        new(year, area, label, Math.Round(e.Share * 100, 2), Math.Round(e.Lower * 100, 2), Math.Round(e.Upper * 100, 2), e.Suppressed ? "suppressed" : "estimate");

    private async Task<WaveEstimates> ComputeAsync(int waveId, CancellationToken ct)
    {
        var wave = await db.Set<SurveyWave>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == waveId, ct) ?? throw new NotFoundException($"调查 {waveId} 不存在。");
        if (wave.Margins.Count == 0)
        {
            throw new BusinessRuleException("还没有导入人口边际（加权用的总体人口数），请先导入。");
        }

        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.WaveId == waveId).ToListAsync(ct);
        if (responses.Count < 2)
        {
            throw new BusinessRuleException("样本太少，无法估计。");
        }

        var districts = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code);

        // By audience group when any respondent has one (online answers take it from the account; imports may give it);
        // respondents without one form their own level, 未填写人群.
        var withAudience = responses.Any(r => r.Audience is not null);
        var respondents = responses.Select(r =>
        {
            var group = districts[r.District].Group;
            var levels = new Dictionary<string, string>
            {
                ["district"] = r.District, ["regionGroup"] = group, ["area"] = group is "core" or "new" ? "metro" : group,
                ["urban"] = r.Urban, ["sex"] = r.Sex, ["ageGroup"] = r.AgeGroup, ["education"] = r.Education,
            };
            if (withAudience)
            {
                levels["audience"] = r.Audience ?? UnknownAudience;
            }

            return new Respondent(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), levels, r.Score, r.DesignWeight);
        }).ToList();
        var margins = wave.Margins.Select(m => new Margin(m.Variable, m.Level, m.Population)).ToList();
        var domains = new List<string> { "area", "regionGroup", "district", "urban", "sex", "ageGroup", "education" };
        if (withAudience)
        {
            domains.Add("audience");
        }

        var estimates = SurveyEstimator.Estimate(respondents, margins, new EstimationOptions(TrimLower: 0.3, TrimUpper: 3.0), domains);
        var rows = new List<EstimateRow>();
        foreach (var variable in domains)
        {
            if (!estimates.ByVariable.TryGetValue(variable, out var byLevel))
            {
                continue;
            }

            foreach (var (level, estimate) in byLevel.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                rows.Add(new EstimateRow(variable, VariableLabel(variable), level, LevelLabel(variable, level, districts), estimate));
            }
        }

        return new WaveEstimates(wave.Id, wave.Year, wave.Title, responses.Count, estimates.Overall, rows, estimates.Raking,
            [.. wave.Margins.Select(m => m.Variable).Distinct()]);
    }

    private const string UnknownAudience = "unknown";

    private static string VariableLabel(string variable) => variable == "area" ? "一区两群" : SurveyCodes.Label(SurveyCodes.Variables, variable);

    private static string LevelLabel(string variable, string level, Dictionary<string, DistrictInfo> districts) => variable switch
    {
        "district" => districts.TryGetValue(level, out var d) ? d.Name : level,
        "area" => SurveyCodes.Label(Areas, level),
        "regionGroup" => level switch { "core" => "中心城区", "new" => "主城新区", "northeast" => "渝东北", "southeast" => "渝东南", _ => level },
        "urban" => SurveyCodes.Label(SurveyCodes.Urban, level),
        "sex" => SurveyCodes.Label(SurveyCodes.Sex, level),
        "ageGroup" => SurveyCodes.Label(SurveyCodes.AgeGroups, level),
        "education" => SurveyCodes.Label(SurveyCodes.Education, level),
        "audience" => level == UnknownAudience ? "未填写人群" : Accounts.Entities.Audiences.Label(level),
        _ => level,
    };
}
