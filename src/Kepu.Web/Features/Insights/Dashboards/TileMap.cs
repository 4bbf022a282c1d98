using System.Globalization;

namespace Kepu.Web.Features.Insights.Dashboards;

/// <param name="Value">Null when the figure cannot be given (per 10,000 residents without a population).</param>
/// <param name="Band">0–4 from light to dark (for reach: 0 for nothing, 1–4 for the quarters of the largest value), -1 for no figure: the tile's colour, always with the number written on it.</param>
/// <param name="Href">Where the tile leads (that district's dashboard, or its row in the table beside the map).</param>
public sealed record Tile(string Code, string Name, string ShortName, int Column, int Row, double? Value, string Text, int Band, string Label, string Href);

public sealed record LegendBand(int Band, string Label);

/// <summary>A tile map ready to draw with <c>_TileMap</c>: the caption, the 38 tiles, the legend and a line on how to read it.</summary>
public sealed record TileMapView(string Title, IReadOnlyList<Tile> Tiles, IReadOnlyList<LegendBand> Legend, string Note);

/// <summary>The tile map of one metric over the districts of a report (totals or per 10,000 residents).</summary>
public static class TileMap
{
    public const string ReachNote = "每个方块是一个区县，位置大致对应地理方位（西为主城、东北为渝东北、东南为渝东南）；颜色越深数值越大，数值写在方块上。点方块看该区县。";

    /// <param name="href">The link of a district's tile, from its code.</param>
    public static TileMapView Build(ReachTable districts, Metric metric, bool perCapita, Func<string, string> href)
    {
        var rows = districts.Rows.Where(r => TileGrid.Positions.ContainsKey(r.Key)).ToList();
        double? Value(ReachRow r) => perCapita ? r.Rate(metric) : r.Value(metric);
        var max = rows.Select(Value).Max() ?? 0;
        int Band(double? v) => v is null ? -1 : v <= 0 || max <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(v.Value / max * 4), 1, 4);

        var unit = perCapita ? $"{metric.Unit}/万人" : metric.Unit;
        var tiles = rows.Select(r =>
        {
            var (column, row) = TileGrid.Positions[r.Key];
            var value = Value(r);
            var text = value is null ? "—" : Figures.Compact(value.Value, perCapita);
            var label = value is null ? $"{r.Label}：{metric.Label}每万人无法计算（未录入常住人口）"
                : $"{r.Label}：{metric.Label} {Figures.Full(value.Value, perCapita)} {unit}";
            return new Tile(r.Key, r.Label, TileGrid.ShortName(r.Label), column, row, value, text, Band(value), label, href(r.Key));
        }).ToList();

        var legend = new List<LegendBand> { new(0, "0") };
        for (var band = 1; band <= 4 && max > 0; band++)
        {
            legend.Add(new LegendBand(band, band == 1 ? $"≤ {Figures.Full(max / 4, perCapita)}" : $"{Figures.Full(max * (band - 1) / 4, perCapita)} – {Figures.Full(max * band / 4, perCapita)}"));
        }

        if (tiles.Any(t => t.Band < 0))
        {
            legend.Add(new LegendBand(-1, "— 未录入常住人口"));
        }

        var title = $"{metric.Label}（{unit}）";
        return new TileMapView(title, tiles, legend, ReachNote);
    }
}

/// <summary>How figures are written: whole numbers with separators, rates with one or two decimals, 万 on tiles.</summary>
public static class Figures
{
    public static string Full(double value, bool rate = false) =>
        rate ? value.ToString(Math.Abs(value) < 10 ? "0.##" : "#,0.#", CultureInfo.InvariantCulture)
        : value.ToString(value == Math.Floor(value) ? "#,0" : "#,0.#", CultureInfo.InvariantCulture);

    public static string Compact(double value, bool rate = false) =>
        !rate && Math.Abs(value) >= 10_000 ? (value / 10_000).ToString(Math.Abs(value) >= 1_000_000 ? "0" : "0.#", CultureInfo.InvariantCulture) + "万"
        : Full(value, rate);

    public static string Rate(double? value) => value is null ? "—" : Full(value.Value, true);
}
