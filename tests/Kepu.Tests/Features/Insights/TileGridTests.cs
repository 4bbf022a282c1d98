using Kepu.Web.Features.Insights.Activity;
using Kepu.Web.Features.Insights.Activity.Demo;
using Kepu.Web.Features.Insights.Dashboards;
using Kepu.Web.Features.Regions;

namespace Kepu.Tests.Features.Insights;

/// <summary>The tile grid holds each of the 38 districts once, inside the grid, west to east; demo activity covers them.</summary>
public sealed class TileGridTests
{
    [Fact]
    public void EveryDistrictHasItsOwnTile()
    {
        Assert.Equal(38, TileGrid.Positions.Count);
        Assert.Equal(38, TileGrid.Positions.Values.Distinct().Count());
        Assert.All(TileGrid.Positions.Values, p => Assert.True(p.Column is >= 0 and < TileGrid.Columns && p.Row is >= 0 and < TileGrid.Rows));
        // 渝中 (the centre) lies west of 万州, which lies north of 酉阳.
        Assert.True(TileGrid.Positions["500103"].Column < TileGrid.Positions["500101"].Column);
        Assert.True(TileGrid.Positions["500101"].Row < TileGrid.Positions["500242"].Row);
    }

    [Theory]
    [InlineData("渝中区", "渝中")]
    [InlineData("石柱土家族自治县", "石柱")]
    [InlineData("秀山土家族苗族自治县", "秀山")]
    [InlineData("忠县", "忠县")]
    [InlineData("九龙坡区", "九龙坡")]
    public void ShortNamesFitATile(string name, string expected) => Assert.Equal(expected, TileGrid.ShortName(name));

    [Fact]
    public void DemoActivity_CoversEveryDistrict_AndLeavesTwoRemoteOnesQuietThisMonth()
    {
        var districts = TileGrid.Positions.Keys.Select(c => new DistrictInfo(c, c, "core", c is "500229" or "500238" or "500242" ? ["remote"] : [])).ToList();
        var now = new DateTime(2026, 3, 20, 4, 0, 0, DateTimeKind.Utc);
        var events = ActivityDemo.Generate(districts, now, new Random(1));
        Assert.All(districts, d => Assert.Contains(events, e => e.District == d.Code));
        Assert.DoesNotContain(events, e => e.Month == "2026-03" && e.District is "500229" or "500238" && e.Kind is ActivityKinds.Event or ActivityKinds.Caravan);
        Assert.Contains(events, e => e.Month == "2026-03" && e.Kind == ActivityKinds.Event);
        Assert.Equal(["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"], events.Where(e => e.Kind == ActivityKinds.View).Select(e => e.Month).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(DemoPopulation.TenThousands.Keys.Order(StringComparer.Ordinal), TileGrid.Positions.Keys.Order(StringComparer.Ordinal));
    }
}

/// <summary>The survey's tile map: fixed bands around the plan's figures, small samples dashed and starred, districts without a sample shown as —.</summary>
public sealed class SurveyTileMapTests
{
    private static Kepu.Web.Features.Insights.Survey.EstimateRow Row(string district, double share, int n, bool suppressed) =>
        new("district", "区县", district, district, new Kepu.Web.Features.Insights.Survey.Estimation.Estimate(share, 0.01, share - 0.02, share + 0.02, n, 1.2, n / 1.2, suppressed));

    [Theory]
    [InlineData(0.05, 0)]
    [InlineData(0.0799, 0)]
    [InlineData(0.08, 1)]
    [InlineData(0.12, 2)]
    [InlineData(0.15, 3)]
    [InlineData(0.169, 3)]
    [InlineData(0.17, 4)]
    [InlineData(0.4, 4)]
    public void BandsFollowThePlansFigures(double share, int band) => Assert.Equal(band, Kepu.Web.Features.Insights.Survey.SurveyTileMap.Band(share));

    [Fact]
    public void EachDistrictGetsATile_WithItsShare_OrAMark()
    {
        var districts = TileGrid.Positions.Keys.Select(c => new DistrictInfo(c, c == "500242" ? "酉阳土家族苗族自治县" : c, "core", [])).ToList();
        var rows = new[]
        {
            Row("500103", 0.1834, 400, false), Row("500242", 0.091, 12, true),
            new Kepu.Web.Features.Insights.Survey.EstimateRow("sex", "性别", "male", "男", new(0.5, 0.01, 0.48, 0.52, 600, 1, 600, false)),
        };
        var map = Kepu.Web.Features.Insights.Survey.SurveyTileMap.Build(rows, districts);

        Assert.Equal(38, map.Tiles.Count);
        var yuzhong = map.Tiles.Single(t => t.Code == "500103");
        Assert.Equal(("18.3", 4, "#district-500103"), (yuzhong.Text, yuzhong.Band, yuzhong.Href));
        Assert.Contains("95% 置信区间 16.3%–20.3%", yuzhong.Label, StringComparison.Ordinal);
        var youyang = map.Tiles.Single(t => t.Code == "500242");
        Assert.Equal(("9.1*", -1, "酉阳"), (youyang.Text, youyang.Band, youyang.ShortName));
        Assert.Contains("样本 12 人", youyang.Label, StringComparison.Ordinal);
        Assert.All(map.Tiles.Where(t => t.Code is not ("500103" or "500242")), t => Assert.Equal(("—", -1, (double?)null), (t.Text, t.Band, t.Value)));
    }
}
