namespace Kepu.Web.Features.Insights.Dashboards;

public sealed record Bar(string Label, double Value, string Text);

/// <summary>A horizontal bar chart drawn in HTML: every bar has its number written beside it; the table next to it holds the same data.</summary>
public sealed record BarChart(string Title, IReadOnlyList<Bar> Bars)
{
    public double Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);

    /// <summary>Width of a bar in percent of the track: the longest takes 75 % (its number goes after it), a non-zero value at least a sliver.</summary>
    public double Percent(Bar bar) => Max <= 0 || bar.Value <= 0 ? 0 : Math.Max(1.5, 75 * bar.Value / Max);

    public static BarChart Of(string title, IEnumerable<ReachRow> rows, Metric metric, bool perCapita = false) =>
        new(title, [.. rows.Select(r => perCapita
            ? new Bar(r.Label, r.Rate(metric) ?? 0, Figures.Rate(r.Rate(metric)))
            : new Bar(r.Label, r.Value(metric), Figures.Full(r.Value(metric))))]);
}
