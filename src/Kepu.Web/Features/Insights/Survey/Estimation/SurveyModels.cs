namespace Kepu.Web.Features.Insights.Survey.Estimation;

/// <summary>
/// One person's answers as the estimator sees them: the level of each variable (<c>district</c> → <c>500101</c>,
/// <c>urban</c> → <c>urban</c>, <c>sex</c>, <c>ageGroup</c>, <c>education</c>, optionally <c>regionGroup</c>, <c>audience</c>),
/// the literacy score (0–100) and the design weight (inverse selection probability; 1 when every person had the same chance).
/// </summary>
public sealed record Respondent(string Id, IReadOnlyDictionary<string, string> Levels, double Score, double DesignWeight = 1);

/// <summary>A population total for one level of one raking variable (e.g. <c>sex</c>, <c>female</c>, 15 812 000).</summary>
public sealed record Margin(string Variable, string Level, double Population);

/// <summary>
/// How to estimate. <see cref="Threshold"/> and <see cref="StrictlyAbove"/>: a person 具备科学素质 when the score is above 70
/// (≥ when <see cref="StrictlyAbove"/> is false). <see cref="TrimLower"/>/<see cref="TrimUpper"/> bound the final weights as
/// multiples of the mean weight (e.g. 0.3 and 3.0); null means no bound. Raking stops when every margin is matched within
/// <see cref="Tolerance"/> (relative) or after <see cref="MaxIterations"/> sweeps.
/// </summary>
public sealed record EstimationOptions(
    double Threshold = 70,
    bool StrictlyAbove = true,
    int MinCellSize = 30,
    double? TrimLower = null,
    double? TrimUpper = null,
    int MaxIterations = 100,
    double Tolerance = 1e-10);

/// <summary>
/// A weighted share with its Taylor-linearised standard error and the 95% interval share ± 1.96·SE (not clipped to [0, 1],
/// as R's <c>confint</c>). <see cref="N"/> counts respondents; <see cref="DesignEffect"/> is the variance over the simple-random-
/// sampling variance of the same n and <see cref="EffectiveN"/> = n / deff (both null when undefined: a share of 0 or 1, or one respondent).
/// <see cref="Suppressed"/> marks cells with fewer than <see cref="EstimationOptions.MinCellSize"/> respondents: the values are
/// computed but too unstable to publish without the mark.
/// </summary>
public sealed record Estimate(double Share, double StandardError, double Lower, double Upper, int N, double? DesignEffect, double? EffectiveN, bool Suppressed);

/// <summary>The overall estimate, one per level of each domain variable (variable → level → estimate), and how raking went.</summary>
public sealed record SurveyEstimates(Estimate Overall, IReadOnlyDictionary<string, IReadOnlyDictionary<string, Estimate>> ByVariable, RakingReport Raking);

/// <summary>
/// How raking went. <see cref="Iterations"/>: sweeps over all margins, summed over the re-rakes after trimming;
/// <see cref="MaxMarginError"/>: the largest relative gap between a weighted margin and its population at the end;
/// <see cref="Trimmed"/>: respondents whose weight was capped or floored at least once; <see cref="TrimRounds"/>: trim-and-re-rake
/// rounds done; <see cref="OutsideTrimBounds"/>: final weights still outside the bounds (re-raking wins over the bounds, so the
/// margins stay exact).
/// </summary>
public sealed record RakingReport(int Iterations, bool Converged, double MaxMarginError, int Trimmed, int TrimRounds = 0, int OutsideTrimBounds = 0);
