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
