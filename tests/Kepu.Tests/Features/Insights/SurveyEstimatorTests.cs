using Kepu.Web.Features.Insights.Survey.Estimation;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Tests.Features.Insights;

/// <summary>
/// The estimator's rules on small, hand-checkable data: raking meets every margin and leaves a matching sample alone; the
/// standard error is the one R's survey package computes (worked out by hand below); trimming caps weights; small cells are
/// flagged; levels without a population (or populations without respondents) are refused in Chinese.
/// </summary>
public sealed class SurveyEstimatorTests
{
    private static Respondent Person(string id, double score, double weight = 1, params (string Variable, string Level)[] levels) =>
        new(id, levels.ToDictionary(l => l.Variable, l => l.Level), score, weight);

    /// <summary>A random sample over three districts, two sexes and urban/rural, with unequal design weights.</summary>
    private static List<Respondent> Sample(int seed, int n = 600)
    {
        var random = new Random(seed);
        string[] districts = ["500101", "500103", "500154"];
        return Enumerable.Range(1, n).Select(i => Person($"r{i}", Math.Round(random.NextDouble() * 100, 1), 0.5 + random.NextDouble() * 3,
            ("district", districts[random.Next(i % 7 == 0 ? 3 : 2)]), ("sex", random.Next(3) == 0 ? "male" : "female"),
            ("urban", random.Next(4) == 0 ? "rural" : "urban"))).ToList();
    }

    private static readonly Margin[] Margins =
    [
        new("district", "500101", 1_565_000), new("district", "500103", 589_000), new("district", "500154", 1_202_000),
        new("sex", "male", 1_712_000), new("sex", "female", 1_644_000),
        new("urban", "urban", 2_100_000), new("urban", "rural", 1_256_000),
    ];

    [Fact]
    public void Raking_ReproducesEveryMargin()
    {
        var sample = Sample(1);

        var raked = SurveyEstimator.Rake(sample, Margins);

        Assert.True(raked.Report.Converged);
        Assert.InRange(raked.Report.Iterations, 2, 100);
        Assert.True(raked.Report.MaxMarginError < 1e-10);
        foreach (var margin in Margins)
        {
            var total = sample.Select((r, i) => r.Levels[margin.Variable] == margin.Level ? raked.Weights[i] : 0).Sum();
            Assert.Equal(margin.Population, total, margin.Population * 1e-9);
        }
    }

    [Fact]
    public void Raking_LeavesWeightsAlone_WhenTheSampleAlreadyMatches()
    {
        var sample = Sample(2);
        // Margins taken from the sample itself (design weights summed by level): nothing to correct.
        var margins = new[] { "district", "sex", "urban" }
            .SelectMany(v => sample.GroupBy(r => r.Levels[v]).Select(g => new Margin(v, g.Key, g.Sum(r => r.DesignWeight))))
            .ToList();

        var raked = SurveyEstimator.Rake(sample, margins);

        Assert.Equal(0, raked.Report.Iterations);
        Assert.True(raked.Report.Converged);
        Assert.Equal(sample.Select(r => r.DesignWeight), raked.Weights);
    }

    [Fact]
    public void StandardError_WithoutCalibration_IsPq_OverNMinusOne()
    {
        // Five people, two above 70, no margins: p = 0.4; R's with-replacement variance n/(n−1)·Σ((y−p)/n)² = p(1−p)/(n−1) = 0.06.
        var sample = new[] { 80.0, 75, 70, 60, 10 }.Select((s, i) => Person($"r{i}", s, 1, ("sex", i < 3 ? "male" : "female"))).ToList();

        var result = SurveyEstimator.Estimate(sample, []);

        Assert.Equal(0.4, result.Overall.Share, 12);
        Assert.Equal(Math.Sqrt(0.06), result.Overall.StandardError, 12);
        Assert.Equal(0.4 - 1.96 * Math.Sqrt(0.06), result.Overall.Lower, 12);
        Assert.Equal(0.4 + 1.96 * Math.Sqrt(0.06), result.Overall.Upper, 12);
        // Σw = n, so R's SRS fpc (N̂ − n)/N̂ would be 0; the with-replacement SRS variance p(1−p)·n/(n−1)/n = 0.06 is used: deff 1.
        Assert.Equal(1, result.Overall.DesignEffect!.Value, 12);
        Assert.Equal(5, result.Overall.EffectiveN!.Value, 12);
        Assert.Equal(0, result.Raking.Iterations);
        // A domain keeps the sample's n (R pads the subset with zeros): men 2 of 3, z = (y − 2/3)/3 for men and 0 for women,
        // 5/4 · (1/81 + 1/81 + 4/81) = 5/54 (R: SE 0.3042903), not the 1/9 of treating the 3 men as the whole sample.
        Assert.Equal(Math.Sqrt(5.0 / 54), result.ByVariable["sex"]["male"].StandardError, 12);
    }

