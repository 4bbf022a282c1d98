using System.Text.Json;
using Kepu.Web.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Insights;

/// <summary><c>survey estimate</c> through the app's command line: needs no database, writes camelCase JSON, refuses bad rows by number.</summary>
public sealed class SurveyEstimateCommandTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("kepu-survey-");

    public void Dispose() => directory.Delete(recursive: true);

    private string File(string name, string? content = null)
    {
        var path = Path.Combine(directory.FullName, name);
        if (content is not null)
        {
            System.IO.File.WriteAllText(path, content);
        }

        return path;
    }

    internal static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        // The command needs no services: an empty provider shows it never touches the database.
        await using var services = new ServiceCollection().BuildServiceProvider();
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await CommandLine.RunAsync(services, args, TextReader.Null, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Estimate_WritesOverall_ByVariable_AndRaking()
    {
        var responses = File("responses.csv", SurveyData.ResponsesCsv(11, 800));
        var margins = File("margins.csv", SurveyData.MarginsCsv("district", "urban", "sex"));
        var output = File("out/estimates.json");

        var (exit, stdout, errors) = await RunAsync("survey", "estimate", "--responses", responses, "--margins", margins, "--out", output, "--min-cell", "150");

        Assert.True(exit == 0, errors);
        Assert.Contains("完成：800 人", stdout);
        Assert.Contains("已标记 suppressed", stdout);
        using var json = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(output));
        var overall = json.RootElement.GetProperty("overall");
        foreach (var name in new[] { "share", "standardError", "lower", "upper", "n", "designEffect", "effectiveN", "suppressed" })
        {
            Assert.True(overall.TryGetProperty(name, out _), name);
        }

        Assert.Equal(800, overall.GetProperty("n").GetInt32());
        Assert.InRange(overall.GetProperty("share").GetDouble(), 0.05, 0.95);
        var byVariable = json.RootElement.GetProperty("byVariable");
        Assert.Equal(["district", "urban", "sex", "ageGroup", "education"], byVariable.EnumerateObject().Select(p => p.Name));
        Assert.Equal(6, byVariable.GetProperty("district").EnumerateObject().Count());
        Assert.Equal(800, byVariable.GetProperty("district").EnumerateObject().Sum(p => p.Value.GetProperty("n").GetInt32()));
        var cells = byVariable.EnumerateObject().SelectMany(v => v.Value.EnumerateObject()).Select(c => c.Value).ToList();
        Assert.All(cells, c => Assert.Equal(c.GetProperty("n").GetInt32() < 150, c.GetProperty("suppressed").GetBoolean()));
        Assert.Contains(cells, c => c.GetProperty("suppressed").GetBoolean());
        var raking = json.RootElement.GetProperty("raking");
        Assert.True(raking.GetProperty("converged").GetBoolean());
        Assert.True(raking.GetProperty("iterations").GetInt32() > 1);
        Assert.Equal(0, raking.GetProperty("trimmed").GetInt32());
    }

    [Fact]
    public async Task Estimate_WithTrimAndThreshold_ReportsTrimming()
    {
        var responses = File("responses.csv", SurveyData.ResponsesCsv(12, 600));
        var margins = File("margins.csv", SurveyData.MarginsCsv("district", "sex"));
        var output = File("estimates.json");

        var (exit, _, errors) = await RunAsync("survey", "estimate", "--responses", responses, "--margins", margins, "--out", output,
            "--trim", "0.5,2", "--threshold", "85");

        Assert.True(exit == 0, errors);
        using var json = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(output));
        Assert.True(json.RootElement.GetProperty("raking").GetProperty("trimmed").GetInt32() > 0);
        Assert.InRange(json.RootElement.GetProperty("overall").GetProperty("share").GetDouble(), 0, 0.5); // few score above 85
    }

    [Fact]
    public async Task Estimate_ListsEveryBadRow_AndWritesNothing()
    {
        var responses = File("responses.csv", """
            id,district,urban,sex,ageGroup,education,score,weight
            R1,500103,urban,female,30-39,college,88,1.5
            R2,500199,urban,male,30-39,college,71,1
            R3,500101,rural,,18-29,primary,abc,1
            R1,500101,rural,male,18-29,primary,64,-2
            R5,500101,urban,female,40-49,high,101,1
            R6,500101,rural,male,50-59,middle,55,1
            """);
        var margins = File("margins.csv", """
            variable,level,population
            district,500103,589000
            district,500101,1565000
            district,500154,1202000
            sex,male,1200000
            sex,female,x
            """);
        var output = File("estimates.json");

        var (exit, _, errors) = await RunAsync("survey", "estimate", "--responses", responses, "--margins", margins, "--out", output);

        Assert.Equal(1, exit);
        Assert.Contains("未写出任何结果", errors);
        Assert.Contains("第 4 行：sex 为空；score“abc”应为 0 到 100 之间的数。", errors);
        Assert.Contains("第 5 行：id R1 与第 2 行重复；weight“-2”应为正数。", errors);
        Assert.Contains("第 6 行：score“101”应为 0 到 100 之间的数。", errors);
        Assert.Contains("第 6 行：population“x”应为正数。", errors);
        Assert.False(System.IO.File.Exists(output));

        // With the format fixed, the level checks name the rows too: a district without a population, a population without respondents.
        System.IO.File.WriteAllText(margins, "variable,level,population\ndistrict,500103,589000\ndistrict,500101,1565000\ndistrict,500154,1202000\n");
        System.IO.File.WriteAllText(responses, "id,district,urban,sex,ageGroup,education,score\nR1,500103,urban,female,30-39,college,88\nR2,500199,urban,male,30-39,college,71\nR3,500101,rural,male,18-29,primary,60\n");

        (exit, _, errors) = await RunAsync("survey", "estimate", "--responses", responses, "--margins", margins, "--out", output);

        Assert.Equal(1, exit);
        Assert.Contains("第 3 行：district“500199”在总体数文件中没有。", errors);
        Assert.Contains("第 4 行：district=500154 在样本中没有受访者", errors);
        Assert.False(System.IO.File.Exists(output));
    }

    [Fact]
    public async Task Estimate_WithBadArguments_ShowsUsage()
    {
        var (exit, _, errors) = await RunAsync("survey", "estimate", "--responses", File("missing.csv"), "--trim", "3,0.3", "--threshold", "x");

        Assert.Equal(2, exit);
        Assert.Contains("文件不存在", errors);
        Assert.Contains("--margins", errors);
        Assert.Contains("--out", errors);
        Assert.Contains("--trim", errors);
        Assert.Contains("--threshold", errors);
        Assert.Contains("用法", errors);
    }

    [Fact]
    public async Task Help_ListsTheSurveyCommand()
    {
        var (exit, output, _) = await RunAsync("help");

        Assert.Equal(0, exit);
        Assert.Contains("survey estimate --responses RESPONSES.csv --margins MARGINS.csv --out ESTIMATES.json", output);
    }
}
