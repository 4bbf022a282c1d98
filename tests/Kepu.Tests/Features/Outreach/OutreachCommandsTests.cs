using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Infrastructure.Cli;

namespace Kepu.Tests.Features.Outreach;

public sealed class OutreachCommandsTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await CommandLine.RunAsync(factory.Services, args, TextReader.Null, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Plan_WritesEveryRemoteDistrict_WithNoUnitInTwoPlacesOnADay()
    {
        var file = Path.Combine(factory.DataDirectory, "plan.json");

        var (exit, output, errors) = await RunAsync("outreach", "plan", "--targets", "remote", "--units", "2", "--from", "2027-01-04", "--to", "2027-03-31",
            "--out", file, "--time-limit", "1");

        Assert.True(exit == 0, errors);
        Assert.Contains("使用数据库中的 2 个单元", output); // the demo units
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var visits = json.RootElement.GetProperty("visits").EnumerateArray()
            .Select(v => (Unit: v.GetProperty("unit").GetInt32(), Target: v.GetProperty("target").GetString()!, Date: v.GetProperty("date").GetString()!)).ToList();
        Assert.Equal(17, visits.Select(v => v.Target).Distinct().Count());
        Assert.Equal(visits.Count, visits.Select(v => (v.Unit, v.Date)).Distinct().Count());
        Assert.All(visits, v => Assert.InRange(string.CompareOrdinal(v.Date, "2027-01-04"), 0, int.MaxValue));
        Assert.True(json.RootElement.GetProperty("travelKm").GetDouble() >= json.RootElement.GetProperty("lowerBoundKm").GetDouble());
        Assert.Empty(json.RootElement.GetProperty("unplanned").EnumerateArray());
    }

    [Fact]
    public async Task Plan_WithBadArguments_ExplainsInChinese_AndWritesNothing()
    {
        var file = Path.Combine(factory.DataDirectory, "bad.json");

        var (exit, _, errors) = await RunAsync("outreach", "plan", "--targets", "villages", "--units", "0", "--from", "2027-02-30", "--to", "2027-01-01", "--out", file);

        Assert.Equal(2, exit);
        Assert.Contains("--targets 必须是 remote", errors);
        Assert.Contains("--units 必须是", errors);
        Assert.Contains("--from 必须是 YYYY-MM-DD", errors);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Help_ListsTheOutreachCommand()
    {
        var (exit, output, _) = await RunAsync("help");

        Assert.Equal(0, exit);
        Assert.Contains("outreach plan --targets remote|towns", output);
    }
}