    [Fact]
    public void StandardError_AfterRaking_UsesResidualsFromTheMargins()
    {
        // Men: scores 80, 50 (y = 1, 0); women: 90, 75 (y = 1, 1). Raked to 100 men and 300 women: weights 50 and 150.
        // p = (50 + 300) / 400 = 0.875. Influence z = w(y − p)/W; its residual from the sex margin is w·((y − p) − mean_sex(y − p))/W:
        // men ±50·0.5/400 = ±0.0625, women 0. Variance n/(n−1)·Σ(z − z̄)² = 4/3 · 2 · 0.0625² = 1/96 (R: SE 0.1020621).
        var sample = new[]
        {
            Person("a", 80, 1, ("sex", "male")), Person("b", 50, 1, ("sex", "male")),
            Person("c", 90, 1, ("sex", "female")), Person("d", 75, 1, ("sex", "female")),
        };

        var result = SurveyEstimator.Estimate(sample, [new("sex", "male", 100), new("sex", "female", 300)], new EstimationOptions(MinCellSize: 0));

        Assert.Equal(0.875, result.Overall.Share, 12);
        Assert.Equal(Math.Sqrt(1.0 / 96), result.Overall.StandardError, 12);
        // Post-stratified on sex: a domain that is a whole post-stratum has no variance left.
        Assert.Equal(0, result.ByVariable["sex"]["female"].StandardError, 12);
        Assert.Equal(0.5, result.ByVariable["sex"]["male"].Share, 12);
        // SRS variance for deff: n/(n−1)·p(1−p)/n·(N̂ − n)/N̂ = 4/3 · 0.109375/4 · 396/400.
        Assert.Equal(1.0 / 96 / (4.0 / 3 * 0.109375 / 4 * 396 / 400), result.Overall.DesignEffect!.Value, 10);
    }

    [Fact]
    public void Threshold_IsStrictlyAbove_UnlessAskedOtherwise()
    {
        var sample = new[] { 70.0, 70, 71, 69 }.Select((s, i) => Person($"r{i}", s, 1, ("sex", "male"))).ToList();

        Assert.Equal(0.25, SurveyEstimator.Estimate(sample, []).Overall.Share, 12);
        Assert.Equal(0.75, SurveyEstimator.Estimate(sample, [], new EstimationOptions(StrictlyAbove: false)).Overall.Share, 12);
        Assert.Equal(0.25, SurveyEstimator.Estimate(sample, [], new EstimationOptions(Threshold: 70.5, StrictlyAbove: false)).Overall.Share, 12);
    }

    [Fact]
    public void Trimming_CapsWeights_AndKeepsTheMargins()
    {
        var sample = Sample(3);
        sample[0] = sample[0] with { DesignWeight = 60 };
        sample[1] = sample[1] with { DesignWeight = 40 };
        sample[2] = sample[2] with { DesignWeight = 0.01 };
        // Sex and urban only: every level has enough people to carry its population within the bounds.
        var margins = Margins.Where(m => m.Variable != "district").ToList();
        var untrimmed = SurveyEstimator.Rake(sample, margins);
        var mean = untrimmed.Weights.Average();
        Assert.True(untrimmed.Weights.Max() > 3 * mean);
        Assert.True(untrimmed.Weights.Min() < 0.3 * mean);

        var raked = SurveyEstimator.Rake(sample, margins, new EstimationOptions(TrimLower: 0.3, TrimUpper: 3));

        Assert.InRange(raked.Report.Trimmed, 3, sample.Count / 2);
        Assert.InRange(raked.Report.TrimRounds, 1, SurveyEstimator.MaxTrimRounds);
        Assert.Equal(0, raked.Report.OutsideTrimBounds);
        Assert.True(raked.Report.Converged);
        Assert.All(raked.Weights, w => Assert.InRange(w, 0.3 * mean * (1 - 1e-6), 3 * mean * (1 + 1e-6)));
        Assert.Equal(3 * mean, raked.Weights[0], 1e-6 * mean);
        Assert.Equal(0.3 * mean, raked.Weights[2], 1e-6 * mean);
        AssertMargins(sample, raked.Weights, margins);

        var estimates = SurveyEstimator.Estimate(sample, margins, new EstimationOptions(TrimLower: 0.3, TrimUpper: 3));
        Assert.Equal(raked.Report, estimates.Raking);
    }

    [Fact]
    public void Trimming_ThatCannotHold_KeepsTheMargins_AndCountsTheWeightsOutside()
    {
        // District 500154 has about 29 respondents for 1.2 million people: its weights must be about 7 times the mean.
        var sample = Sample(3);

        var raked = SurveyEstimator.Rake(sample, Margins, new EstimationOptions(TrimUpper: 3));

        Assert.True(raked.Report.Converged);
        AssertMargins(sample, raked.Weights, Margins);
        var mean = raked.Weights.Average();
        var over = sample.Select((r, i) => (r, w: raked.Weights[i])).Where(x => x.w > 3 * mean * (1 + 1e-6)).ToList();
        Assert.Equal(over.Count, raked.Report.OutsideTrimBounds);
        Assert.NotEmpty(over);
        Assert.All(over, x => Assert.Equal("500154", x.r.Levels["district"]));
    }

