using System.Globalization;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Insights.Survey.Estimation;

/// <summary>Final weights after raking (and trimming), in the respondents' order, with the raking report.</summary>
public sealed record RakedWeights(IReadOnlyList<double> Weights, RakingReport Report);

/// <summary>
/// The share of respondents 具备科学素质 (score above the threshold), weighted by design weights raked to population margins,
/// overall and by domain, with standard errors that match R's <c>survey</c> package for
/// <c>svymean(~I(score&gt;70), rake(svydesign(ids=~1, weights=~weight, data=d), …), deff=TRUE)</c> and
/// <c>svyby(…, ~district, raked, svymean, deff=TRUE)</c>: a single-stage with-replacement design, no strata or clusters.
/// docs/insights.md (调查估计) explains each step; SurveyEstimatorRTests checks the agreement with R.
/// </summary>
public static class SurveyEstimator
{
    /// <summary>The normal quantile for the 95% interval (R's confint uses qnorm(0.975) = 1.959964; 1.96 is the published rule).</summary>
    public const double Z95 = 1.96;

    /// <summary>Trim-and-re-rake rounds at most: re-raking pushes some weights back over the bounds, a few rounds settle it.</summary>
    public const int MaxTrimRounds = 10;

    /// <summary>Backfitting sweeps when removing the raking margins from the influence values: survey:::svyrecvar does exactly 10.</summary>
    private const int ResidualSweeps = 10;

    /// <summary>A weight this close to a trim bound counts as on it (re-raking leaves round-off).</summary>
    private const double TrimSlack = 1e-6;

    /// <summary>Margin variables whose population totals differ by more than this (relative) describe different populations.</summary>
    private const double TotalsSpread = 1e-3;

    public static SurveyEstimates Estimate(IReadOnlyList<Respondent> respondents, IReadOnlyList<Margin> margins, EstimationOptions? options = null,
        IReadOnlyList<string>? domains = null)
    {
        ArgumentNullException.ThrowIfNull(respondents);
        ArgumentNullException.ThrowIfNull(margins);
        options ??= new EstimationOptions();
        var design = Prepare(respondents, margins, options);
        var raked = RakeAndTrim(design, options);

        var y = respondents.Select(r => options.StrictlyAbove ? (r.Score > options.Threshold ? 1.0 : 0.0) : (r.Score >= options.Threshold ? 1.0 : 0.0)).ToArray();
        var estimator = new DomainEstimator(design.Variables, raked, y, options.MinCellSize);
        var overall = estimator.Estimate(null);

        var byVariable = new Dictionary<string, IReadOnlyDictionary<string, Estimate>>(StringComparer.Ordinal);
        foreach (var variable in DomainVariables(respondents, domains))
        {
            var levels = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < respondents.Count; i++)
            {
                if (respondents[i].Levels.TryGetValue(variable, out var level) && !string.IsNullOrWhiteSpace(level))
                {
                    if (!levels.TryGetValue(level, out var members))
                    {
                        levels[level] = members = [];
                    }

                    members.Add(i);
                }
            }

            var cells = new Dictionary<string, Estimate>(StringComparer.Ordinal);
            foreach (var (level, members) in levels)
            {
                var inDomain = new bool[respondents.Count];
                foreach (var i in members)
                {
                    inDomain[i] = true;
                }

                cells[level] = estimator.Estimate(inDomain);
            }

            byVariable[variable] = cells;
        }

