using System.Globalization;
using Kepu.Web.Features.Insights.Dashboards;
using Kepu.Web.Features.Regions;

namespace Kepu.Web.Features.Insights.Survey;

/// <summary>
/// The survey estimate by district on the same tile grid as the operations dashboards. Colours are fixed bands around the
/// plan's figures (below the 2020 level of 渝东北 … at or above the 2027 target), so two waves read alike; a district whose
/// sample is too small is drawn dashed with its figure marked *, a district with no respondent shows —.
/// </summary>
public static class SurveyTileMap
{
    /// <summary>Lower bounds (share) of bands 1–4; band 0 is below the first.</summary>
    private static readonly double[] Bounds = [0.08, 0.11, 0.15, 0.17];

    public static TileMapView Build(IEnumerable<EstimateRow> districtRows, IReadOnlyList<DistrictInfo> districts)
    {
        var byCode = districtRows.Where(r => r.Variable == "district").ToDictionary(r => r.Level, r => r.Estimate);
        var tiles = districts.Where(d => TileGrid.Positions.ContainsKey(d.Code)).Select(d =>
        {
            var (column, row) = TileGrid.Positions[d.Code];
            var href = $"#district-{d.Code}";
            if (!byCode.TryGetValue(d.Code, out var e))
            {
                return new Tile(d.Code, d.Name, TileGrid.ShortName(d.Name), column, row, null, "—", -1, $"{d.Name}：没有样本", "#by");
            }

            var share = Percent(e.Share);
            var text = e.Suppressed ? share + "*" : share;
            var label = e.Suppressed
                ? $"{d.Name}：{share}%，样本 {e.N} 人，不足以报告，仅作参考"
                : $"{d.Name}：{share}%（95% 置信区间 {Percent(e.Lower)}%–{Percent(e.Upper)}%，样本 {e.N} 人）";
            return new Tile(d.Code, d.Name, TileGrid.ShortName(d.Name), column, row, e.Share, text, e.Suppressed ? -1 : Band(e.Share), label, href);
        }).ToList();

        var legend = new List<LegendBand>
        {
            new(0, "低于 8%"), new(1, "8%–11%"), new(2, "11%–15%"), new(3, "15%–17%（达 2025 年目标）"), new(4, "17% 以上（达 2027 年目标）"),
            new(-1, "* 样本不足，仅作参考；— 没有样本"),
        };
        return new TileMapView("具备科学素质的比例（%）", tiles, legend,
            "每个方块是一个区县，位置大致对应地理方位（西为主城、东北为渝东北、东南为渝东南）；颜色越深比例越高，比例写在方块上。点方块看该区县的置信区间和样本量。");
    }

    public static int Band(double share) => Bounds.Count(b => share >= b);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture);
}
