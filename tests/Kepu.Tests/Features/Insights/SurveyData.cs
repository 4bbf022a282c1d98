using System.Globalization;
using System.Text;

namespace Kepu.Tests.Features.Insights;

/// <summary>
/// A synthetic literacy survey with a fixed seed: respondents over six districts, urban/rural, sex, five age groups and four
/// education levels, with unequal design weights (districts over- and under-sampled, plus noise) and scores that rise with
/// education and in towns; population margins that differ from the sample, so raking has work to do.
/// </summary>
internal static class SurveyData
{
    public static readonly (string Code, int Population, double SampleShare, double Urban)[] Districts =
    [
        ("500103", 589_000, 0.10, 1.00), // 渝中区
        ("500101", 1_565_000, 0.22, 0.70), // 万州区
        ("500154", 1_202_000, 0.18, 0.55), // 开州区
        ("500114", 487_000, 0.15, 0.50), // 黔江区
        ("500116", 1_359_000, 0.20, 0.68), // 江津区
        ("500240", 389_000, 0.15, 0.45), // 石柱土家族自治县
    ];

    public static readonly string[] AgeGroups = ["18-29", "30-39", "40-49", "50-59", "60-69"];
    public static readonly string[] Education = ["primary", "middle", "high", "college"];

    public static string ResponsesCsv(int seed, int count)
    {
        var random = new Random(seed);
        var text = new StringBuilder("id,district,urban,sex,ageGroup,education,score,weight\n");
        for (var i = 1; i <= count; i++)
        {
            var district = Pick(random, Districts.Select(d => d.SampleShare).ToArray());
            var urban = random.NextDouble() < Districts[district].Urban;
            var sex = random.Next(2) == 0 ? "female" : "male";
            var age = Pick(random, [0.18, 0.22, 0.22, 0.2, 0.18]);
            var education = Pick(random, urban ? [0.12, 0.3, 0.3, 0.28] : [0.3, 0.42, 0.2, 0.08]);
            var score = Math.Clamp(Math.Round(50 + 8 * education + (urban ? 5 : 0) - 2 * age + Normal(random) * 13), 0, 100);
            // Over-sampled districts get smaller weights; the lognormal factor makes the weights unequal within a district.
            var weight = Districts[district].Population / 1000.0 / Districts[district].SampleShare / 300 * Math.Exp(0.35 * Normal(random));
            text.Append(CultureInfo.InvariantCulture, $"R{i:D5},{Districts[district].Code},{(urban ? "urban" : "rural")},{sex},{AgeGroups[age]},{Education[education]},{score},{weight:R}\n");
        }

        return text.ToString();
    }

    /// <summary>Population totals for the given variables, in that order; every variable sums to the same total.</summary>
    public static string MarginsCsv(params string[] variables)
    {
        var total = Districts.Sum(d => d.Population);
        var shares = new Dictionary<string, (string Level, double Share)[]>
        {
            ["district"] = Districts.Select(d => (d.Code, (double)d.Population / total)).ToArray(),
            ["urban"] = [("urban", 0.66), ("rural", 0.34)],
            ["sex"] = [("male", 0.508), ("female", 0.492)],
            ["ageGroup"] = AgeGroups.Zip([0.2, 0.19, 0.21, 0.22, 0.18]).ToArray(),
            ["education"] = Education.Zip([0.28, 0.37, 0.2, 0.15]).ToArray(),
        };
        var text = new StringBuilder("variable,level,population\n");
        foreach (var variable in variables)
        {
            var levels = shares[variable];
            var rounded = levels.Select(l => (int)Math.Round(l.Share * total)).ToArray();
            rounded[^1] = total - rounded[..^1].Sum();
            for (var k = 0; k < levels.Length; k++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{variable},{levels[k].Level},{rounded[k]}\n");
            }
        }

        return text.ToString();
    }

    private static int Pick(Random random, double[] weights)
    {
        var u = random.NextDouble() * weights.Sum();
        for (var k = 0; k < weights.Length; k++)
        {
            u -= weights[k];
            if (u < 0)
            {
                return k;
            }
        }

        return weights.Length - 1;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