        return new SurveyEstimates(overall, byVariable, raked.Report);
    }

    /// <summary>Only the weights: raking (and trimming) as <see cref="Estimate"/> does it, for callers that store or show weights.</summary>
    public static RakedWeights Rake(IReadOnlyList<Respondent> respondents, IReadOnlyList<Margin> margins, EstimationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(respondents);
        ArgumentNullException.ThrowIfNull(margins);
        options ??= new EstimationOptions();
        var raked = RakeAndTrim(Prepare(respondents, margins, options), options);
        return new RakedWeights(raked.Weights, raked.Report);
    }

    /// <summary>Indicator y, design and calibration: the domain share, its linearised variance and the design effect.</summary>
    private sealed class DomainEstimator(IReadOnlyList<MarginVariable> variables, RakeResult raked, double[] y, int minCellSize)
    {
        private readonly double[] w = raked.Weights;

        public Estimate Estimate(bool[]? inDomain)
        {
            var count = y.Length;
            bool In(int i) => inDomain is null || inDomain[i];

            var n = 0;
            double total = 0, weighted = 0;
            for (var i = 0; i < count; i++)
            {
                if (In(i))
                {
                    n++;
                    total += w[i];
                    weighted += w[i] * y[i];
                }
            }

            var share = weighted / total;

            // Influence values of the ratio mean: zero outside the domain, as survey's subset of a calibrated design keeps every
            // row with weight 0 (the calibration still spans the whole sample).
            var z = new double[count];
            double squares = 0;
            for (var i = 0; i < count; i++)
            {
                if (In(i))
                {
                    var e = y[i] - share;
                    z[i] = w[i] * e / total;
                    squares += w[i] * e * e;
                }
            }

            // Domains keep the whole sample's n: survey pads a subset with zero rows up to the sample's number of PSUs, and a
            // calibrated subset keeps every row with weight 0 anyway.
            if (variables.Count > 0)
            {
                RemoveMargins(z);
            }

            var variance = WithReplacement(z);
            var standardError = Math.Sqrt(variance);

            // svymean(deff = TRUE): SRS variance = svyvar / n · (N̂ − n) / N̂, svyvar = n/(n−1) · Σw(y−ȳ)²/Σw, N̂ = Σw in the domain.
            // R gives NA when N̂ < n and Inf when N̂ = n (weights not scaled to a population); there we use the with-replacement one.
            var s2 = n / (n - 1.0) * squares / total;
            var srs = total > n ? s2 * (total - n) / (total * n) : s2 / n;
            double? designEffect = srs > 0 && double.IsFinite(srs) ? variance / srs : null;
            double? effectiveN = designEffect > 0 ? n / designEffect : null;
            return new Estimate(share, standardError, share - Z95 * standardError, share + Z95 * standardError, n, designEffect, effectiveN, n < minCellSize);
        }

        /// <summary>
        /// Replaces the influence values by their residuals from the raking margins, as survey:::svyrecvar does for a "raking"
        /// calibration: ten backfitting sweeps of x ← x − w_m · ave(x / w_m, level), with w_m the weights right after margin m
        /// was fitted in the last raking sweep. Removing what the margins explain is why calibration lowers the variance.
        /// </summary>
        private void RemoveMargins(double[] z)
        {
            for (var sweep = 0; sweep < ResidualSweeps; sweep++)
            {
                for (var m = 0; m < variables.Count; m++)
                {
                    var variable = variables[m];
                    var psw = raked.StepWeights[m];
                    var sums = new double[variable.Levels.Count];
                    var counts = new int[variable.Levels.Count];
                    for (var i = 0; i < z.Length; i++)
                    {
                        sums[variable.LevelOf[i]] += z[i] / psw[i];
                        counts[variable.LevelOf[i]]++;
                    }

                    for (var i = 0; i < z.Length; i++)
                    {
                        var level = variable.LevelOf[i];
                        z[i] -= psw[i] * sums[level] / counts[level];
                    }
                }
            }
        }

        /// <summary>One stage, one stratum, each respondent its own PSU, no fpc: n/(n−1) · Σ(z − z̄)² (survey:::onestrat).</summary>
        private static double WithReplacement(double[] z)
        {
            var mean = z.Average();
            double squares = 0;
            foreach (var x in z)
            {
                squares += (x - mean) * (x - mean);
            }

            return z.Length / (z.Length - 1.0) * squares;
        }
    }

    /// <summary>One raking variable: its levels with their population totals, and each respondent's level index.</summary>
    private sealed record MarginVariable(string Name, IReadOnlyList<string> Levels, double[] Population, int[] LevelOf);

    private sealed record Design(double[] DesignWeights, IReadOnlyList<MarginVariable> Variables);

    private sealed record RakeResult(double[] Weights, double[][] StepWeights, RakingReport Report);

    private static Design Prepare(IReadOnlyList<Respondent> respondents, IReadOnlyList<Margin> margins, EstimationOptions options)
    {
        ValidateOptions(options);
        if (respondents.Count < 2)
        {
            throw new BusinessRuleException("受访者不足 2 人，无法估计。");
        }

        var errors = new List<string>();
        for (var i = 0; i < respondents.Count; i++)
        {
            var r = respondents[i];
            if (r is null || r.Levels is null)
            {
                errors.Add($"第 {i + 1} 位受访者缺少数据");
                continue;
            }

            if (!double.IsFinite(r.Score) || r.Score < 0 || r.Score > 100)
            {
                errors.Add($"受访者 {r.Id} 的得分 {r.Score.ToString(CultureInfo.InvariantCulture)} 不在 0–100 之间");
            }

            if (!double.IsFinite(r.DesignWeight) || r.DesignWeight <= 0)
            {
                errors.Add($"受访者 {r.Id} 的设计权数 {r.DesignWeight.ToString(CultureInfo.InvariantCulture)} 不是正数");
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["respondents"] = Limit(errors) });
        }

        var variables = new List<MarginVariable>();
        foreach (var group in margins.GroupBy(m => m.Variable, StringComparer.Ordinal))
        {
            var levels = new List<string>();
            var population = new List<double>();
            foreach (var margin in group)
            {
                if (string.IsNullOrWhiteSpace(margin.Level))
                {
                    errors.Add($"变量 {group.Key} 有一个总体数的类别为空");
                }
                else if (levels.Contains(margin.Level, StringComparer.Ordinal))
                {
                    errors.Add($"变量 {group.Key} 的类别 {margin.Level} 出现了不止一次");
                }
                else if (!double.IsFinite(margin.Population) || margin.Population <= 0)
                {
                    errors.Add($"变量 {group.Key} 的类别 {margin.Level} 的总体数必须是正数");
                }
                else
                {
                    levels.Add(margin.Level);
                    population.Add(margin.Population);
                }
            }

            var index = levels.Select((l, k) => (l, k)).ToDictionary(x => x.l, x => x.k, StringComparer.Ordinal);
            var levelOf = new int[respondents.Count];
            var counts = new int[levels.Count];
            var unknown = new SortedDictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < respondents.Count; i++)
            {
                var level = respondents[i].Levels.TryGetValue(group.Key, out var l) ? l : "";
                if (index.TryGetValue(level, out var k))
                {
                    levelOf[i] = k;
                    counts[k]++;
                }
                else
                {
                    unknown[level] = unknown.GetValueOrDefault(level) + 1;
                }
            }

            foreach (var (level, count) in unknown)
            {
                errors.Add(level.Length == 0
                    ? $"有 {count} 位受访者缺少变量 {group.Key} 的值"
                    : $"变量 {group.Key} 的类别“{level}”（{count} 人）在总体数中没有");
            }

            for (var k = 0; k < levels.Count; k++)
            {
                if (counts[k] == 0)
                {
                    errors.Add($"变量 {group.Key} 的类别“{levels[k]}”在样本中没有受访者，无法加权（请与相邻类别合并）");
                }
            }

            variables.Add(new MarginVariable(group.Key, levels, [.. population], levelOf));
        }

        if (errors.Count > 0)
        {
            throw new BusinessRuleException("样本与总体数不匹配：" + string.Join("；", Limit(errors)) + "。");
        }

        // Every margin describes the same population. Rounding in published tables leaves small gaps, which would stop raking
        // from converging: those are closed by scaling each variable to the first one's total; larger gaps are an error.
        if (variables.Count > 1)
        {
            var totals = variables.Select(v => v.Population.Sum()).ToList();
            if ((totals.Max() - totals.Min()) / totals.Max() > TotalsSpread)
            {
                throw new BusinessRuleException("各变量的总体数合计不一致（应为同一总体）：" +
                    string.Join("，", variables.Select((v, k) => $"{v.Name} {totals[k].ToString("N0", CultureInfo.InvariantCulture)}")) + "。");
            }

            for (var m = 1; m < variables.Count; m++)
            {
                var scale = totals[0] / totals[m];
                for (var k = 0; k < variables[m].Population.Length; k++)
                {
                    variables[m].Population[k] *= scale;
                }
            }
        }

        return new Design(respondents.Select(r => r.DesignWeight).ToArray(), variables);
    }

    private static void ValidateOptions(EstimationOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        if (!double.IsFinite(options.Threshold))
        {
            errors["threshold"] = ["阈值必须是数字。"];
        }

        if (options.MinCellSize < 0)
        {
            errors["minCellSize"] = ["最小单元格人数不能为负数。"];
        }

        if (options.MaxIterations < 1)
        {
            errors["maxIterations"] = ["迭代次数至少为 1。"];
        }

        if (!(options.Tolerance > 0))
        {
            errors["tolerance"] = ["收敛容差必须是正数。"];
        }

        if (options.TrimLower is { } lower && !(lower > 0 && lower <= 1))
        {
            errors["trimLower"] = ["权数下限必须在 0 到 1 之间（平均权数的倍数）。"];
        }

        if (options.TrimUpper is { } upper && !(upper >= 1 && double.IsFinite(upper)))
        {
            errors["trimUpper"] = ["权数上限必须不小于 1（平均权数的倍数）。"];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    /// <summary>
    /// Rakes, then trims: weights beyond the bounds are set to the bound and held there while the others are re-raked to meet
    /// the margins again (the held weight is taken off each level's population first). Re-raking can push further weights over
    /// a bound; those are held in the next round, up to <see cref="MaxTrimRounds"/> rounds. The bounds are multiples of the mean
    /// raked weight, which raking keeps at total population / n.
    /// </summary>
    private static RakeResult RakeAndTrim(Design design, EstimationOptions options)
    {
        var result = RakeOnce(design.DesignWeights, design.Variables, options, null);
        if (options.TrimLower is null && options.TrimUpper is null)
        {
            return result;
        }

        var iterations = result.Report.Iterations;
        var mean = result.Weights.Average();
        var lower = (options.TrimLower ?? 0) * mean;
        var upper = (options.TrimUpper ?? double.PositiveInfinity) * mean;
        var held = new bool[result.Weights.Length];
        var rounds = 0;
        while (rounds < MaxTrimRounds)
        {
            var w = (double[])result.Weights.Clone();
            var changed = false;
            for (var i = 0; i < w.Length; i++)
            {
                if (!held[i] && (w[i] > upper * (1 + TrimSlack) || w[i] < lower * (1 - TrimSlack)))
                {
                    w[i] = w[i] > upper ? upper : lower;
                    held[i] = changed = true;
                }
            }

            if (!changed)
            {
                break;
            }

            rounds++;
            result = RakeOnce(w, design.Variables, options, held);
            iterations += result.Report.Iterations;
        }

        var outside = result.Weights.Count(x => x > upper * (1 + TrimSlack) || x < lower * (1 - TrimSlack));
        return result with { Report = result.Report with { Iterations = iterations, Trimmed = held.Count(t => t), TrimRounds = rounds, OutsideTrimBounds = outside } };
    }

    /// <summary>
    /// Iterative proportional fitting: each sweep scales the weights so that one margin after another matches its population,
    /// until every margin is within the tolerance (relative). Held weights (trimmed to a bound) are not scaled: the others carry
    /// what is left of each level's population; a level with nothing left to carry is scaled whole, so the margin still holds.
    /// The weights right after each margin in the last sweep are kept: the variance needs them (survey stores them with the
    /// calibration).
    /// </summary>
    private static RakeResult RakeOnce(double[] start, IReadOnlyList<MarginVariable> variables, EstimationOptions options, bool[]? held)
    {
        var w = (double[])start.Clone();
        var steps = variables.Select(_ => w).ToArray();
        if (variables.Count == 0)
        {
            return new RakeResult(w, steps, new RakingReport(0, true, 0, 0));
        }

        var error = MaxMarginError(w, variables);
        var iterations = 0;
        while (error >= options.Tolerance && iterations < options.MaxIterations)
        {
            iterations++;
            for (var m = 0; m < variables.Count; m++)
            {
                var variable = variables[m];
                var free = new double[variable.Levels.Count];
                var fixedSum = new double[variable.Levels.Count];
                for (var i = 0; i < w.Length; i++)
                {
                    if (held is not null && held[i])
                    {
                        fixedSum[variable.LevelOf[i]] += w[i];
                    }
                    else
                    {
                        free[variable.LevelOf[i]] += w[i];
                    }
                }

                var factors = new double[free.Length];
                var scaleAll = new bool[free.Length];
                for (var k = 0; k < free.Length; k++)
                {
                    var rest = variable.Population[k] - fixedSum[k];
                    scaleAll[k] = !(free[k] > 0 && rest > 0);
                    factors[k] = scaleAll[k] ? variable.Population[k] / (free[k] + fixedSum[k]) : rest / free[k];
                }

                var next = new double[w.Length];
                for (var i = 0; i < w.Length; i++)
                {
                    var k = variable.LevelOf[i];
                    next[i] = held is not null && held[i] && !scaleAll[k] ? w[i] : w[i] * factors[k];
                }

                steps[m] = w = next;
            }

            error = MaxMarginError(w, variables);
        }

        return new RakeResult(w, steps, new RakingReport(iterations, error < options.Tolerance, error, 0));
    }

    private static double[] LevelSums(double[] w, MarginVariable variable)
    {
        var sums = new double[variable.Levels.Count];
        for (var i = 0; i < w.Length; i++)
        {
            sums[variable.LevelOf[i]] += w[i];
        }

        return sums;
    }

    private static double MaxMarginError(double[] w, IReadOnlyList<MarginVariable> variables)
    {
        double error = 0;
        foreach (var variable in variables)
        {
            var sums = LevelSums(w, variable);
            for (var k = 0; k < sums.Length; k++)
            {
                error = Math.Max(error, Math.Abs(sums[k] - variable.Population[k]) / variable.Population[k]);
            }
        }

        return error;
    }

    /// <summary>The requested domain variables, or every variable in the respondents' levels in order of first appearance.</summary>
    private static List<string> DomainVariables(IReadOnlyList<Respondent> respondents, IReadOnlyList<string>? domains)
    {
        var present = new List<string>();
        foreach (var respondent in respondents)
        {
            foreach (var key in respondent.Levels.Keys)
            {
                if (!present.Contains(key, StringComparer.Ordinal))
                {
                    present.Add(key);
                }
            }
        }

        if (domains is null)
        {
            return present;
        }

        var missing = domains.Where(d => !present.Contains(d, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new BusinessRuleException($"数据中没有这些分组变量：{string.Join("、", missing)}。");
        }

        return domains.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string[] Limit(List<string> errors) =>
        errors.Count <= 20 ? [.. errors] : [.. errors.Take(20), $"……另有 {errors.Count - 20} 处问题"];
}