    private static void AssertMargins(List<Respondent> sample, IReadOnlyList<double> weights, IEnumerable<Margin> margins)
    {
        foreach (var margin in margins)
        {
            var total = sample.Select((r, i) => r.Levels[margin.Variable] == margin.Level ? weights[i] : 0).Sum();
            Assert.Equal(margin.Population, total, margin.Population * 1e-9);
        }
    }

    [Fact]
    public void SmallCells_AreComputed_ButFlaggedSuppressed()
    {
        var sample = Sample(4);

        var result = SurveyEstimator.Estimate(sample, Margins, new EstimationOptions(MinCellSize: 40));

        var small = result.ByVariable["district"]["500154"];
        Assert.InRange(small.N, 1, 39);
        Assert.True(small.Suppressed);
        Assert.InRange(small.Share, 0, 1);
        Assert.True(small.StandardError > 0);
        Assert.False(result.ByVariable["district"]["500101"].Suppressed);
        Assert.False(result.Overall.Suppressed);
        Assert.Equal(sample.Count, result.Overall.N);
        Assert.Equal(sample.Count, result.ByVariable["sex"].Values.Sum(e => e.N));
        Assert.Equal(["district", "sex", "urban"], result.ByVariable.Keys);
    }

    [Fact]
    public void DomainShare_IsTheRakedWeightedMeanInTheDomain()
    {
        var sample = Sample(5);
        var weights = SurveyEstimator.Rake(sample, Margins).Weights;

        var result = SurveyEstimator.Estimate(sample, Margins, domains: ["urban"]);

        var rural = sample.Select((r, i) => (r, w: weights[i])).Where(x => x.r.Levels["urban"] == "rural").ToList();
        Assert.Equal(rural.Sum(x => x.r.Score > 70 ? x.w : 0) / rural.Sum(x => x.w), result.ByVariable["urban"]["rural"].Share, 12);
        Assert.Equal(["urban"], result.ByVariable.Keys);
        var d = result.ByVariable["urban"]["rural"];
        Assert.Equal(d.N / d.DesignEffect!.Value, d.EffectiveN!.Value, 9);
    }

    [Fact]
    public void LevelsWithoutPopulation_AndPopulationsWithoutRespondents_AreRefusedInChinese()
    {
        var sample = Sample(6);
        sample[5] = sample[5] with { Levels = new Dictionary<string, string>(sample[5].Levels) { ["district"] = "500199" } };

        var unknown = Assert.Throws<BusinessRuleException>(() => SurveyEstimator.Estimate(sample, Margins));
        Assert.Contains("500199", unknown.Message);
        Assert.Contains("在总体数中没有", unknown.Message);

        var empty = Assert.Throws<BusinessRuleException>(() => SurveyEstimator.Estimate(Sample(6), [.. Margins, new Margin("district", "500240", 389_000)]));
        Assert.Contains("500240", empty.Message);
        Assert.Contains("在样本中没有受访者", empty.Message);

        var totals = Assert.Throws<BusinessRuleException>(() => SurveyEstimator.Estimate(Sample(6), [.. Margins.Where(m => m.Variable != "sex"), new("sex", "male", 1), new("sex", "female", 1)]));
        Assert.Contains("合计不一致", totals.Message);

        var missingDomain = Assert.Throws<BusinessRuleException>(() => SurveyEstimator.Estimate(Sample(6), Margins, domains: ["audience"]));
        Assert.Contains("audience", missingDomain.Message);
    }

    [Fact]
    public void BadValuesAndOptions_FailValidation()
    {
        var sample = Sample(7);
        sample[0] = sample[0] with { Score = 120 };
        sample[1] = sample[1] with { DesignWeight = 0 };

        var bad = Assert.Throws<ValidationFailedException>(() => SurveyEstimator.Estimate(sample, Margins));
        Assert.Contains(bad.Errors["respondents"], e => e.Contains("0–100", StringComparison.Ordinal));
        Assert.Contains(bad.Errors["respondents"], e => e.Contains("设计权数", StringComparison.Ordinal));

        var options = Assert.Throws<ValidationFailedException>(() => SurveyEstimator.Estimate(Sample(7), Margins, new EstimationOptions(TrimLower: 2, MaxIterations: 0)));
        Assert.True(options.Errors.ContainsKey("trimLower"));
        Assert.True(options.Errors.ContainsKey("maxIterations"));
    }

    [Fact]
    public void SlightlyDifferentTotals_AreScaledToTheFirstVariable()
    {
        // Published tables round: sex totals off by 3 people out of 3.356 million still rake to convergence.
        var margins = Margins.Select(m => m.Variable == "sex" && m.Level == "male" ? m with { Population = m.Population + 3 } : m).ToList();

        var raked = SurveyEstimator.Rake(Sample(8), margins);

        Assert.True(raked.Report.Converged);
        Assert.Equal(Margins.Where(m => m.Variable == "district").Sum(m => m.Population), raked.Weights.Sum(), 1e-2);
    }
}
