using System.Globalization;

namespace Kepu.Web.Features.Insights.Dashboards;

/// <param name="Value">Null when the figure cannot be given (per 10,000 residents without a population).</param>
/// <param name="Band">0 for nothing, 1–4 for the quarters of the largest value, -1 for no figure: the tile's colour, always with the number written on it.</param>
public sealed record Tile(string Code, string Name, string ShortName, int Column, int Row, double? Value, string Text, int Band, string Label);

public sealed record LegendBand(int Band, string Label);

public sealed record TileMapView(string Title, Metric Metric, bool PerCapita, IReadOnlyList<Tile> Tiles, IReadOnlyList<LegendBand> Legend);

/// <summary>The tile map of one metric over the districts of a report (totals or per 10,000 residents).</summary>
public static class TileMap
{
    public static TileMapView Build(ReachTable districts, Metric metric, bool perCapita)
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
            return new Tile(r.Key, r.Label, TileGrid.ShortName(r.Label), column, row, value, text, Band(value), label);
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
        return new TileMapView(title, metric, perCapita, tiles, legend);
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
