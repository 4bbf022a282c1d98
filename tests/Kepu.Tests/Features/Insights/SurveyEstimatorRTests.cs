using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Xunit.Abstractions;

namespace Kepu.Tests.Features.Insights;

/// <summary>
/// The estimator against R's survey package on the same files: our <c>survey estimate</c> command and survey-check.R
/// (svydesign → rake(maxit = 100, epsilon = 1e-10) → svymean / svyby with deff) must give the same shares to 6 decimal places
/// and standard errors and design effects within 1% (relative), overall and for every level of every variable.
/// Needs Rscript with r-cran-survey (scripts/test.sh installs it); without it the test fails, it never skips.
/// </summary>
public sealed class SurveyEstimatorRTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("kepu-survey-r-");

    public void Dispose() => directory.Delete(recursive: true);

    [Theory]
    [InlineData(20260801, 3000, new[] { "district", "urban", "sex", "ageGroup", "education" })]
    [InlineData(7, 1200, new[] { "sex", "district" })]
    public async Task Estimates_MatchRSurveyPackage(int seed, int count, string[] marginVariables)
    {
        var rscript = FindRscript();
        var responses = Path.Combine(directory.FullName, "responses.csv");
        var margins = Path.Combine(directory.FullName, "margins.csv");
        var ours = Path.Combine(directory.FullName, "estimates.json");
        var theirs = Path.Combine(directory.FullName, "r.csv");
        await File.WriteAllTextAsync(responses, SurveyData.ResponsesCsv(seed, count));
        await File.WriteAllTextAsync(margins, SurveyData.MarginsCsv(marginVariables));

        var (exit, _, errors) = await SurveyEstimateCommandTests.RunAsync("survey", "estimate", "--responses", responses, "--margins", margins, "--out", ours);
        Assert.True(exit == 0, errors);
        var script = Path.Combine(AppContext.BaseDirectory, "Features", "Insights", "survey-check.R");
        var (rExit, rErrors) = await RunAsync(rscript, script, responses, margins, theirs);
        Assert.True(rExit == 0, $"survey-check.R 失败（需要 R 的 survey 包：apt-get install r-cran-survey）：\n{rErrors}");

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(ours));
        Assert.True(json.RootElement.GetProperty("raking").GetProperty("converged").GetBoolean());
        var reference = ReadR(theirs);
        var expectedRows = 1 + json.RootElement.GetProperty("byVariable").EnumerateObject().Sum(v => v.Value.EnumerateObject().Count());
        Assert.Equal(expectedRows, reference.Count);

        double shareDiff = 0, seDiff = 0, deffDiff = 0;
        foreach (var r in reference)
        {
            var estimate = r.Variable == "(overall)"
                ? json.RootElement.GetProperty("overall")
                : json.RootElement.GetProperty("byVariable").GetProperty(r.Variable).GetProperty(r.Level);
            var where = $"{r.Variable} {r.Level}";
            Assert.True(r.N == estimate.GetProperty("n").GetInt32(), where);
            var share = estimate.GetProperty("share").GetDouble();
            var se = estimate.GetProperty("standardError").GetDouble();
            var deff = estimate.GetProperty("designEffect").GetDouble();
            Assert.True(Math.Abs(share - r.Share) < 5e-7, $"{where}: share {share} vs R {r.Share}");
            Assert.True(Math.Abs(se / r.StandardError - 1) < 0.01, $"{where}: SE {se} vs R {r.StandardError}");
            Assert.True(Math.Abs(deff / r.DesignEffect - 1) < 0.01, $"{where}: deff {deff} vs R {r.DesignEffect}");
            Assert.Equal(share - 1.96 * se, estimate.GetProperty("lower").GetDouble(), 12);
            shareDiff = Math.Max(shareDiff, Math.Abs(share - r.Share));
            seDiff = Math.Max(seDiff, Math.Abs(se / r.StandardError - 1));
            deffDiff = Math.Max(deffDiff, Math.Abs(deff / r.DesignEffect - 1));
        }

        // Recorded in docs/insights.md (调查估计 → 与 R 的一致性).
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {seed}, n {count}, margins {string.Join('+', marginVariables)}: {reference.Count} estimates; max |Δshare| {shareDiff:E2}, max relative ΔSE {seDiff:E2}, max relative Δdeff {deffDiff:E2}"));
    }

    private sealed record RRow(string Variable, string Level, int N, double Share, double StandardError, double DesignEffect);

    private static List<RRow> ReadR(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<RRow>();
        while (csv.Read())
        {
            rows.Add(new RRow(csv.GetField("variable")!, csv.GetField("level")!, int.Parse(csv.GetField("n")!, CultureInfo.InvariantCulture),
                double.Parse(csv.GetField("share")!, CultureInfo.InvariantCulture), double.Parse(csv.GetField("se")!, CultureInfo.InvariantCulture),
                double.Parse(csv.GetField("deff")!, CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static string FindRscript()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "Rscript")).FirstOrDefault(File.Exists);
        Assert.True(found is not null,
            "没有找到 Rscript：与 R survey 包的对比测试需要 R（apt-get install r-cran-survey；scripts/test.sh 会自动安装）。此测试不跳过。");
        return found!;
    }

    private static async Task<(int Exit, string Errors)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stderr + await stdout);
    }
}
